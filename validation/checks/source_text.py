"""``source-text``: each article's hash, sizes and printed metadata agree with its text."""

from __future__ import annotations

from collections.abc import Iterator

from usiraq.schema.measures import text_measures
from usiraq.validation.checks.base import Check, short
from usiraq.validation.report import Finding
from usiraq.validation.tables import Row, Tables

PRINTED = ("headline", "outlet", "byline", "url", "published_as_written")
"""Columns that record words printed in the article, so they must occur in its text."""


_COLUMNS = ("text", "sha256", "char_count", "word_count", *PRINTED)


def run(tables: Tables) -> Iterator[Finding]:
    """Recompute the measures of every text and look for each printed field in it (a batch of articles at a time)."""
    selected = ", ".join(_COLUMNS)
    for batch in tables.batches(f"SELECT _row, {selected} FROM {{sources}} WHERE text IS NOT NULL ORDER BY _row"):
        for number, *values in batch:
            row = dict(zip(_COLUMNS, values, strict=True))
            text = row["text"]
            yield from _measure_errors(row, text, number)
            for name in PRINTED:
                value = row[name]
                if value is not None and value not in text:
                    yield Finding("sources", f"{name} {short(value)} does not occur in the text", number, name)


def _measure_errors(row: Row, text: str, number: int) -> Iterator[Finding]:
    for name, expected in text_measures(text).items():
        if row[name] is not None and row[name] != expected:
            message = f"{name} is {short(row[name])} but the text gives {short(expected)}"
            yield Finding("sources", message, number, name)


CHECK = Check(
    code="source-text",
    description=(
        "Each article's sha256, char_count and word_count are those of its text, and its "
        "headline, outlet, byline, url and printed date occur in the text."
    ),
    error="{field} is {value!r} but the text gives {expected!r} / {field} {value!r} does not occur in the text",
    tables=("sources",),
    run=run,
)
