"""Layers run one way: `lint-imports` checks pyproject.toml's contract on the package laid out as installed.

In the checkout usiraq.schema lives in schema/ (pyproject's package-dir), where
the import graph of usiraq/ cannot see it, so each test lays the package out as
a wheel installs it (tools/layout.py) and runs `lint-imports` there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures.layout import PYPROJECT, lay_out

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` with the checkout's contract, importing usiraq from ``folder``."""
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(PYPROJECT), "--no-cache"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    return lay_out(tmp_path / "site")


def test_the_layers_contract_holds(layout: Path) -> None:
    result = lint_imports(layout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "schema, then builders and validation, then usiraq KEPT" in result.stdout
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_the_layout_holds_every_layer(layout: Path) -> None:
    for package in ("schema", "schema/generate", "builders", "validation/checks", "dataset", "release", "cli", "web"):
        assert (layout / "usiraq" / package / "__init__.py").is_file(), package


UPWARD = {
    "schema/upward.py": "def stamp() -> str:\n    from usiraq.citation import cite\n\n    return cite()\n",
    "builders/upward.py": "from usiraq.release.croissant import write_croissant\n",
    "validation/upward.py": "from usiraq.builders.errors import BuildError\n",
}


@pytest.mark.parametrize("module", sorted(UPWARD))
def test_an_import_that_runs_back_up_is_caught(layout: Path, module: str) -> None:
    (layout / "usiraq" / module).write_text(UPWARD[module], encoding="utf-8")
    result = lint_imports(layout)
    name = "usiraq." + module.removesuffix(".py").replace("/", ".")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Contracts: 0 kept, 1 broken." in result.stdout
    assert name in result.stdout


def test_a_module_without_a_layer_is_caught(layout: Path) -> None:
    (layout / "usiraq" / "stray.py").write_text('"""A module the contract does not place."""\n', encoding="utf-8")
    result = lint_imports(layout)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "usiraq.stray" in result.stdout
