"""Build the uncoded_numbers table: passages whose numbers are deliberately left uncoded."""

from __future__ import annotations

from usiraq.builders import quotes
from usiraq.builders.inputs import BuildInputs, Item
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.inputs import UncodedEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.uncoded_numbers import UncodedNumber


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per ``uncoded_numbers`` entry of every annotation file."""
    # -- load inputs
    items = list(inputs.items("uncoded_numbers"))

    # -- process
    rows = collect_rows(items, lambda item: _row(item, inputs.texts[item.source_id]))

    # -- return rows
    return rows


def _row(item: Item, text: str) -> UncodedNumber:
    entry: UncodedEntry = item.entry
    span = quotes.resolve(text, entry)
    return make(
        UncodedNumber,
        source_id=item.source_id,
        char_start=span.start,
        char_end=span.end,
        quote=span.quote,
        reason=entry.reason,
        note=entry.note,
    )
