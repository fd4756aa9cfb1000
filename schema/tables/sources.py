"""The articles and the quality flags observed on them."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field
from usiraq.schema.enums import Language, SourceFlagKind
from usiraq.schema.fields import (
    Basis,
    CharEnd,
    CharStart,
    Count,
    DateEnd,
    DateStart,
    Note,
    PlainText,
    Precision,
    Quote,
    RowId,
    Sha256,
    SourceId,
    Verbatim,
)
from usiraq.schema.record import ForeignKey, Record


class Source(Record):
    """One row per article."""

    table_name: ClassVar[str] = "sources"
    table_title: ClassVar[str] = "Sources"
    table_description: ClassVar[str] = (
        "One row per article: its full text (so every evidence span can be checked from the "
        "package alone), what the text says about where and when it was published, its hash and "
        "size, and which other articles it depends on."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("source_id",)
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (ForeignKey(("independence_group",), "sources", ("source_id",)),)

    source_id: SourceId
    file_name: Annotated[
        str,
        Field(
            pattern=r"^[A-Za-z0-9_.-]+\.txt$",
            description="File name of the article in dataset/sources/.",
            examples=["003_ab9f14d1c7684910.txt"],
        ),
    ]
    outlet: Verbatim | None = Field(
        None, description="The publishing outlet as the text names it; null where the text does not name it."
    )
    headline: Verbatim | None = Field(
        None, description="The headline as printed in the text; null where the text has none."
    )
    byline: Verbatim | None = Field(None, description="The byline as printed; null where the text has none.")
    url: Verbatim | None = Field(
        None,
        description="The article's own web address, only where the text prints it.",
        examples=["https://example.org/story"],
    )
    published_as_written: Verbatim | None = Field(
        None,
        description="The publication date exactly as printed in the text; null where none is printed.",
        examples=["2024-01-25"],
    )
    published_start: DateStart | None = Field(None, description="First day the publication date may be.")
    published_end: DateEnd | None = Field(None, description="Last day the publication date may be.")
    published_precision: Precision | None = Field(None, description="How finely the publication date is known.")
    published_basis: Basis | None = Field(
        None, description="Whether the publication date is printed (stated) or reasoned (inferred)."
    )
    published_note: Note | None = Field(
        None, description="How an unprinted publication date was inferred, step by step."
    )
    language: Language = Field(description="Language of the article (BCP 47).", examples=["en"])
    sha256: Sha256
    char_count: Count = Field(description="Length of the text in Unicode code points.", examples=[2361])
    word_count: Count = Field(description="Number of whitespace-separated tokens in the text.", examples=[383])
    independence_group: SourceId = Field(
        description=(
            "Articles that depend on one another (flags shares_story_with_source) share a group, "
            "named by its first source_id. Count groups, not articles, for independent corroboration."
        ),
        examples=["000_42cfb8f775e2954a"],
    )
    text: Annotated[
        str,
        Field(min_length=1, description="The full article text, byte for byte as received, decoded as UTF-8."),
    ]
    note: Note | None = None


class SourceFlag(Record):
    """A quality observation on an article, with its evidence."""

    table_name: ClassVar[str] = "source_flags"
    table_title: ClassVar[str] = "Source quality flags"
    table_description: ClassVar[str] = (
        "Quality observations on the articles (boilerplate, machine-written traces, spelling, "
        "dependence on other reporting), each backed by the words that show it."
    )
    primary_key: ClassVar[tuple[str, ...]] = ("flag_id",)
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = (
        ForeignKey(("source_id",), "sources", ("source_id",)),
        ForeignKey(("related_source_id",), "sources", ("source_id",)),
    )

    flag_id: RowId
    source_id: SourceId
    flag: SourceFlagKind = Field(description="What was observed.", examples=["boilerplate"])
    related_source_id: SourceId | None = Field(
        None, description="The other article this flag concerns (for shares_story_with_source)."
    )
    description: PlainText = Field(description="What the coder observed, in a sentence.")
    quote: Quote
    char_start: CharStart
    char_end: CharEnd
    note: Note | None = None
