"""The rules inside the checks: number reading, number finding, dates, words, report structure."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from usiraq.schema import TABLES, model_for
from usiraq.schema.dates import precision_of
from usiraq.schema.generate.frictionless import field_descriptor, table_schema
from usiraq.schema.introspect import columns
from usiraq.validation.checks.alias_occurs import whole_word
from usiraq.validation.checks.date_order import interval_error, is_whole_unit
from usiraq.validation.checks.evidence_span import EVIDENCE_TABLES
from usiraq.validation.checks.figure_values import parse_number
from usiraq.validation.checks.numbers_coded import Cover, numbers
from usiraq.validation.report import Finding, Report
from usiraq.validation.typer import value

days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))


@given(start=days, length=st.integers(min_value=0, max_value=800))
def test_precision_rule_is_the_builders(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    builders = precision_of(start, end).value
    assert interval_error(start, end, builders, "relative") is None
    for other in {"day", "week", "month", "season", "year"} - {builders}:
        assert "finest unit" in (interval_error(start, end, other, "relative") or "")


@pytest.mark.parametrize(
    ("start", "end", "precision", "basis", "fault"),
    [
        ("2024-01-25", "2024-01-25", "day", "stated", None),
        ("2024-01-22", "2024-01-28", "week", "relative", None),
        ("2024-01-01", "2024-01-31", "month", "stated", None),
        ("2023-12-01", "2024-02-29", "season", "stated", None),
        ("2014-01-01", "2019-12-31", "year", "stated", None),
        ("2024-01-01", "2024-01-29", "month", "relative", None),  # a hull: "on Monday" in January
        ("2024-08-05", "2024-08-26", "month", "relative", None),
        ("2024-01-10", "2024-01-20", "month", "stated", "whole month"),
        ("2024-01-10", "2024-01-10", "year", "inferred", "finest unit"),
        ("2024-01-01", "2024-01-31", "day", "stated", "finest unit"),
        ("2024-02-01", "2024-01-01", "month", "stated", "after it ends"),
        ("2024-03-01", "2024-04-30", "season", "stated", "whole season"),
    ],
)
def test_interval_rule(start: str, end: str, precision: str, basis: str, fault: str | None) -> None:
    error = interval_error(dt.date.fromisoformat(start), dt.date.fromisoformat(end), precision, basis)
    assert (error is None) if fault is None else (fault in (error or ""))


def test_whole_units() -> None:
    assert is_whole_unit(dt.date(2024, 1, 1), dt.date(2024, 1, 7), "week")
    assert not is_whole_unit(dt.date(2024, 1, 2), dt.date(2024, 1, 8), "week")
    assert is_whole_unit(dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month")
    assert not is_whole_unit(dt.date(2024, 2, 1), dt.date(2024, 2, 28), "month")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2,500", 2500),
        ("2500", 2500),
        ("120", 120),
        ("three", 3),
        ("Twenty-five", 25),
        ("ninety nine", 99),
        ("one hundred and twenty", 120),
        ("two thousand five hundred", 2500),
        ("a dozen", 12),
        ("dozen", 12),
        ("1.5 million", 1_500_000),
        ("2,50", None),
        ("several", None),
        ("", None),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def test_numbers_found_in_text() -> None:
    text = "About 2,500 troops; Forty-two bases, first of all; F-16 jets; 7921132.jpg; someone; 2024-01-25."
    assert [match[0] for match in numbers(text)] == [
        "2,500",
        "Forty",
        "two",
        "first",
        "16",
        "7921132",
        "2024",
        "01",
        "25",
    ]


def test_cover_needs_one_span_holding_the_whole_number() -> None:
    cover = Cover([(10, 20), (0, 5), (30, 31)])
    assert cover.covers(10, 20) and cover.covers(1, 4) and cover.covers(30, 31)
    assert not cover.covers(18, 22)
    assert not cover.covers(6, 8)
    assert not Cover([]).covers(0, 1)


def test_aliases_match_whole_words_case_sensitively() -> None:
    assert whole_word("US").search("the US-led coalition")
    assert not whole_word("US").search("USA and us")
    assert whole_word("U.S.").search("U.S. forces")
    assert not whole_word("Ryder").search("Ryders")


def typed(cell: str | None, column: str) -> object:
    """A force_figures cell as the typer types it from the models' field, run in DuckDB."""
    import duckdb

    spec = next(spec for spec in columns(model_for("force_figures")) if spec.name == column)
    query = f"SELECT {value(field_descriptor(spec), 'c')} FROM (SELECT ?::VARCHAR AS c)"
    return duckdb.connect().execute(query, [cell]).fetchall()[0][0]


def test_cells_are_typed_by_the_models() -> None:
    assert typed("2500", "value") == 2500
    assert typed("many", "value") is None
    assert typed(None, "qualifier") is None
    assert typed("true", "approximate") is True
    assert typed("2024-02-30", "as_of_start") is None
    assert typed("2024-02-29", "as_of_start") == dt.date(2024, 2, 29)


def test_evidence_and_reference_coverage_follow_the_models() -> None:
    with_quotes = {
        model.table_name for model in TABLES if {"quote", "char_start", "char_end"} <= set(model.model_fields)
    }
    assert set(EVIDENCE_TABLES) == with_quotes
    for model in TABLES:  # the standards gate checks the descriptor's foreign keys: every model's key is there
        declared = [(key["fields"], key["reference"]) for key in table_schema(model).get("foreignKeys", [])]
        for key in model.foreign_keys:
            target = "" if key.table == model.table_name else key.table
            assert (list(key.fields), {"resource": target, "fields": list(key.reference_fields)}) in declared
    referencing = {name for model in TABLES for key in model.foreign_keys for name in key.fields}
    for column in ("speaker_actor_id", "force_actor_id", "parent_actor_id", "claim_id", "proposition_id"):
        assert column in referencing
    for column in ("event_id", "source_id", "related_source_id", "actor_id"):
        assert column in referencing


def test_report_keeps_the_first_errors_and_counts_all() -> None:
    report = Report(package="p")
    report.extend("x", (Finding("claims", f"error {n}", n + 2, "quote") for n in range(1500)))
    (result,) = report.checks
    assert result.error_count == 1500 and len(result.errors) == 1000
    assert report.exit_code == 1
    assert report.to_dict()["summary"]["failed_codes"] == ["x"]
    assert Report(package="p", error="broken").exit_code == 2
    assert Report(package="p").exit_code == 0
