"""``alias-occurs``: every alias is found in some article, and every mention is an alias of its actor."""

from __future__ import annotations

import re
from collections.abc import Iterator

from usiraq.validation.checks.base import Check, short
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables


def whole_word(alias: str) -> re.Pattern[str]:
    """A case-sensitive pattern for ``alias`` not joined to a letter, digit or underscore on either side."""
    return re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)")


def run(tables: Tables) -> Iterator[Finding]:
    """Search every article for every alias; look up every mention's quote among its actor's aliases."""
    texts = list(tables.texts().values())
    owners: dict[str, str] = {}
    for number, row in tables.numbered("actor_aliases"):
        alias = row["alias"]
        if alias is None:
            continue
        owners[alias] = row["actor_id"]
        pattern = whole_word(alias)
        if not any(pattern.search(text) for text in texts):
            yield Finding(
                "actor_aliases", f"alias {short(alias)} occurs in no article as a whole word", number, "alias"
            )
    yield from _mention_errors(tables, owners)


def _mention_errors(tables: Tables, owners: dict[str, str]) -> Iterator[Finding]:
    for number, row in tables.numbered("actor_mentions"):
        quote, actor = row["quote"], row["actor_id"]
        if quote is None or actor is None:
            continue
        if quote not in owners:
            yield Finding("actor_mentions", f"quote {short(quote)} is not an alias of any actor", number, "quote")
        elif owners[quote] != actor:
            message = f"quote {short(quote)} is an alias of {owners[quote]!r}, not of {actor!r}"
            yield Finding("actor_mentions", message, number, "actor_id")


CHECK = Check(
    code="alias-occurs",
    description=(
        "Every alias occurs as a whole word (case-sensitive) in some article, and every "
        "actor mention's quote is an alias of its actor."
    ),
    error="alias {alias!r} occurs in no article / quote {quote!r} is an alias of {owner!r}, not of {actor_id!r}",
    tables=("actor_aliases", "actor_mentions"),
    run=run,
)
