"""Shared field types, defined once and used by the table models.

Each type is an ``Annotated`` alias carrying its constraints, a generic
description and an example. A table may sharpen the description of a column
with its own ``Field(description=...)``; type and constraints stay shared.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Annotated

import pycountry
from pydantic import AfterValidator, Field
from usiraq.schema.enums import DateBasis, DatePrecision

SLUG_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
COUNTRY_PATTERN = r"^[A-Z]{3}$"


@cache
def iso3_codes() -> tuple[str, ...]:
    """All ISO 3166-1 alpha-3 codes, sorted."""
    return tuple(sorted(country.alpha_3 for country in pycountry.countries))


def _check_iso3(code: str) -> str:
    if code not in iso3_codes():
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 country code")
    return code


# -- identifiers -------------------------------------------------------------

SourceId = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=80,
        description="Identifier of the article: its file name without '.txt'.",
        examples=["003_ab9f14d1c7684910"],
    ),
]
ActorId = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=80,
        description="Identifier of an actor in the registry: a readable slug of its name.",
        examples=["mohammed-shia-al-sudani"],
    ),
]
EventId = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=80,
        description="Identifier of a canonical event: a readable slug.",
        examples=["us-iraq-talks-announced-2024-01"],
    ),
]
ClaimId = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=80,
        description="Identifier of a claim: the article number and a readable slug.",
        examples=["003-austin-transition-timeline"],
    ),
]
PropositionId = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=80,
        description="Identifier of a proposition: a readable slug.",
        examples=["us-troops-in-iraq-about-2500"],
    ),
]
TensionId = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=80,
        description="Identifier of a tension: a readable slug, led by the article number for one inside an article.",
        examples=["000-presence-in-baghdad-or-three-bases"],
    ),
]
RowId = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=80,
        description="Identifier of the row: the article number and a readable slug.",
        examples=["004-attacks-over-120"],
    ),
]

# -- evidence ----------------------------------------------------------------

Quote = Annotated[
    str,
    Field(
        min_length=1,
        description=(
            "The article's exact words that carry this row, character for character "
            "(curly quotes, dashes and no-break spaces as written)."
        ),
        examples=["There are roughly 2,500 US troops deployed in Iraq"],
    ),
]
CharStart = Annotated[
    int,
    Field(
        ge=0,
        description=(
            "Offset of the first character of quote in the article text, counted in Unicode "
            "code points from 0: text[char_start:char_end] == quote."
        ),
        examples=[1832],
    ),
]
CharEnd = Annotated[
    int,
    Field(
        ge=1,
        description="Offset just past the last character of quote (exclusive end, as in Python slices).",
        examples=[1883],
    ),
]
Verbatim = Annotated[
    str,
    Field(
        min_length=1,
        description="Words as the article writes them.",
        examples=["a senior US defence official"],
    ),
]

# -- dates -------------------------------------------------------------------

DateStart = Annotated[
    dt.date,
    Field(
        description="First day of the interval the date covers (ISO 8601).",
        examples=["2024-01-01"],
    ),
]
DateEnd = Annotated[
    dt.date,
    Field(
        description="Last day of the interval the date covers (ISO 8601); equals the start for a day.",
        examples=["2024-01-31"],
    ),
]
Precision = Annotated[
    DatePrecision,
    Field(description="How finely the date is known.", examples=["month"]),
]
Basis = Annotated[
    DateBasis,
    Field(description="Where the date comes from.", examples=["relative"]),
]

# -- places, numbers, free text ----------------------------------------------

Country = Annotated[
    str,
    Field(
        pattern=COUNTRY_PATTERN,
        description="Country as an ISO 3166-1 alpha-3 code.",
        examples=["IRQ"],
    ),
    AfterValidator(_check_iso3),
]
Count = Annotated[
    int,
    Field(ge=0, description="A non-negative whole number.", examples=[2500]),
]
Sha256 = Annotated[
    str,
    Field(
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the text encoded as UTF-8, in lowercase hex.",
        examples=["c6328d15b16e84625c32ee08db579802cf7ffd53dbabc28b6af0d0e8f19eacc7"],
    ),
]
Note = Annotated[
    str,
    Field(
        min_length=1,
        description=(
            "Free-text remark by the coder. Anything taken from outside the articles is "
            "written here and starts with 'Outside knowledge:'."
        ),
        examples=["Outside knowledge: the talks were held on 5 August 2024."],
    ),
]
PlainText = Annotated[
    str,
    Field(min_length=1, description="Plain English written by the coder.", examples=["Iraq wants US forces out"]),
]
