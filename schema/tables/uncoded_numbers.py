"""Numbers in the articles deliberately left uncoded, each with its reason."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field
from usiraq.schema.enums import UncodedReason
from usiraq.schema.fields import CharEnd, CharStart, Note, Quote, SourceId
from usiraq.schema.record import ForeignKey, Record


class UncodedNumber(Record):
    """A passage whose numbers are deliberately not coded."""

    table_name: ClassVar[str] = "uncoded_numbers"
    table_title: ClassVar[str] = "Uncoded numbers"
    table_description: ClassVar[str] = (
        "Passages holding numbers that are neither force figures nor event dates, each with the "
        "reason it is left uncoded, so that every number in every article is accounted for."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("source_id", "char_start")
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (ForeignKey(("source_id",), "sources", ("source_id",)),)

    source_id: SourceId
    char_start: CharStart
    char_end: CharEnd
    quote: Quote = Field(description="The passage holding the uncoded number(s), as written.", examples=["7921132.jpg"])
    reason: UncodedReason = Field(description="Why the number is not coded.", examples=["url_or_file_name"])
    note: Note | None = None
