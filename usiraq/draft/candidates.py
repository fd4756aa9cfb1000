"""The candidates a draft proposes, one dataclass per kind, each with its evidence span.

Offsets count code points of the article as read (``text[char_start:char_end]
== text``). :func:`as_json` gives the object documented in docs/DRAFTING.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any, ClassVar


@dataclass(frozen=True)
class Candidate:
    """What every candidate has: its kind and its words."""

    KIND: ClassVar[str] = ""

    char_start: int
    char_end: int
    text: str


@dataclass(frozen=True)
class ActorMention(Candidate):
    """An occurrence of a registry alias; ``not_mention_reason`` says why it may name a place, not the actor."""

    KIND: ClassVar[str] = "actor_mention"

    actor_id: str
    actor_type: str
    not_mention_reason: str | None = None


@dataclass(frozen=True)
class NewActor(Candidate):
    """A capitalised name that is neither an alias nor a reviewed non-actor name."""

    KIND: ClassVar[str] = "new_actor"

    name: str
    actor_type: str


@dataclass(frozen=True)
class Figure(Candidate):
    """A number about forces; ``text`` runs from the qualifier to what is counted."""

    KIND: ClassVar[str] = "figure"

    number_start: int
    number_text: str
    value: int
    value_low: int | None
    value_high: int | None
    qualifier: str | None
    approximate: bool
    counted: str
    counted_as_written: str


@dataclass(frozen=True)
class UncodedNumber(Candidate):
    """A number that is not about forces, with the reason (an ``UncodedReason`` value)."""

    KIND: ClassVar[str] = "uncoded_number"

    reason: str


@dataclass(frozen=True)
class DateExpression(Candidate):
    """A date phrase with its interval by the builders' rules; ``problem`` says why one could not be resolved."""

    KIND: ClassVar[str] = "date"

    start: dt.date | None
    end: dt.date | None
    precision: str | None
    basis: str | None
    direction: str
    problem: str | None = None


@dataclass(frozen=True)
class Claim(Candidate):
    """An attributed statement: ``text`` is its sentence (or clause), which holds the speaker and the cue."""

    KIND: ClassVar[str] = "claim"

    speaker_as_written: str | None
    speaker_actor_id: str | None
    cue: str
    attribution_kind: str
    modality: str
    hedge: str | None = None


def as_json(candidate: Candidate) -> dict[str, Any]:
    """The JSON object of one candidate: ``kind`` first, then its fields (dates as ISO text)."""
    found: dict[str, Any] = {"kind": candidate.KIND}
    for field in dataclasses.fields(candidate):
        value = getattr(candidate, field.name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, Enum):
            value = value.value
        found[field.name] = value
    return found
