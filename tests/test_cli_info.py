"""usiraq info, usiraq export and usiraq cite."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml
from click.testing import CliRunner
from usiraq.dataset import release_root
from usiraq.schema import TABLE_NAMES

from usiraq.citation import cite
from usiraq.cli import main
from usiraq.export import export
from usiraq.info import summary
from usiraq.version import data_version

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


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_copies_every_table(tmp_path: Path, fmt: str) -> None:
    written = export(tmp_path / "out", fmt)
    assert [path.name for path in written] == [f"{name}.{fmt}" for name in TABLE_NAMES]
    for path in written:
        assert path.read_bytes() == (RELEASE / fmt / path.name).read_bytes()


def test_export_cli(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "parquet", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(f"{name}.parquet" for name in TABLE_NAMES)
    refused = CliRunner().invoke(main, ["export", "--format", "xlsx", "--out", str(tmp_path)])
    assert refused.exit_code == 2


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
