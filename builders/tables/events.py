"""Build the events tables: event_mentions from the annotations, events dated from them, event_actors.

An event's date is the intersection of its dated mentions' intervals, unless
the registry gives an explicit date. Mentions whose dates do not overlap are
an error: they are different events, or the registry needs an explicit date.
The precision follows from the resulting interval; the basis is that of the
narrowest mention. The status is 'occurred' if any mention reports it so,
else the most definite reported of ongoing > planned > announced > expected > intended.
Events are made from the event_mentions rows already built, never by resolving a mention again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from usiraq.builders import dates, quotes
from usiraq.builders.columns import carried, evidence
from usiraq.builders.errors import InputError, inside
from usiraq.builders.inputs import BuildInputs, Item, nested_items, registry_items
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.dates import precision_of
from usiraq.schema.enums import DateBasis, DatePrecision, EventStatus
from usiraq.schema.inputs import DateSpec, EventActorEntry, EventEntry, EventMentionEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.events import Event, EventActor, EventMention

STATUS_RANK = (
    EventStatus.OCCURRED,
    EventStatus.ONGOING,
    EventStatus.PLANNED,
    EventStatus.ANNOUNCED,
    EventStatus.EXPECTED,
    EventStatus.INTENDED,
)


class MentionDate(Protocol):
    """What an event reads of an event mention row (an :class:`EventMention`, or the benchmarks' rows)."""

    @property
    def source_id(self) -> str: ...  # noqa: D102
    @property
    def char_start(self) -> int | None: ...  # noqa: D102
    @property
    def status(self) -> EventStatus: ...  # noqa: D102
    @property
    def date_as_written(self) -> str | None: ...  # noqa: D102
    @property
    def date_start(self) -> dt.date | None: ...  # noqa: D102
    @property
    def date_end(self) -> dt.date | None: ...  # noqa: D102
    @property
    def date_basis(self) -> DateBasis | None: ...  # noqa: D102
    @property
    def date_note(self) -> str | None: ...  # noqa: D102


Mention = tuple[Item, MentionDate]


@dataclass(frozen=True)
class EventDate:
    """The date of an event: interval, precision, basis and how it was reached."""

    start: dt.date
    end: dt.date
    precision: DatePrecision
    basis: DateBasis
    note: str | None


def events(inputs: BuildInputs, event_mentions: Sequence[EventMention]) -> list[Record]:
    """One row per event of registry/events.yaml, dated and given a status by its mention rows.

    The event_mentions rows come one per annotation entry, in the entries' order, so each is paired with its
    entry's place (for a message naming both mentions of a date conflict) without being resolved again.
    """
    mentions: dict[str, list[Mention]] = {}
    for item, row in zip(inputs.items("event_mentions"), event_mentions, strict=True):
        mentions.setdefault(row.event_id, []).append((item, row))
    items = registry_items(inputs.events, "events")
    return collect_rows(items, lambda item: _event(item.entry, mentions.get(item.entry.event_id, [])))


def event_mentions(inputs: BuildInputs) -> list[Record]:
    """One row per ``event_mentions`` entry of every annotation file, its date resolved."""
    return collect_rows(inputs.items("event_mentions"), lambda item: _mention(item, inputs))


def event_actors(inputs: BuildInputs) -> list[Record]:
    """One row per ``actors`` entry of every event of registry/events.yaml."""
    return collect_rows(nested_items(inputs.events, "events", "actors"), _event_actor)


def _mention(item: Item, inputs: BuildInputs) -> EventMention:
    """The row of one mention: its span, and its date resolved against the article's publication date."""
    mention: EventMentionEntry = item.entry
    span = quotes.resolve(inputs.texts[item.source_id], mention)
    with inside("date"):
        date = dates.resolve(mention.date, inputs.published(item.source_id), span.quote) if mention.date else None
    return make(
        EventMention,
        **carried(mention, EventMention),
        source_id=item.source_id,
        **dates.date_columns("date", mention.date, date),
        **evidence(span),
    )


def _event(entry: EventEntry, mentions: list[Mention]) -> Event:
    """The event, from its registry entry and the rows of its mentions (each with its place)."""
    if not mentions:
        raise InputError("no annotation mentions this event; add an event_mentions entry for it, or remove it")
    date = registry_date(entry.date) if entry.date else merged_date(mentions)
    return make(
        Event,
        **carried(entry, Event),
        status=event_status([row.status for _, row in mentions]),
        **dates.interval_columns("date", date),
        n_sources=len({row.source_id for _, row in mentions}),
    )


def _event_actor(item: Item) -> EventActor:
    event: EventEntry
    link: EventActorEntry
    event, link = item.entry
    return make(EventActor, **carried(link, EventActor), event_id=event.event_id)


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
