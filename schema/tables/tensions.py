"""Tensions: disagreements inside one article or between articles, and the evidence of each side."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field
from usiraq.schema.enums import Side, TensionKind, TensionScope
from usiraq.schema.fields import (
    CharEnd,
    CharStart,
    ClaimId,
    Note,
    PlainText,
    PropositionId,
    Quote,
    SourceId,
    TensionId,
)
from usiraq.schema.record import ForeignKey, Record


class Tension(Record):
    """A disagreement that is more than one proposition supported and contradicted."""

    table_name: ClassVar[str] = "tensions"
    table_title: ClassVar[str] = "Tensions"
    table_description: ClassVar[str] = (
        "Disagreements inside one article (a headline or lead that says more than its body, a paraphrase "
        "that says more than the quote it reports) and between articles (contradictions, framing "
        "differences, naming variants, attribution distortions, differences of precision), each with "
        "two sides whose evidence is in tension_sides."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("tension_id",)
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (
        ForeignKey(("proposition_id",), "propositions", ("proposition_id",)),
    )

    tension_id: TensionId
    kind: TensionKind = Field(description="What kind of disagreement it is.", examples=["framing_difference"])
    scope: TensionScope = Field(description="Inside one article or between articles.", examples=["between_articles"])
    proposition_id: PropositionId | None = Field(
        None,
        description="The proposition the tension is about, where it is about one; null otherwise.",
        examples=["talks-are-about-us-withdrawal"],
    )
    summary: PlainText = Field(
        description="What side a and side b say, in the coder's plain words (no facts beyond the quotes).",
        examples=["003's lead has Baghdad expect a withdrawal schedule; its ministry quote speaks of a reduction."],
    )
    note: Note | None = None


class TensionSide(Record):
    """One span of evidence on one side of a tension."""

    table_name: ClassVar[str] = "tension_sides"
    table_title: ClassVar[str] = "Tension sides"
    table_description: ClassVar[str] = (
        "The evidence of each side of each tension: the article's exact words, where they are, and the claim "
        "they belong to where one is coded; a side may have several spans, in one or several articles."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("tension_id", "side", "source_id", "char_start")
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (
        ForeignKey(("tension_id",), "tensions", ("tension_id",)),
        ForeignKey(("source_id",), "sources", ("source_id",)),
        ForeignKey(("claim_id",), "claims", ("claim_id",)),
    )

    tension_id: TensionId
    side: Side = Field(description="Which side of the tension the span is on.", examples=["a"])
    source_id: SourceId
    quote: Quote
    char_start: CharStart
    char_end: CharEnd
    claim_id: ClaimId | None = Field(
        None,
        description="The claim of the same article whose quote overlaps this span, where one is coded; else null.",
        examples=["003-official-not-withdrawal-negotiation"],
    )
    note: Note | None = None
