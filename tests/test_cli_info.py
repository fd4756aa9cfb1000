"""usiraq info, usiraq export and usiraq cite."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
import yaml
from click.testing import CliRunner
from fixtures.validation import mutate
from usiraq.dataset import release_root
from usiraq.schema import TABLE_NAMES
from usiraq.schema.generate.codebook import render_codebook
from usiraq.schema.version import data_version

from usiraq.citation import cite
from usiraq.cli import main
from usiraq.info import summary
from usiraq.release.export import export

RELEASE = Path(str(release_root()))


def rows(name: str) -> int:
    return pq.ParquetFile(RELEASE / "parquet" / f"{name}.parquet").metadata.num_rows


def test_summary_counts_every_table() -> None:
    info = summary()
    assert info.package_version == info.data_version == data_version()
    assert info.rows == {name: rows(name) for name in TABLE_NAMES}
    assert info.citation == cite("apa")


def test_info_prints_version_tables_and_citation() -> None:
    result = CliRunner().invoke(main, ["info"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"usiraq {data_version()} (data version {data_version()})\n")
    for name in TABLE_NAMES:
        assert any(line.split() == [name, str(rows(name))] for line in result.output.splitlines()), name
    assert cite("apa") in result.output


def test_info_shows_the_period_and_every_article() -> None:
    info = summary()
    events = pd.read_parquet(RELEASE / "parquet" / "events.parquet")
    assert info.period is not None
    assert info.period.start == str(events["date_start"].min()) and info.period.end == str(events["date_end"].max())
    assert info.period.undated == int(events["date_start"].isna().sum()) and info.period.events == len(events)
    sources = pd.read_parquet(RELEASE / "parquet" / "sources.parquet")
    assert [article.source_id for article in info.articles] == list(sources["source_id"])
    claims = pd.read_parquet(RELEASE / "parquet" / "claims.parquet")
    for article in info.articles:
        assert article.rows["claims"] == int((claims["source_id"] == article.source_id).sum())
    output = CliRunner().invoke(main, ["info"]).output
    assert f"events: {info.period.start} to {info.period.end} (" in output
    assert "5 articles (outlet, published; rows that cite it):" in output
    icaro = next(line for line in output.splitlines() if line.startswith("  004_"))
    assert "ICARO Media Group, 2024-01-09; " in icaro and f"claims {info.articles[4].rows['claims']}" in icaro


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_copies_every_table_with_its_descriptor_and_codebook(tmp_path: Path, fmt: str) -> None:
    written = export(tmp_path / "out", fmt)
    names = [f"{name}.{fmt}" for name in TABLE_NAMES]
    assert [path.name for path in written] == [*names, "datapackage.json", "CODEBOOK.md"]
    for path in written[: len(names)]:
        assert path.read_bytes() == (RELEASE / fmt / path.name).read_bytes()
    assert (tmp_path / "out" / "CODEBOOK.md").read_text(encoding="utf-8") == render_codebook()
    descriptor = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert [resource["path"] for resource in descriptor["resources"]] == names
    command = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(command), "validate", str(tmp_path / "out" / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]


def test_export_cli(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "parquet", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    expected = [f"{name}.parquet" for name in TABLE_NAMES] + ["CODEBOOK.md", "datapackage.json"]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(expected)
    refused = CliRunner().invoke(main, ["export", "--format", "xlsx", "--out", str(tmp_path)])
    assert refused.exit_code == 2


@pytest.mark.parametrize("inside", [".", "csv", "csv/new", "copy"])
def test_export_refuses_to_write_over_the_package(tmp_path: Path, inside: str) -> None:
    package = mutate.copy_package(RELEASE, tmp_path / "package")
    before = {path: path.read_bytes() for path in package.rglob("*") if path.is_file()}
    with pytest.raises(ValueError, match="a folder of the data package itself"):
        export(package / inside, "csv", package)
    assert {path: path.read_bytes() for path in package.rglob("*") if path.is_file()} == before


def test_export_refuses_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="csv, parquet"):
        export(tmp_path, "xlsx")


def test_cite_in_each_style() -> None:
    runner = CliRunner()
    apa = runner.invoke(main, ["cite"]).output
    assert apa.startswith("The usiraq team. (") and f"(Version {data_version()}) [Data set]." in apa
    bibtex = runner.invoke(main, ["cite", "--format", "bibtex"]).output
    assert bibtex.startswith("@misc{usiraq_") and "author = {{The usiraq team}}" in bibtex
    assert f"version = {{{data_version()}}}" in bibtex and bibtex.count("{") == bibtex.count("}")
    cff = runner.invoke(main, ["cite", "--format", "cff"]).output
    assert yaml.safe_load(cff)["version"] == data_version()
    assert runner.invoke(main, ["cite", "--format", "mla"]).exit_code == 2
