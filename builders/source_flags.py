"""Build the source_flags table: quality observations on the articles, each with its evidence span."""

from __future__ import annotations

from usiraq.builders import quotes
from usiraq.builders.inputs import BuildInputs, Item, nested_items
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.inputs import FlagEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.sources import SourceFlag


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per flag in sources.yaml."""
    # -- load inputs
    items = list(nested_items(inputs.sources, "sources", "flags", source_of=lambda source: source.id))

    # -- process
    rows = collect_rows(items, lambda item: _row(item, inputs.texts[item.source_id]))

    # -- return rows
    return rows


def _row(item: Item, text: str) -> SourceFlag:
    flag: FlagEntry = item.entry[1]
    span = quotes.resolve(text, flag)
    return make(
        SourceFlag,
        flag_id=flag.id,
        source_id=item.source_id,
        flag=flag.flag,
        related_source_id=flag.related_source,
        description=flag.description,
        quote=span.quote,
        char_start=span.start,
        char_end=span.end,
        note=flag.note,
    )
