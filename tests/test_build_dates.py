"""Date phrases as the articles write them, resolved against publication dates."""

from __future__ import annotations

import datetime as dt

import pytest
from usiraq.builders.dates import resolve, resolve_phrase
from usiraq.builders.errors import InputError
from usiraq.schema.dates import precision_of, season_of
from usiraq.schema.enums import DateBasis, DatePrecision
from usiraq.schema.inputs import DateSpec, PublishedEntry

D = dt.date.fromisoformat


def published(start: str, end: str | None = None, precision: str = "day") -> PublishedEntry:
    return PublishedEntry(start=start, end=end or start, precision=precision, basis="stated")


JAN_09 = published("2024-01-09")  # 004, ICARO
JAN_25 = published("2024-01-25")  # 001 and 003
AUGUST = published("2024-08-01", "2024-08-31", "month")  # an inferred month
YEAR = published("2024-01-01", "2024-12-31", "year")


@pytest.mark.parametrize(
    ("phrase", "pub", "direction", "start", "end", "precision", "basis"),
    [
        ("on Monday", JAN_09, "past", "2024-01-08", "2024-01-08", "day", "relative"),
        ("Monday", JAN_09, "past", "2024-01-08", "2024-01-08", "day", "relative"),
        ("on Thursday", JAN_25, "past", "2024-01-25", "2024-01-25", "day", "relative"),
        ("last week", JAN_09, "past", "2024-01-01", "2024-01-07", "week", "relative"),
        ("last summer", JAN_25, "past", "2023-06-01", "2023-08-31", "season", "relative"),
        ("January 10th", JAN_25, "past", "2024-01-10", "2024-01-10", "day", "relative"),
        ("Jan. 6", JAN_09, "past", "2024-01-06", "2024-01-06", "day", "relative"),
        ("in October", JAN_09, "past", "2023-10-01", "2023-10-31", "month", "relative"),
        ("Christmas Day", JAN_09, "past", "2023-12-25", "2023-12-25", "day", "relative"),
        ("currently", JAN_25, "past", "2024-01-25", "2024-01-25", "day", "relative"),
        ("presently", AUGUST, "past", "2024-08-01", "2024-08-31", "month", "relative"),
        ("Currently", JAN_09, "past", "2024-01-09", "2024-01-09", "day", "relative"),
        ("At present", JAN_09, "past", "2024-01-09", "2024-01-09", "day", "relative"),
        ("in September", AUGUST, "future", "2024-09-01", "2024-09-30", "month", "relative"),
        ("April", AUGUST, "past", "2024-04-01", "2024-04-30", "month", "relative"),
        ("last month", JAN_09, "past", "2023-12-01", "2023-12-31", "month", "relative"),
        ("last year", JAN_09, "past", "2023-01-01", "2023-12-31", "year", "relative"),
        ("this year", JAN_09, "past", "2024-01-01", "2024-12-31", "year", "relative"),
        ("last winter", JAN_25, "past", "2022-12-01", "2023-02-28", "season", "relative"),
        ("August 2023", None, "past", "2023-08-01", "2023-08-31", "month", "stated"),
        ("in August 2023", None, "past", "2023-08-01", "2023-08-31", "month", "stated"),
        ("September 2024", None, "past", "2024-09-01", "2024-09-30", "month", "stated"),
        ("by September 2025", None, "past", "2025-09-01", "2025-09-30", "month", "stated"),
        ("since December 2021", None, "past", "2021-12-01", "2021-12-31", "month", "stated"),
        ("In January 2020", None, "past", "2020-01-01", "2020-01-31", "month", "stated"),
        ("in 2014", None, "past", "2014-01-01", "2014-12-31", "year", "stated"),
        ("at the end of 2021", None, "past", "2021-12-01", "2021-12-31", "month", "stated"),
        ("2024-01-25", None, "past", "2024-01-25", "2024-01-25", "day", "stated"),
        ("January 10, 2024", None, "past", "2024-01-10", "2024-01-10", "day", "stated"),
        ("summer 2023", None, "past", "2023-06-01", "2023-08-31", "season", "stated"),
    ],
)
def test_phrases_of_the_articles(
    phrase: str,
    pub: PublishedEntry | None,
    direction: str,
    start: str,
    end: str,
    precision: str,
    basis: str,
) -> None:
    found = resolve_phrase(phrase, pub, direction)
    assert (found.start, found.end) == (D(start), D(end))
    assert found.precision == DatePrecision(precision)
    assert found.basis == DateBasis(basis)


def test_a_weekday_against_an_inferred_month_is_the_hull_with_a_coarser_precision() -> None:
    found = resolve_phrase("on Monday", AUGUST)
    # Thursday 1 August: the Monday before is 29 July; Saturday 31 August: Monday 26 August.
    assert (found.start, found.end) == (D("2024-07-29"), D("2024-08-26"))
    assert found.precision == DatePrecision.SEASON
    assert "2024-08-01..2024-08-31" in (found.note or "")


def test_a_date_resolved_against_an_outside_knowledge_publication_is_outside_knowledge() -> None:
    # 000 and 002: the talks of 22-23 July 2024 are known only from outside the articles.
    pub = PublishedEntry(
        start="2024-07-22", end="2024-07-23", precision="week", basis="outside_knowledge", note="Outside knowledge: x"
    )
    found = resolve_phrase("on Monday", pub)
    assert (found.start, found.end, found.precision) == (D("2024-07-22"), D("2024-07-22"), DatePrecision.DAY)
    assert found.basis == DateBasis.OUTSIDE_KNOWLEDGE
    assert (found.note or "").startswith("Outside knowledge:")
    assert resolve_phrase("August 2023", pub).basis == DateBasis.STATED


def test_a_month_against_an_inferred_year_spans_two_years() -> None:
    found = resolve_phrase("in October", YEAR)
    assert (found.start, found.end) == (D("2023-10-01"), D("2024-10-31"))
    assert found.precision == DatePrecision.YEAR


def test_the_note_says_what_the_phrase_was_resolved_against() -> None:
    found = resolve_phrase("on Monday", JAN_09)
    assert found.note == "'on Monday' resolved against publication 2024-01-09: the Monday on or before it."


def test_the_end_of_a_year_says_its_rule() -> None:
    found = resolve_phrase("the end of 2021", None)
    assert "December 2021" in (found.note or "")


def test_future_weekday_is_the_next_one_on_or_after_publication() -> None:
    found = resolve_phrase("Monday", JAN_09, "future")
    assert found.start == D("2024-01-15")


@pytest.mark.parametrize("phrase", ["in the coming days", "soon", "the coming weeks", "recently"])
def test_vague_phrases_ask_for_an_explicit_date(phrase: str) -> None:
    with pytest.raises(InputError, match="no definite interval"):
        resolve_phrase(phrase, JAN_25, "future")


def test_an_unknown_phrase_lists_the_supported_forms() -> None:
    with pytest.raises(InputError) as caught:
        resolve_phrase("the other day", JAN_09)
    assert "unknown date phrase 'the other day'" in str(caught.value)
    assert "January 10th / Jan. 6" in str(caught.value)


def test_a_relative_phrase_needs_a_publication_date() -> None:
    with pytest.raises(InputError, match="no publication date"):
        resolve_phrase("last week", None)


@pytest.mark.parametrize("phrase", ["February 30", "February 30, 2024", "2024-13"])
def test_impossible_dates_are_errors(phrase: str) -> None:
    with pytest.raises(InputError):
        resolve_phrase(phrase, JAN_09)


def test_as_written_must_be_in_the_quote() -> None:
    with pytest.raises(InputError, match="not in the quote"):
        resolve(DateSpec(as_written="on Monday"), JAN_09, "stated on Tuesday that")


def test_an_explicit_date_is_used_as_given() -> None:
    spec = DateSpec(
        as_written="in the coming days",
        start="2024-01-26",
        end="2024-02-29",
        precision="month",
        basis="inferred",
        note="Read as within about a month of publication.",
    )
    found = resolve(spec, JAN_25, "meetings would start in the coming days")
    assert (found.start, found.end, found.precision, found.basis) == (
        D("2024-01-26"),
        D("2024-02-29"),
        DatePrecision.MONTH,
        DateBasis.INFERRED,
    )
    assert found.note == "Read as within about a month of publication."


def test_a_coder_note_follows_the_resolution_note() -> None:
    found = resolve(DateSpec(as_written="last week", note="The strike of 4 January."), JAN_09, "occurred last week")
    assert found.note is not None and found.note.endswith("The strike of 4 January.")


@pytest.mark.parametrize(
    ("start", "end", "precision"),
    [
        ("2024-01-08", "2024-01-08", "day"),
        ("2024-01-01", "2024-01-07", "week"),
        ("2024-01-01", "2024-01-31", "month"),
        ("2023-12-01", "2024-02-29", "season"),
        ("2024-01-01", "2024-12-31", "year"),
        ("2023-10-01", "2024-10-31", "year"),
    ],
)
def test_precision_is_the_finest_unit_holding_the_interval(start: str, end: str, precision: str) -> None:
    assert precision_of(D(start), D(end)) == DatePrecision(precision)


def test_seasons_are_meteorological() -> None:
    assert season_of(D("2024-01-15")) == (2023, 12)
    assert season_of(D("2023-12-01")) == (2023, 12)
    assert season_of(D("2024-03-01")) == (2024, 3)
    assert season_of(D("2024-11-30")) == (2024, 9)
