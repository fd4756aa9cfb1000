"""Benchmark: a cold ``usiraq.load('claims')`` against a cold pandas read of the same Parquet file.

Each measurement is a new Python process (so imports are cold in the sense
that matters to a user: nothing is imported yet; the OS file cache is warm
after the warm-up runs). The two commands alternate so that drift in the
machine's load hits both alike. The figure is the ratio of the medians;
the target is at most 1.3.

Usage:
    python bench/load.py [--repeat 21] [--python PATH]

Exit code 0 if the target is met, 1 if not.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.3
USIRAQ = "import usiraq; usiraq.load('claims')"
PANDAS = "import pandas as pd; pd.read_parquet({path!r})"


def claims_parquet(python: str, cwd: str) -> str:
    """The path of the shipped claims.parquet, as the interpreter under test sees it."""
    code = "from usiraq.loader import parquet_file; print(parquet_file('claims'))"
    return subprocess.run([python, "-c", code], capture_output=True, text=True, check=True, cwd=cwd).stdout.strip()


def cold_run(python: str, code: str, cwd: str) -> float:
    """Wall-clock seconds of one new interpreter running ``code``."""
    start = time.perf_counter()
    subprocess.run([python, "-c", code], check=True, cwd=cwd, capture_output=True)
    return time.perf_counter() - start


def measure(python: str, repeat: int) -> dict[str, list[float]]:
    """Alternate the two commands ``repeat`` times each, after two warm-up rounds."""
    with tempfile.TemporaryDirectory() as cwd:  # away from a checkout's usiraq/ folder
        commands = {"usiraq": USIRAQ, "pandas": PANDAS.format(path=claims_parquet(python, cwd))}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for round_number in range(repeat + 2):
            for name, code in commands.items():
                seconds = cold_run(python, code, cwd)
                if round_number >= 2:
                    times[name].append(seconds)
    return times


def machine() -> list[str]:
    """Facts about the machine and the interpreter."""
    cpu = platform.processor() or "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if "model name" in line]
        cpu = names[0] if names else cpu
    return [
        f"CPU: {cpu}, {os.cpu_count()} cores",
        f"OS: {platform.system()} {platform.release()} ({platform.machine()})",
        f"Python: {platform.python_version()}",
    ]


def versions(python: str) -> str:
    """The versions of pandas and pyarrow the interpreter under test uses."""
    code = "import pandas, pyarrow; print(f'pandas {pandas.__version__}, pyarrow {pyarrow.__version__}')"
    return subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def main() -> int:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="runs of each command (default 21)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter to test (default: this one)")
    args = parser.parse_args()
    times = measure(args.python, args.repeat)
    usiraq, pandas = statistics.median(times["usiraq"]), statistics.median(times["pandas"])
    ratio = usiraq / pandas
    print(*machine(), versions(args.python), sep="\n")
    print(f"runs: {args.repeat} of each, alternating, after 2 warm-up rounds; medians of wall-clock time")
    print(f'usiraq: python -c "{USIRAQ}"  median {usiraq * 1000:.0f} ms (min {min(times["usiraq"]) * 1000:.0f})')
    shown = PANDAS.format(path=".../claims.parquet")
    print(f'pandas: python -c "{shown}"  median {pandas * 1000:.0f} ms (min {min(times["pandas"]) * 1000:.0f})')
    print(f"ratio: {ratio:.2f} (target at most {TARGET}): {'met' if ratio <= TARGET else 'MISSED'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
