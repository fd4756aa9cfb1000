"""What makes validation fast at scale finds exactly what the plain rules find."""

from __future__ import annotations

from pathlib import Path

import pytest
from frictionless import Field
from hypothesis import given, settings
from hypothesis import strategies as st
from usiraq.schema import model_for
from usiraq.schema.generate.frictionless import field_descriptor
from usiraq.schema.introspect import columns
from usiraq.validation.checks.numbers_coded import NUMBER, NUMBER_WORDS, Cover, numbers
from usiraq.validation.package import open_package
from usiraq.validation.tables import Tables
from usiraq.validation.validate import validate_package

tricky = st.text(st.sampled_from(list("0123456789,. -_aeinorstuvwxyzONETHİıſKé\u0663\n’")), max_size=80)
words = st.sampled_from(["one", "Twenty", "SEVENTEEN", "ſix", "fİrst", "Kelvin", "thousand", "ninety", "second"])


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.one_of(tricky, words), max_size=8))
def test_fast_number_search_finds_what_the_number_pattern_finds(parts: list[str]) -> None:
    text = " ".join(parts)
    assert [match.span() for match in numbers(text)] == [match.span() for match in NUMBER.finditer(text)]


@settings(max_examples=30, deadline=None)
@given(cell=st.one_of(st.text(max_size=12), st.sampled_from(["12", "-3", "+0", "2024-02-29", "2024-02-30", "true"])))
def test_typed_views_read_cells_as_frictionless_does(tmp_path_factory: pytest.TempPathFactory, cell: str) -> None:
    """A typed cell is Frictionless' value of it; a cell Frictionless cannot type is NULL (missing) there."""
    specs = {spec.name: spec for spec in columns(model_for("force_figures"))}
    folder = tmp_path_factory.mktemp("cells")
    tables = Tables(open_package(folder_with_one_row(folder, cell)))
    row = tables.rows("force_figures")[0]
    for name in ("value", "approximate", "as_of_start", "qualifier"):
        theirs, notes = Field.from_descriptor(field_descriptor(specs[name])).create_cell_reader()(cell)
        if notes and "type" in notes:
            assert row[name] is None, name
        else:
            assert row[name] in (None, theirs), name
        if cell in ("12", "-3", "+0", "2024-02-29", "true"):
            assert row[name] == theirs or (notes and "type" in notes), name
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


def test_the_shipped_release_passes() -> None:
    report = validate_package()
    assert report.valid, [(c.code, c.table, c.errors[:1]) for c in report.failed()]


def screen_flags(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the numbers-coded screen flags one article whose accounted-for spans are ``spans``."""
    import duckdb
    from usiraq.validation.number_sql import articles_query

    connection = duckdb.connect()
    connection.execute(
        "CREATE TABLE sources AS SELECT 2 AS _row, 's' AS source_id, ?::VARCHAR AS text, "
        "NULL::VARCHAR AS published_as_written",
        [text],
    )
    connection.execute("CREATE TABLE uncoded_numbers (source_id VARCHAR, char_start BIGINT, char_end BIGINT)")
    if spans:
        connection.executemany("INSERT INTO uncoded_numbers VALUES ('s', ?, ?)", spans)
    for table, phrase in (("force_figures", "number_text"), ("event_mentions", "date_as_written")):
        connection.execute(
            f"CREATE TABLE {table} (source_id VARCHAR, char_start BIGINT, quote VARCHAR, {phrase} VARCHAR)"
        )
    query = articles_query(NUMBER_WORDS)
    for table in ("sources", "force_figures", "event_mentions", "uncoded_numbers"):
        query = query.replace("{" + table + "}", table)
    return bool(connection.execute(query).fetchall())


@settings(max_examples=50, deadline=None)
@given(parts=st.lists(st.one_of(tricky, words), max_size=6), cuts=st.lists(st.integers(0, 60), max_size=6))
def test_numbers_screen_flags_every_article_with_an_uncovered_number(parts: list[str], cuts: list[int]) -> None:
    text = " ".join(parts)
    spans = [(start, start + size) for start, size in zip(cuts[::2], cuts[1::2], strict=False)]
    cover = Cover(spans)
    uncovered = [match for match in NUMBER.finditer(text) if not cover.covers(match.start(), match.end())]
    if uncovered:
        assert screen_flags(text, spans), (text, spans, uncovered)


def test_numbers_screen_passes_a_clean_article() -> None:
    text = "Published 2024-01-08 by X\nThere are about 2,500 US troops, and sixty in Syria."
    spans = [(10, 20), (text.index("2,500"), text.index("2,500") + 5), (text.index("sixty"), text.index("sixty") + 5)]
    assert not screen_flags(text, spans)
    assert screen_flags(text, spans[:2])
    assert screen_flags(text, [(10, 20), (text.index("2,500") + 2, text.index("2,500") + 5), spans[2]])
