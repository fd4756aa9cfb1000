"""Type-check usiraq with mypy, as installed, and report each error at its checkout path.

Usage: ``python tools/typecheck.py`` (``make test`` runs it). The settings are
pyproject.toml's ``[tool.mypy]``. The package is laid out as installed in a
temporary folder (tools/layout.py), mypy runs there on it and on tools/, and
each message's path is mapped back to the checkout (usiraq/schema/fields.py
-> schema/fields.py).
mypy's cache lives in the environment's folder (``sys.prefix``), so a second
run rechecks only what changed. Exit code: 0 clean, 1 type errors, 2 mypy failed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from layout import PYPROJECT, checkout_path, lay_out

TOOLS = Path(__file__).resolve().parent
#: A message's location at the start of a line: ``usiraq/schema/fields.py:12:``.
LOCATION = re.compile(r"^(?P<path>[^:\n]+\.py)(?=:)", re.MULTILINE)


def run_mypy(folder: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """Run mypy on the package laid out in ``folder``, with pyproject.toml's settings."""
    command = [sys.executable, "-m", "mypy", "--config-file", str(PYPROJECT), "--cache-dir", str(cache)]
    return subprocess.run(
        [*command, "--no-error-summary", "-p", "usiraq", *(f"-m{tool.stem}" for tool in sorted(TOOLS.glob("*.py")))],
        cwd=folder,
        env={**os.environ, "MYPYPATH": str(TOOLS)},
        capture_output=True,
        text=True,
        check=False,
    )


def to_checkout(output: str, folder: Path) -> str:
    """``output`` with each path in ``folder``'s layout (or in the checkout) replaced by its checkout path."""
    return LOCATION.sub(lambda found: str(checkout_path(folder / found["path"])), output)


def typecheck(folder: Path | None = None, cache: Path | None = None) -> tuple[int, str]:
    """Type-check the package; its exit code and its messages, at checkout paths.

    Args:
        folder: a folder holding a layout (tools/layout.py); None lays one out in a temporary folder.
        cache: mypy's cache folder; ``sys.prefix``/mypy-cache if None.
    """
    cache = cache or Path(sys.prefix) / "mypy-cache"
    if folder is None:
        with tempfile.TemporaryDirectory(prefix="usiraq-typecheck-") as temporary:
            return typecheck(lay_out(Path(temporary)), cache)
    result = run_mypy(folder, cache)
    messages = to_checkout(result.stdout, folder) + result.stderr
    errors = sum(": error: " in line for line in messages.splitlines())
    if result.returncode == 1:
        messages += f"mypy: {errors} error(s)\n"
    return result.returncode, messages


def main() -> int:
    """Print the messages and return mypy's exit code."""
    code, messages = typecheck()
    sys.stdout.write(messages or "mypy: no type errors\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
