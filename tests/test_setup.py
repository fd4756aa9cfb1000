"""The README's set-up on a fresh clone: `make run` installs only what running needs and leaves only .venv/.

Slow: it creates a venv and installs usiraq's dependencies (from pip's cache or the index).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False, cwd=cwd, env=env)


@pytest.fixture(scope="module")
def fresh_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout to clone")
    clone = tmp_path_factory.mktemp("clone") / "usiraq"
    cloned = run(["git", "clone", "--quiet", str(ROOT), str(clone)], ROOT)
    assert cloned.returncode == 0, cloned.stderr
    made = run(["make", "run"], clone)
    assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-3000:]
    (clone.parent / "make-run.log").write_text(made.stdout + made.stderr, encoding="utf-8")
    return clone


@pytest.mark.slow
def test_make_run_leaves_only_the_venv(fresh_clone: Path) -> None:
    status = run(["git", "status", "--porcelain", "--ignored"], fresh_clone).stdout.splitlines()
    top_level = [line for line in status if "/" not in line[3:].rstrip("/")]
    assert top_level == ["!! .venv/"], status
    changed = [line for line in status if not line.startswith("!! ")]
    assert changed == [], "make run rebuilds dataset/release/ byte for byte"
    below = [line for line in status if line not in top_level]
    assert all(line.startswith("!! ") and line.endswith("/__pycache__/") for line in below), below
    assert (fresh_clone / ".venv" / "usiraq.egg-info").is_dir(), "setuptools' metadata folder lands in .venv/"


@pytest.mark.slow
def test_make_run_installs_no_test_tools(fresh_clone: Path) -> None:
    python = fresh_clone / ".venv" / "bin" / "python"
    for module in ("pytest", "ruff", "matplotlib", "mlcroissant", "scipy"):
        found = run(
            [str(python), "-c", f"import importlib.util, sys; sys.exit(importlib.util.find_spec('{module}') is None)"],
            fresh_clone,
        )
        assert found.returncode == 1, f"{module} is installed by make run"


@pytest.mark.slow
def test_make_run_then_frictionless_validate_passes(fresh_clone: Path) -> None:
    done = run(
        [str(fresh_clone / ".venv" / "bin" / "frictionless"), "validate", "dataset/release/datapackage.json"],
        fresh_clone,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    log = (fresh_clone.parent / "make-run.log").read_text(encoding="utf-8")
    assert "absent from the `packages` configuration" not in log and "Traceback" not in log
