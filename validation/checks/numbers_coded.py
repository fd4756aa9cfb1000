"""``numbers-coded``: every number in every article is coded or listed as deliberately uncoded."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from usiraq.validation.checks.base import Check, context
from usiraq.validation.number_sql import articles_query
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

_DIGITS = re.compile(r"\d+(?:[,.]\d+)*")
_BY_FIRST = itertools.groupby(sorted(NUMBER_WORDS, key=lambda word: (word[0], -len(word))), key=lambda word: word[0])
_LOWER_WORDS = re.compile(
    "(?:" + "|".join(f"{a}(?<!\\w.)(?:{'|'.join(w[1:] for w in ws)})" for a, ws in _BY_FIRST) + r")\b"
)
"""The number words in lower case, each alternative led by its letter so the regex engine skips ahead fast."""
_ARTICLES = articles_query(NUMBER_WORDS)
Span = tuple[int, int]


def numbers(text: str) -> Iterator[re.Match[str]]:
    """Every number in ``text`` (as :data:`NUMBER` finds them), in order.

    Found fast (digits in one pass; number words in a lower-cased copy, the
    same length, in another, case folded as the IGNORECASE flag folds the
    letters of these words: ASCII plus 'İ', 'ı', 'ſ' and the Kelvin sign),
    each then matched by :data:`NUMBER` itself at its place.
    """
    folded = text.replace("\u0130", "i").lower().replace("\u017f", "s").replace("\u0131", "i")
    starts = sorted(
        [match.start() for match in _DIGITS.finditer(text)] + [m.start() for m in _LOWER_WORDS.finditer(folded)]
    )
    for start in starts:
        match = NUMBER.match(text, start)
        if match is not None:
            yield match


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
    """Find every number of every article outside all accounted-for spans.

    SQL gathers the spans and screens the articles (see :mod:`usiraq.validation.number_sql`);
    the articles it flags are read here, number by number.
    """
    for batch in tables.batches(_ARTICLES, 500):
        for number, source_id, text, starts, sizes in batch:
            cover = Cover([(start, start + size) for start, size in zip(starts or [], sizes or [], strict=True)])
            for match in numbers(text):
                if not cover.covers(match.start(), match.end()):
                    where = context(text, match.start(), match.end())
                    message = (
                        f"{source_id} at {match.start()}: {match[0]!r} is neither coded nor listed uncoded: {where}"
                    )
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
