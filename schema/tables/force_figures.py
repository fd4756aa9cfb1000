"""Numbers about forces and their posture."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field
from usiraq.schema.enums import Quantity
from usiraq.schema.fields import (
    ActorId,
    Basis,
    CharEnd,
    CharStart,
    ClaimId,
    Count,
    Country,
    DateEnd,
    DateStart,
    Note,
    Precision,
    Quote,
    RowId,
    SourceId,
    Verbatim,
)
from usiraq.schema.record import ForeignKey, Record


class ForceFigure(Record):
    """One number about forces, bases, attacks or casualties, with its bounds and hedges."""

    table_name: ClassVar[str] = "force_figures"
    table_title: ClassVar[str] = "Force figures"
    table_description: ClassVar[str] = (
        "Every number the articles give about forces, bases, attacks or casualties: the value as "
        "written, the bounds the wording sets (as UCDP GED does with best/low/high), the hedge as "
        "written, what is counted, whose forces, where, as of when, and the words that carry it."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("figure_id",)
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (
        ForeignKey(("source_id",), "sources", ("source_id",)),
        ForeignKey(("claim_id",), "claims", ("claim_id",)),
        ForeignKey(("force_actor_id",), "actors", ("actor_id",)),
    )

    figure_id: RowId
    source_id: SourceId
    claim_id: ClaimId | None = Field(None, description="The claim this figure is stated in, if it is coded as one.")
    quantity: Quantity = Field(description="What is counted.", examples=["personnel"])
    counted_as_written: Verbatim = Field(
        description="The words naming what is counted, as written.", examples=["US troops"]
    )
    number_text: Verbatim = Field(
        description="The number exactly as written in quote (digits or words).", examples=["2,500"]
    )
    value: Count = Field(description="The number as written, as an integer.", examples=[2500])
    value_low: Count | None = Field(
        None,
        description="Lower bound the wording sets ('over 120' gives 120, exclusive per qualifier); null if none.",
        examples=[120],
    )
    value_high: Count | None = Field(
        None, description="Upper bound the wording sets ('up to 3,000' gives 3,000); null if none."
    )
    approximate: bool = Field(
        description="True when the wording hedges the number ('about', 'roughly', 'approximately').",
        examples=[True],
    )
    qualifier: Verbatim | None = Field(
        None,
        description="The hedging or bounding words as written ('roughly', 'over'); null if none.",
        examples=["roughly"],
    )
    force_actor_id: ActorId | None = Field(
        None,
        description="Whose forces are counted (for attacks and casualties: the forces attacked or hit).",
        examples=["us-armed-forces"],
    )
    location_as_written: Verbatim | None = Field(
        None, description="Where, as written; null if the text does not say.", examples=["Iraq"]
    )
    location_country: Country | None = Field(None, description="The country of the location, where the text names it.")
    as_of_as_written: Verbatim | None = Field(
        None,
        description="The words that date the figure ('currently', 'presently'); null if none.",
        examples=["currently"],
    )
    as_of_start: DateStart | None = Field(None, description="First day the figure refers to.")
    as_of_end: DateEnd | None = Field(None, description="Last day the figure refers to.")
    as_of_precision: Precision | None = Field(None, description="How finely the figure's date is known.")
    as_of_basis: Basis | None = Field(None, description="Where the figure's date comes from.")
    as_of_note: Note | None = Field(None, description="How the figure's date was resolved from the words that date it.")
    quote: Quote
    char_start: CharStart
    char_end: CharEnd
    note: Note | None = None
