"""Actors, the surface forms that name them, and every place an article names them."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field
from usiraq.schema.enums import ActorType, AliasKind
from usiraq.schema.fields import (
    ActorId,
    CharEnd,
    CharStart,
    Country,
    Note,
    PlainText,
    Quote,
    SourceId,
    Verbatim,
)
from usiraq.schema.record import ForeignKey, Record


class Actor(Record):
    """A canonical actor: a person, a government or body, a force, a group, a state."""

    table_name: ClassVar[str] = "actors"
    table_title: ClassVar[str] = "Actors"
    table_description: ClassVar[str] = (
        "Canonical actors named in the articles: people, states, governments and their bodies, "
        "armed forces, armed groups, coalitions. One row per actor, however many ways it is named."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("actor_id",)
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (ForeignKey(("parent_actor_id",), "actors", ("actor_id",)),)

    actor_id: ActorId
    name: PlainText = Field(
        description="Canonical name: the fullest form the articles give.", examples=["Mohammed Shia al-Sudani"]
    )
    actor_type: ActorType = Field(description="What kind of actor this is.", examples=["person"])
    country: Country | None = Field(
        None, description="Country the actor belongs to (ISO 3166-1 alpha-3); null for none or unknown."
    )
    parent_actor_id: ActorId | None = Field(
        None,
        description="The actor this one belongs to (a spokesperson's department, a ministry's government).",
        examples=["us-department-of-defense"],
    )
    title: Verbatim | None = Field(
        None,
        description="The person's title as the articles state it (the fullest form); null for non-persons.",
        examples=["Prime Minister"],
    )
    description: PlainText = Field(description="Who or what this is, in one line, from the articles.")
    note: Note | None = None


class ActorAlias(Record):
    """A surface form that names an actor."""

    table_name: ClassVar[str] = "actor_aliases"
    table_title: ClassVar[str] = "Actor aliases"
    table_description: ClassVar[str] = (
        "Every surface form and spelling that names an actor in the articles. The builder finds "
        "actor_mentions by searching the texts for these, case-sensitively, longest first."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("alias",)
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (ForeignKey(("actor_id",), "actors", ("actor_id",)),)

    alias: Verbatim = Field(description="The surface form exactly as written.", examples=["al-Sudani"])
    actor_id: ActorId
    alias_kind: AliasKind = Field(description="How this form relates to the canonical name.", examples=["short_form"])
    note: Note | None = None


class ActorMention(Record):
    """One occurrence of an alias in an article."""

    table_name: ClassVar[str] = "actor_mentions"
    table_title: ClassVar[str] = "Actor mentions"
    table_description: ClassVar[str] = (
        "Every occurrence of every alias in every article, found by the builder (whole words, "
        "longest match first), minus the occurrences the coders listed as naming something else."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("source_id", "char_start")
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (
        ForeignKey(("source_id",), "sources", ("source_id",)),
        ForeignKey(("actor_id",), "actors", ("actor_id",)),
        ForeignKey(("quote",), "actor_aliases", ("alias",)),
    )

    source_id: SourceId
    char_start: CharStart
    char_end: CharEnd
    quote: Quote = Field(description="The alias as it occurs (always equal to an alias).", examples=["Ryder"])
    actor_id: ActorId
