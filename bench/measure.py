"""Time a command in a child process and read its peak memory; fit how cost grows with size.

Each command runs under a small wrapper interpreter whose only child it is,
so ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` in the wrapper is that
command's own peak resident set size, and ``ru_utime + ru_stime`` its CPU
seconds (all its threads).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_WRAPPER = """
import json, resource, subprocess, sys, time
out = open(sys.argv[1], "w") if sys.argv[1] else subprocess.DEVNULL
start = time.perf_counter()
done = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
scale = 1 if sys.platform != "darwin" else 1024
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_kb": usage.ru_maxrss // scale, "code": done.returncode,
                  "err": done.stderr[-2000:]}))
"""


@dataclass(frozen=True)
class Run:
    """One measured command: wall-clock seconds, CPU seconds (all threads), peak RSS and exit code."""

    seconds: float
    cpu: float
    peak_mb: float
    code: int
    stderr: str

    def rate(self, rows: int) -> float:
        """Rows per second."""
        return rows / self.seconds if self.seconds > 0 else float("inf")


def measure(command: list[str], stdout: Path | None = None) -> Run:
    """Run ``command`` in a child process (its output to ``stdout`` if given); its wall time and own peak memory."""
    wrapper = [sys.executable, "-c", _WRAPPER, str(stdout or "")]
    done = subprocess.run([*wrapper, *command], capture_output=True, text=True, check=True)
    data = json.loads(done.stdout)
    return Run(data["seconds"], data["cpu"], data["peak_kb"] / 1024, data["code"], data["err"])


def python(code: str) -> list[str]:
    """A command running ``code`` in a new interpreter (this one)."""
    return [sys.executable, "-c", code]


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """The slope of log(seconds) against log(size), by least squares: 1.0 is linear growth."""
    xs = [math.log(size) for size in sizes]
    ys = [math.log(value) for value in seconds]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
