"""Build the actor_aliases table: every surface form of every registry actor."""

from __future__ import annotations

from usiraq.builders.inputs import BuildInputs, Item, nested_items
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.record import Record
from usiraq.schema.tables.actors import ActorAlias


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per alias of registry/actors.yaml."""
    # -- load inputs
    items = list(nested_items(inputs.actors, "actors", "aliases"))

    # -- process
    rows = collect_rows(items, _row)

    # -- return rows
    return rows


def _row(item: Item) -> ActorAlias:
    actor, alias = item.entry
    return make(ActorAlias, alias=alias.alias, actor_id=actor.id, alias_kind=alias.kind, note=alias.note)
