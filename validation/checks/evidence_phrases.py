"""``evidence-phrases``: the words a row names as written all lie inside its quote."""

from __future__ import annotations

from collections.abc import Iterator

from usiraq.validation.checks.base import Check, short
from usiraq.validation.report import Finding
from usiraq.validation.sqltext import identifier, identifiers
from usiraq.validation.tables import Tables

PHRASES: dict[str, tuple[str, ...]] = {
    "claims": ("speaker_as_written", "cue", "hedge"),
    "force_figures": ("number_text", "counted_as_written", "qualifier"),
    "event_mentions": ("date_as_written",),
}
"""Per table, the columns whose words must occur inside the row's quote."""


def run(tables: Tables) -> Iterator[Finding]:
    """Look for each phrase column's value inside the row's quote: one SQL scan per table."""
    for table, fields in PHRASES.items():
        outside = " OR ".join(f"NOT contains(quote, {identifier(name)})" for name in fields)
        selected = identifiers(fields)
        query = f"SELECT _row, quote, {selected} FROM {{{table}}} WHERE quote IS NOT NULL AND ({outside}) ORDER BY _row"
        for number, quote, *phrases in tables.query(query):
            for name, phrase in zip(fields, phrases, strict=True):
                if phrase is not None and phrase not in quote:
                    yield Finding(table, f"{name} {short(phrase)} is not in the quote {short(quote)}", number, name)


CHECK = Check(
    code="evidence-phrases",
    description=(
        "A claim's speaker, cue and hedge, a figure's number, what it counts and its qualifier, "
        "and a mention's date as written all occur inside the row's quote."
    ),
    error="{field} {phrase!r} is not in the quote {quote!r}",
    tables=tuple(PHRASES),
    run=run,
)
