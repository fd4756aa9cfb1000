"""Build the tensions table: the disagreements of registry/tensions.yaml."""

from __future__ import annotations

from usiraq.builders.inputs import BuildInputs, Item, registry_items
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.inputs import TensionEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.tensions import Tension


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per tension of registry/tensions.yaml."""
    # -- load inputs
    items = list(registry_items(inputs.tensions, "tensions"))

    # -- process
    rows = collect_rows(items, _row)

    # -- return rows
    return rows


def _row(item: Item) -> Tension:
    tension: TensionEntry = item.entry
    return make(
        Tension,
        tension_id=tension.id,
        kind=tension.kind,
        scope=tension.scope,
        proposition_id=tension.proposition,
        summary=tension.summary,
        note=tension.note,
    )
