"""What makes validation fast at scale finds exactly what the plain rules find."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from usiraq.schema import model_for
from usiraq.schema.introspect import columns
from usiraq.validation.checks.numbers_coded import NUMBER, numbers
from usiraq.validation.package import open_package
from usiraq.validation.tables import Tables, parse_cell
from usiraq.validation.validate import ROW_THRESHOLD, choose_engine, validate_package

tricky = st.text(st.sampled_from(list("0123456789,. -_aeinorstuvwxyzONETHİıſKé\u0663\n’")), max_size=80)
words = st.sampled_from(["one", "Twenty", "SEVENTEEN", "ſix", "fİrst", "Kelvin", "thousand", "ninety", "second"])


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.one_of(tricky, words), max_size=8))
def test_fast_number_search_finds_what_the_number_pattern_finds(parts: list[str]) -> None:
    text = " ".join(parts)
    assert [match.span() for match in numbers(text)] == [match.span() for match in NUMBER.finditer(text)]


@settings(max_examples=60, deadline=None)
@given(cell=st.one_of(st.text(max_size=12), st.sampled_from(["12", "-3", "+0", "2024-02-29", "2024-02-30", "true"])))
def test_typed_views_parse_cells_as_parse_cell_does(tmp_path_factory: pytest.TempPathFactory, cell: str) -> None:
    specs = {spec.name: spec for spec in columns(model_for("force_figures"))}
    folder = tmp_path_factory.mktemp("cells")
    tables = Tables(open_package(folder_with_one_row(folder, cell)))
    row = tables.rows("force_figures")[0]
    for name in ("value", "approximate", "as_of_start", "qualifier"):
        assert row[name] == parse_cell(cell if cell else None, specs[name]), name
    tables.close()


def folder_with_one_row(folder: Path, cell: str) -> Path:
    """A package of one force_figures row whose typed columns all hold ``cell``."""
    import csv
    import json

    from usiraq.schema.generate.frictionless import resource

    names = list(model_for("force_figures").model_fields)
    typed = ("value", "approximate", "as_of_start", "qualifier")
    (folder / "csv").mkdir(parents=True)
    with (folder / "csv" / "force_figures.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow(names)
        writer.writerow([cell if name in typed else "" for name in names])
    descriptor = {"resources": [resource(model_for("force_figures"), path="csv/force_figures.csv")]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return folder


def test_auto_engine_goes_by_size(tmp_path: Path) -> None:
    folder = folder_with_one_row(tmp_path / "small", "1")
    assert choose_engine(open_package(folder), "auto") == "frictionless"
    path = folder / "csv" / "force_figures.csv"
    path.write_bytes(path.read_bytes() + b"\n" * (ROW_THRESHOLD + 1))
    assert choose_engine(open_package(folder), "auto") == "duckdb"
    assert choose_engine(open_package(folder), "frictionless") == "frictionless"


def test_both_engines_pass_the_shipped_release() -> None:
    for engine in ("frictionless", "duckdb"):
        report = validate_package(engine=engine)
        assert report.valid and report.engine == engine, [(c.code, c.table, c.errors[:1]) for c in report.failed()]
    with pytest.raises(ValueError, match="unknown engine"):
        validate_package(engine="pandas")
