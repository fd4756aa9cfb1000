"""Where the articles disagree: contradictions and differences between articles.

Every row pairs two pieces of evidence from two different articles, each with
its source, row id, quote and offsets, so a reader can check both sides:

- ``contradiction`` / ``qualification``: two claims linked to one proposition,
  one supporting it and the other contradicting or qualifying it;
- ``attribution``: two claims supporting one proposition that attribute it
  differently (another speaker, or another kind of attribution);
- ``figure``: two force figures counting the same thing for the same forces in
  the same country with different values or bounds;
- ``date``: two mentions of one event that date it differently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import combinations
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

KINDS: dict[str, str] = {
    "contradiction": "One article supports a proposition, another contradicts it.",
    "qualification": "One article supports a proposition, another qualifies it.",
    "attribution": (
        "Two articles support a proposition but no attribution is common to them: other speakers, "
        "or one article's own voice against a named or anonymous source (one row per pair of articles)."
    ),
    "figure": (
        "Two articles count the same thing for the same forces and country with different numbers, "
        "bounds or hedging ('about 900' against '900')."
    ),
    "date": "Two articles date the same event differently (overlapping intervals differ in precision).",
}

COLUMNS = [
    "kind",
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

SOURCE_TABLES = ("claims", "claim_propositions", "force_figures", "event_mentions")


def conflicts(tables: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """All contradictions and differences between articles, one row per pair of evidence.

    Args:
        tables: the release tables by name; by default the shipped release.

    Returns:
        A DataFrame with the columns in ``COLUMNS``, sorted by kind and subject.
    """
    import pandas as pd

    if tables is None:
        from usiraq.loader import load

        tables = {name: load(name) for name in SOURCE_TABLES}
    rows: list[dict[str, Any]] = []
    for finder in _FINDERS:
        rows.extend(finder(tables))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame = frame.sort_values(["kind", "subject", "source_id_a", "row_id_a", "source_id_b", "row_id_b"])
    return frame.reset_index(drop=True).astype({"char_start_a": "Int64", "char_end_a": "Int64"})


def _side(row: Any, id_column: str, value: str) -> Side:
    return {
        "source_id": row["source_id"],
        "row_id": str(row[id_column]),
        "value": value,
        "quote": row["quote"],
        "char_start": int(row["char_start"]),
        "char_end": int(row["char_end"]),
    }


def _pair(kind: str, subject: str, description: str, a: Side, b: Side) -> dict[str, Any]:
    if (a["source_id"], a["row_id"]) > (b["source_id"], b["row_id"]) and kind in ("attribution", "figure", "date"):
        a, b = b, a
    row: dict[str, Any] = {"kind": kind, "subject": subject, "description": description}
    for suffix, side in (("a", a), ("b", b)):
        for key, value in side.items():
            row[f"{key}_{suffix}"] = value
    return row


def _linked_claims(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    links = tables["claim_propositions"].astype({"stance": "string"})
    return links.merge(tables["claims"], on="claim_id", how="inner")


def _stance_conflicts(tables: dict[str, pd.DataFrame]) -> Iterator[dict[str, Any]]:
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


def _attribution_conflicts(tables: dict[str, pd.DataFrame]) -> Iterator[dict[str, Any]]:
    """One row per proposition and pair of articles whose supporting claims share no attribution."""
    linked = _linked_claims(tables)
    supporting = linked[linked["stance"] == "supports"].sort_values("claim_id")
    for proposition, group in supporting.groupby("proposition_id", sort=True):
        by_source = {source: rows for source, rows in group.groupby("source_id", sort=True)}
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


def _figure_conflicts(tables: dict[str, pd.DataFrame]) -> Iterator[dict[str, Any]]:
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
            yield _pair(
                "figure",
                f"{quantity} of {force} in {country}",
                "different numbers, bounds or hedging for the same count",
                _side(a, "figure_id", value_a),
                _side(b, "figure_id", value_b),
            )


def _date_value(row: Any) -> str:
    return f"{row['date_start']}..{row['date_end']} ({row['date_precision']}, {row['date_basis']})"


def _date_conflicts(tables: dict[str, pd.DataFrame]) -> Iterator[dict[str, Any]]:
    mentions = tables["event_mentions"]
    dated = mentions[mentions["date_start"].notna()]
    for event, group in dated.groupby("event_id", sort=True):
        for (_, a), (_, b) in combinations(group.iterrows(), 2):
            same = a["date_start"] == b["date_start"] and a["date_end"] == b["date_end"]
            if a["source_id"] == b["source_id"] or same:
                continue
            overlap = a["date_start"] <= b["date_end"] and b["date_start"] <= a["date_end"]
            description = (
                "dated differently, the intervals overlap (a difference of precision)"
                if overlap
                else "dated differently, the intervals do not overlap"
            )
            a_side = _side(a, "event_id", _date_value(a))
            b_side = _side(b, "event_id", _date_value(b))
            yield _pair("date", str(event), description, a_side, b_side)


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))


_FINDERS: tuple[Callable[[dict[str, pd.DataFrame]], Iterator[dict[str, Any]]], ...] = (
    _stance_conflicts,
    _attribution_conflicts,
    _figure_conflicts,
    _date_conflicts,
)
