"""``numbers-coded``: every number in every article is coded or listed as deliberately uncoded."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator

from usiraq.validation.checks.base import Check, context
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables

_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million dozen first second third fourth fifth sixth seventh eighth ninth tenth"
)
NUMBER_WORDS = tuple(_WORDS.split())
NUMBER = re.compile(
    r"\d+(?:[,.]\d+)*|\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
"""A number: a digit sequence (with , or . between digit groups) or a number word, any case."""

Span = tuple[int, int]


def numbers(text: str) -> Iterator[re.Match[str]]:
    """Every number in ``text``, in order."""
    return NUMBER.finditer(text)


def coverage(tables: Tables) -> dict[str, list[Span]]:
    """Per source_id, the spans whose numbers are accounted for."""
    spans: dict[str, list[Span]] = defaultdict(list)
    for table, column in (("force_figures", "number_text"), ("event_mentions", "date_as_written")):
        for row in tables.rows(table):
            span = _inside_quote(row["quote"], row["char_start"], row[column])
            if span and row["source_id"] is not None:
                spans[row["source_id"]].append(span)
    for row in tables.rows("uncoded_numbers"):
        if None not in (row["source_id"], row["char_start"], row["char_end"]):
            spans[row["source_id"]].append((row["char_start"], row["char_end"]))
    for row in tables.rows("sources"):
        printed, text = row["published_as_written"], row["text"]
        if printed and text and printed in text:
            start = text.index(printed)
            spans[row["source_id"]].append((start, start + len(printed)))
    return spans


def _inside_quote(quote: str | None, start: int | None, phrase: str | None) -> Span | None:
    """The span of the first occurrence of ``phrase`` inside the quote that starts at ``start``."""
    if quote is None or start is None or not phrase or phrase not in quote:
        return None
    offset = start + quote.index(phrase)
    return offset, offset + len(phrase)


class Cover:
    """Answers "does one span contain start..end?" in logarithmic time."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(itertools.accumulate((end for _, end in ordered), max))

    def covers(self, start: int, end: int) -> bool:
        """True when some span starts at or before ``start`` and ends at or after ``end``."""
        index = bisect.bisect_right(self.starts, start)
        return index > 0 and self.reach[index - 1] >= end


def run(tables: Tables) -> Iterator[Finding]:
    """Find every number of every article outside all accounted-for spans."""
    spans = coverage(tables)
    for number, row in tables.numbered("sources"):
        text, source_id = row["text"], row["source_id"]
        if text is None or source_id is None:
            continue
        cover = Cover(spans.get(source_id, []))
        for match in numbers(text):
            if not cover.covers(match.start(), match.end()):
                where = context(text, match.start(), match.end())
                message = f"{source_id} at {match.start()}: {match[0]!r} is neither coded nor listed uncoded: {where}"
                yield Finding("sources", message, number, "text")


CHECK = Check(
    code="numbers-coded",
    description=(
        "Every number in every article lies inside a figure's number_text, a mention's date_as_written, "
        "the printed publication date, or an uncoded_numbers span."
    ),
    error="{source_id} at {offset}: {number!r} is neither coded nor listed uncoded: {context}",
    tables=("sources",),
    run=run,
)
