"""Attributed statements, the propositions they bear on, and the links between them."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field
from usiraq.schema.enums import AttributionKind, Modality, Stance, Topic
from usiraq.schema.fields import (
    ActorId,
    CharEnd,
    CharStart,
    ClaimId,
    Count,
    Note,
    PlainText,
    PropositionId,
    Quote,
    SourceId,
    Verbatim,
)
from usiraq.schema.record import ForeignKey, Record


class Claim(Record):
    """An assertion in an article, with who makes it and how firmly."""

    table_name: ClassVar[str] = "claims"
    table_title: ClassVar[str] = "Claims"
    table_description: ClassVar[str] = (
        "Every attributed statement in the articles, and every unattributed assertion a researcher "
        "would want to cite: who says it (as written and as a registry actor), how it is attributed, "
        "how firmly it is put, what it is about, and the words that carry it."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("claim_id",)
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (
        ForeignKey(("source_id",), "sources", ("source_id",)),
        ForeignKey(("speaker_actor_id",), "actors", ("actor_id",)),
    )

    claim_id: ClaimId
    source_id: SourceId
    speaker_actor_id: ActorId | None = Field(
        None,
        description=(
            "The registry actor who makes the claim, an 'unidentified-' actor for an unnamed speaker; "
            "null for the article's own voice or a joint speaker."
        ),
        examples=["lloyd-austin"],
    )
    speaker_as_written: Verbatim | None = Field(
        None,
        description="The speaker exactly as the article names it, inside quote; null for the article's own voice.",
        examples=["A senior US defence official"],
    )
    attribution_kind: AttributionKind = Field(description="How the claim is attributed.", examples=["direct_quote"])
    cue: Verbatim | None = Field(
        None,
        description="The attribution verb or phrase as written, inside quote ('said', 'according to').",
        examples=["according to"],
    )
    modality: Modality = Field(description="How firmly, and in what mood, the claim is put.", examples=["expected"])
    hedge: Verbatim | None = Field(
        None,
        description="The hedging or modal words as written, inside quote ('are expected to', 'might'); null if none.",
        examples=["are expected to"],
    )
    topic: Topic = Field(description="What the claim is mainly about.", examples=["talks"])
    content: PlainText = Field(
        description="What is claimed, restated plainly by the coder (no facts beyond the quote).",
        examples=["The US and Iraq will soon begin talks on the future of the US military presence."],
    )
    quote: Quote
    char_start: CharStart
    char_end: CharEnd
    note: Note | None = None


class Proposition(Record):
    """A statement that several claims bear on."""

    table_name: ClassVar[str] = "propositions"
    table_title: ClassVar[str] = "Propositions"
    table_description: ClassVar[str] = (
        "Statements that claims from one or more articles support, contradict or qualify, with "
        "counts of the articles on each side and of the independent ones."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("proposition_id",)

    proposition_id: PropositionId
    statement: PlainText = Field(
        description="The statement, in the coder's plain words.", examples=["About 2,500 US troops are in Iraq."]
    )
    topic: Topic = Field(description="What the statement is about.", examples=["troop_presence"])
    n_claims: Count = Field(description="Claims linked to this proposition.")
    n_sources_supporting: Count = Field(description="Articles with at least one supporting claim.")
    n_sources_contradicting: Count = Field(description="Articles with at least one contradicting claim.")
    n_sources_qualifying: Count = Field(description="Articles with at least one qualifying claim.")
    n_independent_supporting: Count = Field(
        description="Independence groups (see sources.independence_group) with at least one supporting claim."
    )
    note: Note | None = None


class ClaimProposition(Record):
    """How one claim bears on one proposition."""

    table_name: ClassVar[str] = "claim_propositions"
    table_title: ClassVar[str] = "Claim-proposition links"
    table_description: ClassVar[str] = "Which claims support, contradict or qualify which propositions."
    primary_key: ClassVar[tuple[str, ...]] = ("claim_id", "proposition_id")
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (
        ForeignKey(("claim_id",), "claims", ("claim_id",)),
        ForeignKey(("proposition_id",), "propositions", ("proposition_id",)),
    )

    claim_id: ClaimId
    proposition_id: PropositionId
    stance: Stance = Field(description="How the claim bears on the proposition.", examples=["supports"])
    note: Note | None = None
