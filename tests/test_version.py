"""One version, stated once in pyproject.toml, read everywhere else; CITATION.cff and CHANGELOG.md."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from usiraq.dataset import release_root
from usiraq.schema.version import data_version

import usiraq
from usiraq.changelog import release, releases
from usiraq.citation import CFF_PATHS, apa, bibtex, cff_fields, cite, render_cff
from usiraq.cli import main

ROOT = Path(__file__).resolve().parent.parent
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_version_is_pyprojects() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)
    assert data_version() == usiraq.__version__ == VERSION
    assert CliRunner().invoke(main, ["--version"]).output == f"usiraq {VERSION}\n"


def test_the_release_and_the_docs_carry_it() -> None:
    descriptor = json.loads((Path(str(release_root())) / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == VERSION
    assert f"Data version: {VERSION}\n" in (ROOT / "docs" / "CODEBOOK.md").read_text(encoding="utf-8")
    for path in CFF_PATHS:
        assert yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))["version"] == VERSION


def test_no_other_file_states_the_version() -> None:
    for path in [*ROOT.glob("usiraq/**/*.py"), ROOT / "README.md"]:
        assert f'"{VERSION}"' not in path.read_text(encoding="utf-8"), path


def test_changelog_has_an_entry_for_the_version() -> None:
    entries = releases(CHANGELOG)
    assert entries and entries[0].version == VERSION, "add a CHANGELOG.md entry for the version in pyproject.toml"
    versions = [tuple(int(part) for part in entry.version.split(".")) for entry in entries]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)
    assert all(entry.notes for entry in entries)
    assert release(CHANGELOG, "0.1.0") is not None and "five" in release(CHANGELOG, "0.1.0").notes


def test_changelog_parses_dates_and_unreleased() -> None:
    text = "# Changelog\n\n## [1.1.0] - Unreleased\n\nNew rows.\n\n## [1.0.0] - 2025-02-03\n\nFirst.\n"
    assert [(entry.version, entry.date, entry.notes) for entry in releases(text)] == [
        ("1.1.0", None, "New rows."),
        ("1.0.0", dt.date(2025, 2, 3), "First."),
    ]


def test_citation_cff_fields() -> None:
    fields = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert fields["cff-version"] == "1.2.0"
    assert fields["type"] == "dataset"
    assert fields["authors"] == [{"name": "The usiraq team"}]
    assert fields["license"] == "CC-BY-4.0"
    assert fields["title"].startswith("usiraq: ") and fields["abstract"] and fields["keywords"]
    assert "url" not in fields and "repository-code" not in fields
    entry = release(CHANGELOG, VERSION)
    assert entry is not None
    if entry.date is None:
        assert "date-released" not in fields
    else:
        assert fields["date-released"] == entry.date.isoformat()


def test_both_citation_files_are_generated_and_equal() -> None:
    for path in CFF_PATHS:
        assert (ROOT / path).read_text(encoding="utf-8") == render_cff()
    assert cite("cff") == render_cff()


def test_unreleased_version_has_no_release_date(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    (tmp_path / "CHANGELOG.md").write_text(f"# Changelog\n\n## [{VERSION}] - Unreleased\n\nSoon.\n", encoding="utf-8")
    fields = cff_fields(tmp_path)
    assert "date-released" not in fields
    assert apa(fields).startswith("The usiraq team. (n.d.).")
    assert "year" not in bibtex(fields)


def test_citation_needs_a_checkout(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="source checkout"):
        cff_fields(tmp_path)


def test_bibtex_escapes_special_characters() -> None:
    entry = bibtex({"authors": [{"name": "A & B"}], "title": "50% of #1_{x}", "version": "1.0.0"})
    assert r"A \& B" in entry and r"50\% of \#1\_\{x\}" in entry


def test_unknown_citation_style() -> None:
    with pytest.raises(ValueError, match="apa, bibtex, cff"):
        cite("chicago")
