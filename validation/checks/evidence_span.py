"""``evidence-span``: every quote is verbatim in its article at its offsets."""

from __future__ import annotations

from collections.abc import Iterator

from usiraq.validation.checks.base import Check, short, tables_with
from usiraq.validation.report import Finding
from usiraq.validation.tables import Row, Tables

EVIDENCE_TABLES = tables_with("source_id", "quote", "char_start", "char_end")


def run(tables: Tables) -> Iterator[Finding]:
    """Compare ``text[char_start:char_end]`` with ``quote`` on every evidence row."""
    texts = tables.texts()
    for table in EVIDENCE_TABLES:
        for number, row in tables.numbered(table):
            message = span_error(row, texts)
            if message:
                yield Finding(table, message, number, "quote")


def span_error(row: Row, texts: dict[str, str]) -> str | None:
    """Why the row's span is not its quote, or ``None`` when it is."""
    source_id, quote, start, end = row["source_id"], row["quote"], row["char_start"], row["char_end"]
    if None in (source_id, quote, start, end):
        return None  # a missing or mistyped cell: Frictionless reports it
    text = texts.get(source_id)
    if text is None:
        return None  # a dangling source_id: references-resolve reports it
    if not 0 <= start < end <= len(text):
        return f"span {start}:{end} lies outside the article {source_id} ({len(text)} characters)"
    found = text[start:end]
    if found != quote:
        return f"text[{start}:{end}] of {source_id} is {short(found)}, not the quote {short(quote)}"
    return None


CHECK = Check(
    code="evidence-span",
    description="Every quote is the article's text at its offsets: text[char_start:char_end] == quote.",
    error="text[{char_start}:{char_end}] of {source_id} is {found!r}, not the quote {quote!r}",
    tables=EVIDENCE_TABLES,
    run=run,
)
