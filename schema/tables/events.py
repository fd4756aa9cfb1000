"""Canonical happenings, each article's mention of them, and who took part."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field
from usiraq.schema.enums import EventRole, EventStatus, EventType, PloverEvent
from usiraq.schema.fields import (
    ActorId,
    Basis,
    CharEnd,
    CharStart,
    Count,
    Country,
    DateEnd,
    DateStart,
    EventId,
    Note,
    PlainText,
    Precision,
    Quote,
    SourceId,
    Verbatim,
)
from usiraq.schema.record import ForeignKey, Record


class Event(Record):
    """A happening, merged across the articles that mention it."""

    table_name: ClassVar[str] = "events"
    table_title: ClassVar[str] = "Events"
    table_description: ClassVar[str] = (
        "Canonical happenings merged across articles (two mentions are one event only when they "
        "agree on what, who and when), typed in this dataset's terms and in PLOVER's, dated with "
        "precision and basis."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("event_id",)

    event_id: EventId
    event_type: EventType = Field(description="What kind of happening this is.", examples=["talks"])
    plover_event: PloverEvent | None = Field(
        None,
        description="The PLOVER event type; null where no PLOVER type fits (e.g. a press briefing, a war as a whole).",
        examples=["CONSULT"],
    )
    plover_mode: str | None = Field(
        None,
        pattern=r"^[a-z][a-z-]*$",
        description="The PLOVER mode, where one applies (e.g. 'visit' for CONSULT, 'withdraw' for RETREAT).",
        examples=["visit"],
    )
    summary: PlainText = Field(description="What happened, in one plain sentence.")
    status: EventStatus = Field(
        description="Whether the event had happened by the latest report that mentions it.", examples=["occurred"]
    )
    date_start: DateStart | None = Field(None, description="First day the event may have started.")
    date_end: DateEnd | None = Field(
        None, description="Last day the event may have started (or its last day, for a period)."
    )
    date_precision: Precision | None = None
    date_basis: Basis | None = None
    date_note: Note | None = Field(None, description="How the date was reached when the mentions do not state it.")
    location_as_written: Verbatim | None = Field(
        None, description="Where, as written in a mention.", examples=["the Pentagon"]
    )
    location_country: Country | None = Field(None, description="The country of the location.")
    n_sources: Count = Field(description="Number of articles that mention the event.", examples=[2])
    note: Note | None = None


class EventMention(Record):
    """One article's mention of an event."""

    table_name: ClassVar[str] = "event_mentions"
    table_title: ClassVar[str] = "Event mentions"
    table_description: ClassVar[str] = (
        "Each article's mention of an event: the date as written ('on Monday', 'January 10th') "
        "and as resolved against that article's publication date, the status as reported, and the "
        "words that carry it."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("event_id", "source_id", "char_start")
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (
        ForeignKey(("event_id",), "events", ("event_id",)),
        ForeignKey(("source_id",), "sources", ("source_id",)),
    )

    event_id: EventId
    source_id: SourceId
    status: EventStatus = Field(description="Whether the event had happened, as this article reports it.")
    date_as_written: Verbatim | None = Field(
        None,
        description="The words that date the event, inside quote; null if the mention is undated.",
        examples=["on Monday"],
    )
    date_start: DateStart | None = None
    date_end: DateEnd | None = None
    date_precision: Precision | None = None
    date_basis: Basis | None = None
    date_note: Note | None = Field(None, description="How a relative or inferred date was resolved.")
    quote: Quote
    char_start: CharStart
    char_end: CharEnd
    note: Note | None = None


class EventActor(Record):
    """An actor's part in an event."""

    table_name: ClassVar[str] = "event_actors"
    table_title: ClassVar[str] = "Event actors"
    table_description: ClassVar[str] = "Who took part in each event, and in which role."
    primary_key: ClassVar[tuple[str, ...]] = ("event_id", "actor_id", "role")
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (
        ForeignKey(("event_id",), "events", ("event_id",)),
        ForeignKey(("actor_id",), "actors", ("actor_id",)),
    )

    event_id: EventId
    actor_id: ActorId
    role: EventRole = Field(description="The actor's part in the event.", examples=["participant"])
    note: Note | None = None
