"""Build the actors table from the registry."""

from __future__ import annotations

from usiraq.builders.inputs import BuildInputs, Item, registry_items
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.inputs import ActorEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.actors import Actor


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per actor of registry/actors.yaml."""
    # -- load inputs
    items = list(registry_items(inputs.actors, "actors"))

    # -- process
    rows = collect_rows(items, _row)

    # -- return rows
    return rows


def _row(item: Item) -> Actor:
    entry: ActorEntry = item.entry
    return make(
        Actor,
        actor_id=entry.id,
        name=entry.name,
        actor_type=entry.type,
        country=entry.country,
        parent_actor_id=entry.parent,
        title=entry.title,
        description=entry.description,
        note=entry.note,
    )
