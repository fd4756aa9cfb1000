"""Benchmark: what validating the release before switching it in adds to ``usiraq build``.

Builds the shipped dataset into a temporary folder with and without the
validation step (``build(validate=...)``), alternating, each in a new Python
process, and prints the median wall-clock seconds of each and their difference.

Usage:
    python bench/build_check.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CODE = "from pathlib import Path; from usiraq.release.build import build; build(out=Path({out!r}), validate={check})"


def one_run(out: Path, check: bool) -> float:
    """Wall-clock seconds of one new interpreter building the release into ``out``."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", CODE.format(out=str(out), check=check)], check=True)
    return time.perf_counter() - start


def main() -> None:
    """Measure, alternating, and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    times: dict[bool, list[float]] = {False: [], True: []}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.repeat):
            for check in (False, True):
                times[check].append(one_run(Path(folder) / "release", check))
    without, with_check = statistics.median(times[False]), statistics.median(times[True])
    print(f"build without validation: {without:.2f} s (median of {args.repeat})")
    print(f"build with validation:    {with_check:.2f} s (median of {args.repeat})")
    print(f"validation adds:          {with_check - without:.2f} s")


if __name__ == "__main__":
    main()
