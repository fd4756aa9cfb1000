"""Models of the hand-written input files: sources.yaml, the registry and the annotations.

These describe what coders write; the builders turn them into release rows.
A generated JSON Schema (``usiraq regenerate``) lets editors check the YAML
files as they are written.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from usiraq.schema.enums import (
    ActorType,
    AliasKind,
    AttributionKind,
    DateBasis,
    DatePrecision,
    EventRole,
    EventStatus,
    EventType,
    Language,
    Modality,
    PloverEvent,
    Quantity,
    SourceFlagKind,
    Stance,
    TensionKind,
    TensionScope,
    Topic,
    UncodedReason,
)
from usiraq.schema.fields import SLUG_PATTERN

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]
Text = Annotated[str, Field(min_length=1)]
Iso3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
Flag = Annotated[bool, Field(strict=True)]
"""true or false, never 1, "yes" or "true" in quotes."""
MAX_FIGURE = 10**9
"""The largest figure value: more than any count of forces, bases or attacks, and far inside 64-bit integers."""
FigureValue = Annotated[int, Field(strict=True, ge=0, le=MAX_FIGURE)]
"""A whole number written as a number: never a string ("2500") or a boolean."""
MAX_OCCURRENCE = 10**6
"""The highest occurrence a selector may name."""


YEARS = range(1800, 2201)
"""The years an input date may name: the date rules count days from them and stay inside the calendar."""


def _iso_text(value: object) -> object:
    """Only a date written YYYY-MM-DD (YAML gives it as text) is a date; a number is not."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD")
    if not isinstance(value, str | dt.date):
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD")
    year = value.year if isinstance(value, dt.date) else int(value[:4])
    if year not in YEARS:
        raise ValueError(f"{value!r}: the year must lie between {YEARS[0]} and {YEARS[-1]}")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
IsoDate = Annotated[dt.date, BeforeValidator(_iso_text)]
"""A calendar date written YYYY-MM-DD; an impossible one (2024-02-30) is refused."""


class Input(BaseModel):
    """Base of every input model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Selector(Input):
    """Which words of the article a row rests on (W3C TextQuoteSelector style).

    ``quote`` must be copied exactly from the article. Only when it occurs more
    than once, say which: ``prefix`` (the words just before it) or
    ``occurrence`` (1 for the first).
    """

    quote: Text = Field(description="The article's exact words.")
    prefix: str | None = Field(None, min_length=1, description="Words just before the quote, to pick one occurrence.")
    occurrence: int | None = Field(
        None, strict=True, ge=1, le=MAX_OCCURRENCE, description="Which occurrence of the quote (1 = first)."
    )


class DateSpec(Input):
    """A date as the article writes it, and how to resolve it.

    Give ``as_written`` for the builder to resolve against the article's
    publication date. Give ``start``/``end``/``precision``/``basis`` and
    ``note`` only where the phrase cannot be resolved by rule (then basis is
    'inferred' or 'outside_knowledge' and the note says why).
    """

    as_written: Text | None = Field(None, description="The dating words exactly as in the quote.")
    direction: Literal["past", "future"] = Field(
        "past", description="Whether the phrase points back from publication (default) or forward."
    )
    start: IsoDate | None = None
    end: IsoDate | None = None
    precision: DatePrecision | None = None
    basis: DateBasis | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _explicit_is_complete(self) -> DateSpec:
        explicit = [self.start, self.end, self.precision, self.basis]
        if any(v is not None for v in explicit) and not all(v is not None for v in explicit):
            raise ValueError("an explicit date needs start, end, precision and basis together")
        if self.start is None and self.as_written is None:
            raise ValueError("a date needs as_written, or an explicit start/end/precision/basis")
        if self.basis in (DateBasis.INFERRED, DateBasis.OUTSIDE_KNOWLEDGE) and not self.note:
            raise ValueError("an inferred or outside-knowledge date needs a note giving the reasoning")
        check_order(self.start, self.end)
        return self


def check_order(start: dt.date | None, end: dt.date | None) -> None:
    """Refuse an interval that ends before it starts.

    Raises:
        ValueError: ``start`` is after ``end``.

    """
    if start is not None and end is not None and start > end:
        raise ValueError(f"start {start.isoformat()} is after end {end.isoformat()}")


# -- sources.yaml --------------------------------------------------------------


class FlagEntry(Selector):
    """A quality flag on an article, with the words that show it."""

    flag_id: Slug
    flag: SourceFlagKind
    description: Text
    related_source_id: Slug | None = None
    note: Text | None = None


class PublishedEntry(Input):
    """What is known about when an article was published."""

    as_written: Text | None = Field(None, description="The date exactly as printed in the text, if any.")
    start: IsoDate
    end: IsoDate
    precision: DatePrecision
    basis: DateBasis
    note: Text | None = None

    @model_validator(mode="after")
    def _in_order(self) -> PublishedEntry:
        check_order(self.start, self.end)
        return self


class SourceEntry(Input):
    """What is known about one article; every text field only where the text supports it."""

    source_id: Slug
    file_name: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+\.txt$")]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    language: Language = Language.EN
    outlet: Text | None = None
    headline: Text | None = None
    byline: Text | None = None
    url: Text | None = None
    published: PublishedEntry | None = None
    flags: list[FlagEntry] = []
    note: Text | None = None


class SourcesFile(Input):
    """dataset/sources.yaml."""

    sources: list[SourceEntry]


# -- registry/ -----------------------------------------------------------------


class AliasEntry(Input):
    """A surface form of an actor."""

    alias: Text
    alias_kind: AliasKind
    note: Text | None = None


class ActorEntry(Input):
    """An actor of the registry."""

    actor_id: Slug
    name: Text
    actor_type: ActorType
    country: Iso3 | None = None
    parent_actor_id: Slug | None = None
    title: Text | None = None
    description: Text
    aliases: list[AliasEntry] = Field(min_length=1)
    note: Text | None = None


class ActorsFile(Input):
    """dataset/registry/actors.yaml."""

    actors: list[ActorEntry]


class EventActorEntry(Input):
    """An actor's role in an event."""

    actor_id: Slug
    role: EventRole
    note: Text | None = None


class EventEntry(Input):
    """A canonical event of the registry; its date comes from its mentions unless given here."""

    event_id: Slug
    event_type: EventType
    plover_event: PloverEvent | None = None
    plover_mode: Annotated[str, Field(pattern=r"^[a-z][a-z-]*$")] | None = None
    summary: Text
    location_as_written: Text | None = None
    location_country: Iso3 | None = None
    actors: list[EventActorEntry] = []
    date: DateSpec | None = Field(
        None, description="Only where no mention dates the event: an explicit inferred or outside-knowledge date."
    )
    note: Text | None = None


class EventsFile(Input):
    """dataset/registry/events.yaml."""

    events: list[EventEntry]


class PropositionEntry(Input):
    """A statement several claims bear on."""

    proposition_id: Slug
    statement: Text
    topic: Topic
    note: Text | None = None


class PropositionsFile(Input):
    """dataset/registry/propositions.yaml."""

    propositions: list[PropositionEntry]


class TensionSpanEntry(Selector):
    """One span of evidence for one side of a tension: an article and its exact words."""

    source_id: Slug = Field(description="The article the words are in.")
    claim_id: Slug | None = Field(
        None, description="The claim of that article whose quote overlaps these words, if any."
    )
    note: Text | None = None


class TensionEntry(Input):
    """A disagreement inside one article or between articles, with the evidence of its two sides."""

    tension_id: Slug
    kind: TensionKind
    scope: TensionScope
    proposition_id: Slug | None = Field(None, description="The proposition the tension is about, if it is about one.")
    summary: Text
    a: list[TensionSpanEntry] = Field(min_length=1, description="The evidence of side a.")
    b: list[TensionSpanEntry] = Field(min_length=1, description="The evidence of side b.")
    note: Text | None = None

    @model_validator(mode="after")
    def _scope_fits_sources(self) -> TensionEntry:
        sources = {span.source_id for span in [*self.a, *self.b]}
        if self.scope == TensionScope.WITHIN_ARTICLE and len(sources) > 1:
            raise ValueError(f"scope within_article, but the sides quote {len(sources)} articles: {sorted(sources)}")
        if self.scope == TensionScope.BETWEEN_ARTICLES and len(sources) < 2:
            raise ValueError("scope between_articles, but both sides quote one article; use within_article")
        return self


class TensionsFile(Input):
    """dataset/registry/tensions.yaml."""

    tensions: list[TensionEntry]


# -- annotations/<source>.yaml -------------------------------------------------


class Suggestible(Selector):
    """An annotation entry that ``usiraq draft`` may write as a suggestion awaiting a coder's review."""

    suggested: bool = Field(
        False,
        description=(
            "True while the entry is a machine suggestion nobody has reviewed: the build refuses it. "
            "Check it against the article, correct it, then delete this key to accept it."
        ),
    )


class NewActorEntry(Selector):
    """A capitalised name ``usiraq draft`` suggests as a new actor; the build refuses every such entry.

    Accept it by adding the actor to registry/actors.yaml (or reject it by
    adding the name to registry/non_actor_names.yaml), then delete the entry.
    """

    name: Text
    actor_type: ActorType = Field(description="The actor type guessed from the name's words.")
    suggested: bool = True


class PropositionLink(Input):
    """How a claim bears on a proposition."""

    proposition_id: Slug
    stance: Stance
    note: Text | None = None


class ClaimEntry(Suggestible):
    """A claim: an attributed statement or an assertion in the article's own voice."""

    claim_id: Slug
    speaker_actor_id: Slug | None = Field(None, description="Registry actor id of the speaker; null for none.")
    speaker_as_written: Text | None = None
    attribution_kind: AttributionKind
    cue: Text | None = None
    modality: Modality
    hedge: Text | None = None
    topic: Topic
    content: Text
    propositions: list[PropositionLink] = []
    note: Text | None = None


class FigureEntry(Suggestible):
    """A number about forces."""

    figure_id: Slug
    claim_id: Slug | None = None
    quantity: Quantity
    counted_as_written: Text
    number_text: Text
    value: FigureValue
    value_low: FigureValue | None = None
    value_high: FigureValue | None = None
    approximate: Flag = False
    qualifier: Text | None = None
    force_actor_id: Slug | None = None
    location_as_written: Text | None = None
    location_country: Iso3 | None = None
    as_of: DateSpec | None = None
    note: Text | None = None


class EventMentionEntry(Suggestible):
    """An article's mention of a registry event."""

    event_id: Slug
    status: EventStatus
    date: DateSpec | None = None
    note: Text | None = None


class NotMentionEntry(Suggestible):
    """An occurrence of an alias that does not name the actor (e.g. 'Baghdad' the city)."""

    reason: Text


class UncodedEntry(Suggestible):
    """A passage whose numbers are deliberately not coded."""

    reason: UncodedReason
    note: Text | None = None


class AnnotationFile(Input):
    """dataset/annotations/<source id>.yaml: the coding of one article."""

    source_id: Slug
    claims: list[ClaimEntry] = []
    figures: list[FigureEntry] = []
    event_mentions: list[EventMentionEntry] = []
    not_mentions: list[NotMentionEntry] = []
    uncoded_numbers: list[UncodedEntry] = []
    new_actors: list[NewActorEntry] = Field([], description="Suggested new actors (``usiraq draft``); never built.")


class NonActorNamesFile(Input):
    """dataset/registry/non_actor_names.yaml: capitalised names reviewed and judged not to be actors."""

    names: list[Text] = Field(description="Places, forums, titles and page furniture, as written.")
