"""Build the events table: registry events dated, and given a status, from their mentions.

An event's date is the intersection of its dated mentions' intervals, unless
the registry gives an explicit date. Mentions whose dates do not overlap are
an error: they are different events, or the registry needs an explicit date.
The precision follows from the resulting interval; the basis is that of the
narrowest mention. The status is 'occurred' if any mention reports it so,
else the most definite reported of ongoing > planned > announced > expected > intended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from usiraq.builders.errors import InputError
from usiraq.builders.event_mentions import mention_rows
from usiraq.builders.inputs import BuildInputs, Item, registry_items
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.dates import precision_of
from usiraq.schema.enums import DateBasis, DatePrecision, EventStatus
from usiraq.schema.inputs import DateSpec, EventEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.events import Event

STATUS_RANK = (
    EventStatus.OCCURRED,
    EventStatus.ONGOING,
    EventStatus.PLANNED,
    EventStatus.ANNOUNCED,
    EventStatus.EXPECTED,
    EventStatus.INTENDED,
)


class MentionDate(Protocol):
    """What :func:`merged_date` reads of an event mention row (an :class:`EventMention`, or the benchmarks' rows)."""

    source_id: str
    char_start: int | None
    date_as_written: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_basis: DateBasis | None
    date_note: str | None


Mention = tuple[Item, MentionDate]


@dataclass(frozen=True)
class EventDate:
    """The date of an event: interval, precision, basis and how it was reached."""

    start: dt.date
    end: dt.date
    precision: DatePrecision
    basis: DateBasis
    note: str | None


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per event of registry/events.yaml."""
    # -- load inputs
    items = list(registry_items(inputs.events, "events"))
    entries: dict[str, list[Item]] = {}
    for entry in inputs.items("event_mentions"):
        entries.setdefault(entry.entry.event, []).append(entry)
    mentions: dict[str, list[Mention]] = {}
    for mention in mention_rows(inputs):
        mentions.setdefault(mention[1].event_id, []).append(mention)

    # -- process
    rows = collect_rows(items, lambda item: _row(item, entries.get(item.entry.id, []), mentions.get(item.entry.id, [])))

    # -- return rows
    return rows


def _row(item: Item, entries: list[Item], mentions: list[Mention]) -> Event:
    """The event, from its registry entry, its mention entries and the mention rows that built."""
    entry: EventEntry = item.entry
    if not entries:
        raise InputError("no annotation mentions this event; add an event_mentions entry for it, or remove it")
    date = registry_date(entry.date) if entry.date else merged_date(mentions)
    return make(
        Event,
        event_id=entry.id,
        event_type=entry.type,
        plover_event=entry.plover_event,
        plover_mode=entry.plover_mode,
        summary=entry.summary,
        status=event_status([mention.entry.status for mention in entries]),
        **date_columns(date),
        location_as_written=entry.location_as_written,
        location_country=entry.location_country,
        n_sources=len({mention.source_id for mention in entries}),
        note=entry.note,
    )


def date_columns(date: EventDate | None) -> dict[str, object]:
    """The events table's ``date_*`` columns of ``date``, all empty when there is none."""
    parts = ("start", "end", "precision", "basis", "note")
    return {f"date_{part}": getattr(date, part) if date else None for part in parts}


def event_status(statuses: Sequence[str]) -> EventStatus:
    """The most definite status any mention reports (statuses as enums or their values)."""
    return next(status for status in STATUS_RANK if status in statuses)


def registry_date(spec: DateSpec) -> EventDate:
    """An explicit date given in the registry, used as given.

    Raises:
        InputError: the date is not explicit (a registry event has no article to resolve a phrase against).

    """
    if spec.start is None or spec.end is None or spec.precision is None or spec.basis is None:
        raise InputError("a registry event's date must be explicit: start, end, precision, basis and note", ("date",))
    return EventDate(spec.start, spec.end, spec.precision, spec.basis, spec.note)


@dataclass(frozen=True)
class DatedMention:
    """A mention whose date resolved, with where it is written."""

    item: Item
    row: MentionDate
    start: dt.date
    end: dt.date

    def __str__(self) -> str:
        """Where the mention is and what its date resolved to."""
        written = self.row.date_as_written
        return f"{self.item.where} ({self.item.where.label}, {written!r}: {self.start}..{self.end})"


def merged_date(mentions: Sequence[Mention]) -> EventDate | None:
    """The intersection of the dated mentions' intervals, or None when no mention is dated.

    Raises:
        InputError: two mentions' dates do not overlap; the message names both.

    """
    dated = [
        DatedMention(item, row, row.date_start, row.date_end)
        for item, row in mentions
        if row.date_start is not None and row.date_end is not None
    ]
    if not dated:
        return None
    latest_start = max(dated, key=lambda mention: mention.start)
    earliest_end = min(dated, key=lambda mention: mention.end)
    start, end = latest_start.start, earliest_end.end
    if start > end:
        raise InputError(
            f"the dates of two of its mentions do not overlap: {earliest_end} and {latest_start}; they are "
            "either different events, or this event needs an explicit date in events.yaml with a note saying why"
        )
    narrowest = min(dated, key=lambda m: (m.end - m.start, m.row.source_id, m.row.char_start)).row
    basis = narrowest.date_basis or DateBasis.INFERRED
    return EventDate(start, end, precision_of(start, end), basis, _note(dated, narrowest))


def _note(dated: list[DatedMention], narrowest: MentionDate) -> str | None:
    if len(dated) == 1:
        return narrowest.date_note
    sources = ", ".join(sorted({mention.row.source_id for mention in dated}))
    note = f"The intersection of the dates of {len(dated)} mentions (in {sources})."
    return f"{note} Narrowest: {narrowest.date_note}" if narrowest.date_note else note
