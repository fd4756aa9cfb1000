"""Benchmark: the render time of every page ``usiraq serve`` has for the shipped release.

Starts ``usiraq serve`` on a free port (its database built from the release
into a temporary cache, as a first run does), then fetches every page: the
instance and database pages, every table page and its JSON, every row page,
the article list and every article, the conflicts page (all and each kind),
the search page and each table's search for a few words. Each page is fetched
once to warm it and then ``--repeat`` times; its time is the median, wall
clock over HTTP on the loopback interface. The target is every page under
300 ms.

Usage:
    python bench/web.py [--repeat 3] [--usiraq PATH]

Exit code 0 if every page meets the target, 1 if not.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

TARGET_MS = 300.0
WORDS = ("troops", "withdrawal", "Sudani", "2,500")
CONFLICT_KINDS = ("contradiction", "qualification", "attribution", "figure", "date")


def fetch(url: str) -> tuple[int, float]:
    """Status and wall-clock milliseconds of one GET, the body read to the end."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, (time.perf_counter() - start) * 1000


def pages() -> list[str]:
    """The path of every page for the shipped release."""
    from datasette.utils import tilde_encode
    from usiraq.schema import TABLES

    import usiraq

    paths = ["/", "/usiraq", "/-/articles", "/-/conflicts", "/-/search"]
    paths += [f"/-/conflicts?kind={kind}" for kind in CONFLICT_KINDS]
    paths += [f"/-/search?q={quote(word)}" for word in WORDS]
    for model in TABLES:
        name = model.table_name
        paths += [f"/usiraq/{name}", f"/usiraq/{name}.json"]
        paths += [f"/usiraq/{name}?_search={quote(word)}" for word in WORDS]
        for _, row in usiraq.load(name).iterrows():
            paths.append(f"/usiraq/{name}/" + ",".join(tilde_encode(str(row[pk])) for pk in model.primary_key))
    paths += [f"/-/articles/{source_id}" for source_id in usiraq.load("sources")["source_id"]]
    return paths


def group(path: str) -> str:
    """The kind of page a path is, for the report."""
    if path.startswith("/-/articles/"):
        return "article"
    if path.startswith("/-/"):
        return path[3:].split("?")[0]
    if path.count("/") >= 3:
        return "row"
    if ".json" in path:
        return "table json"
    if "_search=" in path:
        return "table search"
    return "table" if path.count("/") == 2 else "instance and database"


def start(usiraq: str, cache: str) -> tuple[subprocess.Popen[bytes], str, float]:
    """Start the server; its process, URL and seconds until it first answered."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "XDG_CACHE_HOME": cache}
    began = time.perf_counter()
    process = subprocess.Popen([usiraq, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while True:
        if process.poll() is not None:
            sys.exit(f"usiraq serve exited with {process.returncode}")
        try:
            if fetch(url + "/")[0] == 200:
                return process, url, time.perf_counter() - began
        except OSError:
            time.sleep(0.2)


def main() -> int:
    """Run the benchmark and print a report (JSON last)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--usiraq", default=str(Path(sys.executable).with_name("usiraq")))
    args = parser.parse_args()
    paths = pages()
    with tempfile.TemporaryDirectory() as cache:
        process, url, startup = start(args.usiraq, cache)
        try:
            times: dict[str, float] = {}
            for path in paths:
                status, _ = fetch(url + path)
                if status != 200:
                    print(f"{path}: HTTP {status}", file=sys.stderr)
                    return 1
                times[path] = statistics.median(fetch(url + path)[1] for _ in range(args.repeat))
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(60)
    ordered = sorted(times.items(), key=lambda item: -item[1])
    values = sorted(times.values())
    summary = {
        "pages": len(times),
        "repeat": args.repeat,
        "startup_s": round(startup, 2),
        "median_ms": round(statistics.median(values), 1),
        "p95_ms": round(values[int(0.95 * (len(values) - 1))], 1),
        "max_ms": round(values[-1], 1),
        "slowest": [[path, round(ms, 1)] for path, ms in ordered[:8]],
        "slowest_by_kind": {
            kind: max(round(ms, 1) for path, ms in times.items() if group(path) == kind)
            for kind in sorted({group(path) for path in times})
        },
        "target_ms": TARGET_MS,
        "met": values[-1] < TARGET_MS,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    print(
        f"{len(times)} pages: median {summary['median_ms']} ms, p95 {summary['p95_ms']} ms, max {summary['max_ms']} ms"
    )
    print(json.dumps(summary, indent=2))
    return 0 if summary["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
