"""``evidence-span``: every quote is verbatim in its article at its offsets."""

from __future__ import annotations

from collections.abc import Iterator

from usiraq.validation.checks.base import Check, short, tables_with
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables

EVIDENCE_TABLES = tables_with("source_id", "quote", "char_start", "char_end")

_QUERY = """
SELECT e._row, e.source_id, e.quote, e.char_start, e.char_end, s.size,
       CASE WHEN 0 <= e.char_start AND e.char_start < e.char_end AND e.char_end <= s.size
            THEN substring(s.text, e.char_start + 1, e.char_end - e.char_start) END AS found
FROM {table} e JOIN source_texts s USING (source_id)
WHERE e.quote IS NOT NULL AND e.char_start IS NOT NULL AND e.char_end IS NOT NULL
  AND found IS DISTINCT FROM e.quote
ORDER BY e._row
"""


def run(tables: Tables) -> Iterator[Finding]:
    """Compare ``text[char_start:char_end]`` with ``quote`` on every evidence row, in one join per table.

    Offsets count Unicode code points, as DuckDB's ``substring`` and ``length`` do.
    """
    tables.view("sources")
    for table in EVIDENCE_TABLES:
        for number, *cells in tables.query(_QUERY.replace("{table}", f"{{{table}}}")):
            yield Finding(table, span_error(*cells), number, "quote")


def span_error(source_id: str, quote: str, start: int, end: int, size: int, found: str | None) -> str:
    """Why the span ``start:end`` of an article of ``size`` characters, holding ``found``, is not ``quote``.

    A row whose source_id is dangling or whose cells are missing or mistyped
    is not checked here (the standards gate reports it).
    """
    if found is None:
        return _impossible_span(source_id, start, end, size)
    return f"text[{start}:{end}] of {source_id} is {short(found)}, not the quote {short(quote)}"


def _impossible_span(source_id: str, start: int, end: int, size: int) -> str:
    if start < 0:
        return f"char_start {start} is negative"
    if start >= end:
        return f"char_start {start} is not before char_end {end}: the span is empty or reversed"
    return f"char_end {end} is past the end of the article {source_id} ({size} characters)"


CHECK = Check(
    code="evidence-span",
    description="Every quote is the article's text at its offsets: text[char_start:char_end] == quote.",
    error="text[{char_start}:{char_end}] of {source_id} is {found!r}, not the quote {quote!r}",
    tables=EVIDENCE_TABLES,
    run=run,
)
