"""Helpers shared by the build tests: copies of the fixture and real datasets, and ways to break them."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from usiraq.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "build"
REAL = Path(__file__).resolve().parent.parent / "dataset"
LOCATION = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+): ", re.MULTILINE)


def csv_cell(value: Any) -> str:
    """A row value as the release CSV must write it: None empty, booleans true/false, dates ISO, enums their value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def copy_dataset(source: Path, target: Path) -> Path:
    """A copy of the input files of a dataset folder (not its release) at ``target``."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("release", ".release-*", "__pycache__", "*.py"))
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a text file, failing if ``old`` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8", newline="")


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the first occurrence of ``needle`` in ``path``."""
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def run_cli(*args: str) -> Result:
    """``usiraq build`` through click's test runner."""
    return CliRunner().invoke(main, ["build", *args])


def run_process(*args: str) -> subprocess.CompletedProcess[str]:
    """``usiraq build`` in a real subprocess."""
    code = "from usiraq.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, "build", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def release_bytes(folder: Path) -> dict[str, bytes]:
    """Every file of a release folder, by relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


def test_copy_dataset_leaves_the_release_out(tmp_path: Path) -> None:
    copy = copy_dataset(FIXTURE, tmp_path / "dataset")
    assert (copy / "sources.yaml").is_file()
    assert not (copy / "release").exists()
