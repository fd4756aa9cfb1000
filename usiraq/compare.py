"""Where the articles disagree: contradictions and tensions first, lesser differences on request.

Every row sets two pieces of evidence against each other, each with its
source, row id, quote and offsets, so a reader can check both sides. The rows
come from:

- the ``tensions`` table: each tension, with the first span of each side
  (all its spans are in ``tension_sides``);
- propositions: a claim that contradicts or qualifies what a claim of another
  article supports; two articles that support one proposition through
  different attributions;
- force figures counting the same thing for the same forces and country, and
  mentions of one event, in two articles.

A pair of evidence that a tension already sets against each other (each side
overlapping a span of the tension, on its two sides) is listed once, as the
tension, which says more.

The rule for numbers and dates is one: two values conflict only when both
cannot hold. Figures conflict when their bounds exclude each other ('about
900' and 'an additional 900' do not: same value, bounds that agree); dates
conflict when their intervals do not overlap. A difference that both can hold
is a ``precision_difference``, like a tension of that kind.

:data:`KINDS` ranks the kinds. By default only the conflicts are listed
(contradictions and tensions, then figures and dates that cannot both hold);
``all=True`` adds differences of precision, qualifications and attribution
differences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import combinations
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import pandas as pd


class Kind(NamedTuple):
    """A kind of conflict row: what it means and whether the default list shows it."""

    meaning: str
    by_default: bool


KINDS: dict[str, Kind] = {
    "contradiction": Kind(
        "Two statements that cannot both be true: a tension of that kind, or one article's claim contradicting "
        "a proposition another article's claim supports.",
        True,
    ),
    "internal_inconsistency": Kind(
        "An article's headline, lead or paraphrase says more than its own body or the quote it reports.", True
    ),
    "attribution_distortion": Kind(
        "A statement given to another speaker, stripped of its speaker, or made to say more than it did.", True
    ),
    "framing_difference": Kind("Articles tell one matter so that readers would draw different conclusions.", True),
    "figure": Kind("Two articles count the same thing with numbers whose bounds exclude each other.", True),
    "date": Kind("Two articles date the same event with intervals that do not overlap.", True),
    "naming_variant": Kind("One person, body or thing named or spelled in different ways.", True),
    "precision_difference": Kind(
        "One fact told with a different precision or hedge ('about 900' and '900'): both can hold; not a conflict.",
        False,
    ),
    "qualification": Kind("One article supports a proposition, another qualifies it; not a conflict.", False),
    "attribution": Kind(
        "Two articles support a proposition but no attribution is common to them: other speakers, or one "
        "article's own voice against a named or anonymous source (one row per pair of articles); not a conflict.",
        False,
    ),
}
"""Every kind of row, in rank order: the first seven are conflicts and listed by default."""

COLUMNS = [
    "rank",
    "kind",
    "shown_by_default",
    "scope",
    "subject",
    "description",
    "source_id_a",
    "row_id_a",
    "value_a",
    "quote_a",
    "char_start_a",
    "char_end_a",
    "source_id_b",
    "row_id_b",
    "value_b",
    "quote_b",
    "char_start_b",
    "char_end_b",
]

Side = dict[str, Any]
Row = dict[str, Any]
Tables = dict[str, "pd.DataFrame"]

SOURCE_TABLES = ("claims", "claim_propositions", "force_figures", "event_mentions", "tensions", "tension_sides")
BETWEEN = "between_articles"


def conflicts(tables: Tables | None = None, *, all: bool = False) -> pd.DataFrame:
    """The conflicts between and inside the articles, one row per pair of evidence, most serious first.

    Args:
        tables: the release tables by name (see :data:`SOURCE_TABLES`); by default the shipped release.
        all: also list what is not a conflict: differences of precision, qualifications and
            attribution differences.

    Returns:
        A DataFrame with the columns in :data:`COLUMNS`, sorted by rank (the order of :data:`KINDS`),
        then subject.

    Example:
        >>> usiraq.conflicts()["kind"].iloc[0]  # doctest: +SKIP
        'contradiction'

    """
    import pandas as pd

    if tables is None:
        from usiraq.loader import load

        tables = {name: load(name) for name in SOURCE_TABLES}
    told = _told_by_tensions(tables)
    rows = [row for finder in _FINDERS for row in finder(tables) if finder is _tension_rows or not told(row)]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if not all:
        frame = frame[frame["shown_by_default"].astype(bool)]
    frame = frame.sort_values(["rank", "subject", "source_id_a", "row_id_a", "source_id_b", "row_id_b"])
    return frame.reset_index(drop=True).astype({"char_start_a": "Int64", "char_end_a": "Int64", "rank": "int64"})


def _side(row: Any, id_column: str, value: str) -> Side:
    return {
        "source_id": row["source_id"],
        "row_id": str(row[id_column]),
        "value": value,
        "quote": row["quote"],
        "char_start": int(row["char_start"]),
        "char_end": int(row["char_end"]),
    }


def _pair(kind: str, subject: str, description: str, a: Side, b: Side, scope: str = BETWEEN) -> Row:
    if (a["source_id"], a["row_id"]) > (b["source_id"], b["row_id"]) and kind in _UNORDERED:
        a, b = b, a
    rank = list(KINDS).index(kind) + 1
    row: Row = {"rank": rank, "kind": kind, "shown_by_default": KINDS[kind].by_default, "scope": scope}
    row.update(subject=subject, description=description)
    for suffix, side in (("a", a), ("b", b)):
        for key, value in side.items():
            row[f"{key}_{suffix}"] = value
    return row


_UNORDERED = frozenset({"attribution", "figure", "date", "precision_difference"})
"""Kinds whose two sides play the same part, so they are put in source order."""


def _tension_rows(tables: Tables) -> Iterator[Row]:
    """One row per tension: its kind and summary, and the first span (by article and offset) of each side."""
    sides = tables["tension_sides"].astype({"side": "string"}).sort_values(["tension_id", "source_id", "char_start"])
    spans = {key: group for key, group in sides.groupby(["tension_id", "side"], sort=True)}
    for _, tension in tables["tensions"].sort_values("tension_id").iterrows():
        tension_id = str(tension["tension_id"])
        if (tension_id, "a") not in spans or (tension_id, "b") not in spans:
            continue
        a, b = (_tension_side(spans[(tension_id, side)], tension_id) for side in ("a", "b"))
        yield _pair(str(tension["kind"]), tension_id, str(tension["summary"]), a, b, str(tension["scope"]))


def _tension_side(group: pd.DataFrame, tension_id: str) -> Side:
    first = group.iloc[0]
    row_id = tension_id if _missing(first["claim_id"]) else str(first["claim_id"])
    value = f"side {first['side']}" + (f", 1 of {len(group)} spans" if len(group) > 1 else "")
    return {**_side(first, "tension_id", value), "row_id": row_id}


Span = tuple[str, int, int]


def _told_by_tensions(tables: Tables) -> Callable[[Row], bool]:
    """A test: does some tension set this row's two pieces of evidence against each other?"""
    spans: dict[tuple[str, str], list[Span]] = {}
    for _, span in tables["tension_sides"].iterrows():
        key = (str(span["tension_id"]), str(span["side"]))
        spans.setdefault(key, []).append((span["source_id"], int(span["char_start"]), int(span["char_end"])))
    tension_ids = sorted({tension_id for tension_id, _ in spans})

    def on(side: str, tension_id: str, row: Row, suffix: str) -> bool:
        mine = (row[f"source_id_{suffix}"], row[f"char_start_{suffix}"], row[f"char_end_{suffix}"])
        return any(_overlap(mine, span) for span in spans.get((tension_id, side), []))

    def told(row: Row) -> bool:
        return any(
            (on("a", t, row, "a") and on("b", t, row, "b")) or (on("b", t, row, "a") and on("a", t, row, "b"))
            for t in tension_ids
        )

    return told


def _overlap(one: Span, other: Span) -> bool:
    return one[0] == other[0] and one[1] < other[2] and other[1] < one[2]


def _linked_claims(tables: Tables) -> pd.DataFrame:
    links = tables["claim_propositions"].astype({"stance": "string"})
    return links.merge(tables["claims"], on="claim_id", how="inner")


def _stance_conflicts(tables: Tables) -> Iterator[Row]:
    linked = _linked_claims(tables)
    for proposition, group in linked.groupby("proposition_id", sort=True):
        supporting = group[group["stance"] == "supports"]
        for stance, kind in (("contradicts", "contradiction"), ("qualifies", "qualification")):
            for _, other in group[group["stance"] == stance].iterrows():
                for _, support in supporting.iterrows():
                    if support["source_id"] == other["source_id"]:
                        continue
                    yield _pair(
                        kind,
                        str(proposition),
                        f"{other['source_id']} {stance} what {support['source_id']} supports",
                        _side(support, "claim_id", "supports"),
                        _side(other, "claim_id", stance),
                    )


def _speaker(row: Any) -> str:
    speaker = row["speaker_actor_id"]
    speaker = "the article itself" if _missing(speaker) else str(speaker)
    return f"{speaker} ({row['attribution_kind']})"


def _attribution_conflicts(tables: Tables) -> Iterator[Row]:
    """One row per proposition and pair of articles whose supporting claims share no attribution."""
    linked = _linked_claims(tables)
    supporting = linked[linked["stance"] == "supports"].sort_values("claim_id")
    for proposition, group in supporting.groupby("proposition_id", sort=True):
        by_source = {str(source): rows for source, rows in group.groupby("source_id", sort=True)}
        for (source_a, rows_a), (source_b, rows_b) in combinations(by_source.items(), 2):
            speakers_a = {_speaker(row) for _, row in rows_a.iterrows()}
            speakers_b = {_speaker(row) for _, row in rows_b.iterrows()}
            if speakers_a & speakers_b:
                continue
            a, b = rows_a.iloc[0], rows_b.iloc[0]
            yield _pair(
                "attribution",
                str(proposition),
                f"{source_a} attributes it to {', '.join(sorted(speakers_a))}; "
                f"{source_b} to {', '.join(sorted(speakers_b))}",
                _side(a, "claim_id", _speaker(a)),
                _side(b, "claim_id", _speaker(b)),
            )


def _figure_value(row: Any) -> str:
    low = "" if _missing(row["value_low"]) else f" low {int(row['value_low'])}"
    high = "" if _missing(row["value_high"]) else f" high {int(row['value_high'])}"
    approximate = "about " if bool(row["approximate"]) else ""
    return f"{approximate}{int(row['value'])}{low}{high}"


def figure_bounds(row: Any) -> tuple[float, float]:
    """The interval a figure allows: its bounds where written (one bound leaves the other side open), else its value.

    A hedge ('about') widens nothing: 'about 900' and '900' allow the same value.

    Example:
        >>> figure_bounds({"value": 120, "value_low": 120, "value_high": None})
        (120, inf)

    """
    value, low, high = row["value"], row["value_low"], row["value_high"]
    if _missing(low) and _missing(high):
        return int(value), int(value)
    return (0 if _missing(low) else int(low)), (float("inf") if _missing(high) else int(high))


def _figure_conflicts(tables: Tables) -> Iterator[Row]:
    figures = tables["force_figures"].astype({"quantity": "string", "location_country": "string"})
    figures = figures.assign(force=figures["force_actor_id"].astype("string").fillna("-"))
    figures = figures.assign(country=figures["location_country"].fillna("-"))
    for (quantity, force, country), group in figures.groupby(["quantity", "force", "country"], sort=True):
        seen: set[tuple[str, str, str, str]] = set()
        for (_, a), (_, b) in combinations(group.iterrows(), 2):
            value_a, value_b = _figure_value(a), _figure_value(b)
            key = (a["source_id"], value_a, b["source_id"], value_b)
            if a["source_id"] == b["source_id"] or value_a == value_b or key in seen:
                continue
            seen.add(key)
            (low_a, high_a), (low_b, high_b) = figure_bounds(a), figure_bounds(b)
            exclusive = high_a < low_b or high_b < low_a
            kind = "figure" if exclusive else "precision_difference"
            description = (
                "numbers whose bounds exclude each other for the same count"
                if exclusive
                else "the same count with another hedge or bound; both can hold"
            )
            subject = f"{quantity} of {force} in {country}"
            yield _pair(kind, subject, description, _side(a, "figure_id", value_a), _side(b, "figure_id", value_b))


def _date_value(row: Any) -> str:
    return f"{row['date_start']}..{row['date_end']} ({row['date_precision']}, {row['date_basis']})"


def _date_conflicts(tables: Tables) -> Iterator[Row]:
    mentions = tables["event_mentions"]
    dated = mentions[mentions["date_start"].notna()]
    for event, group in dated.groupby("event_id", sort=True):
        for (_, a), (_, b) in combinations(group.iterrows(), 2):
            same = a["date_start"] == b["date_start"] and a["date_end"] == b["date_end"]
            if a["source_id"] == b["source_id"] or same:
                continue
            overlap = a["date_start"] <= b["date_end"] and b["date_start"] <= a["date_end"]
            kind, description = (
                ("precision_difference", "dated differently, the intervals overlap (a difference of precision)")
                if overlap
                else ("date", "dated differently, the intervals do not overlap")
            )
            a_side = _side(a, "event_id", _date_value(a))
            b_side = _side(b, "event_id", _date_value(b))
            yield _pair(kind, str(event), description, a_side, b_side)


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))


_FINDERS: tuple[Callable[[Tables], Iterator[Row]], ...] = (
    _tension_rows,
    _stance_conflicts,
    _attribution_conflicts,
    _figure_conflicts,
    _date_conflicts,
)
