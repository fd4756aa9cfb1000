"""Build the event_actors table: who took part in each registry event, and in which role."""

from __future__ import annotations

from usiraq.builders.inputs import BuildInputs, Item, nested_items
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.record import Record
from usiraq.schema.tables.events import EventActor


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per ``actors`` entry of every event of registry/events.yaml."""
    # -- load inputs
    items = list(nested_items(inputs.events, "events", "actors"))

    # -- process
    rows = collect_rows(items, _row)

    # -- return rows
    return rows


def _row(item: Item) -> EventActor:
    event, link = item.entry
    return make(EventActor, event_id=event.id, actor_id=link.actor, role=link.role, note=link.note)
