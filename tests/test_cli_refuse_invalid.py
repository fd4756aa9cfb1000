"""``usiraq release`` and ``usiraq export`` refuse a package that does not validate, and write nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import usiraq.dataset
from click.testing import CliRunner
from fixtures.validation import mutate
from usiraq.validation.require import InvalidPackageError

from usiraq.cli import main
from usiraq.release import distribution
from usiraq.release.distribution import CHECKOUT_FILES, build_zip
from usiraq.release.export import export

ROOT = Path(__file__).resolve().parent.parent
RELEASE = Path(str(usiraq.dataset.release_root()))


@pytest.fixture
def broken_checkout(tmp_path: Path) -> Path:
    """A checkout whose release has one evidence span that is not its quote, hashes re-stamped."""
    root = tmp_path / "checkout"
    for name in CHECKOUT_FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, root / name)
    release = mutate.copy_package(RELEASE, root / "dataset" / "release")
    mutate.set_cell(release, "claims", lambda row: True, "quote", "words that are not in the article")
    return root


def test_release_refuses_an_invalid_package(broken_checkout: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidPackageError) as raised:
        build_zip(tmp_path / "dist", root=broken_checkout)
    assert "evidence-span" in raised.value.text
    assert not (tmp_path / "dist").exists()


def test_the_release_command_exits_1_with_the_report(
    broken_checkout: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(distribution, "_ROOT", broken_checkout)
    result = CliRunner().invoke(main, ["release", "--out", str(tmp_path / "dist")])
    assert result.exit_code == 1, result.output
    assert "INVALID" in result.output and "evidence-span" in result.output
    assert "release refused: the package does not validate; no zip was written" in result.output
    assert not (tmp_path / "dist").exists()


def test_export_refuses_an_invalid_package(broken_checkout: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidPackageError):
        export(tmp_path / "out", "csv", path=broken_checkout / "dataset" / "release")
    assert not (tmp_path / "out").exists()


def test_the_export_command_exits_1_with_the_report(
    broken_checkout: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(usiraq.dataset, "release_root", lambda: broken_checkout / "dataset" / "release")
    result = CliRunner().invoke(main, ["export", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "export refused: the package does not validate; nothing was written" in result.output
    assert not (tmp_path / "out").exists()
