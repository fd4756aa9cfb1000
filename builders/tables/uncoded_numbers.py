"""Build the uncoded_numbers table: passages whose numbers are deliberately left uncoded."""

from __future__ import annotations

from usiraq.builders import quotes
from usiraq.builders.columns import carried, evidence
from usiraq.builders.inputs import BuildInputs, Item
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.record import Record
from usiraq.schema.tables.uncoded_numbers import UncodedNumber


def uncoded_numbers(inputs: BuildInputs) -> list[Record]:
    """One row per ``uncoded_numbers`` entry of every annotation file."""
    return collect_rows(inputs.items("uncoded_numbers"), lambda item: _uncoded(item, inputs.texts[item.source_id]))


def _uncoded(item: Item, text: str) -> UncodedNumber:
    span = quotes.resolve(text, item.entry)
    return make(UncodedNumber, **carried(item.entry, UncodedNumber), source_id=item.source_id, **evidence(span))
