"""``alias-occurs``: every alias is found in some article, and every mention is an alias of its actor."""

from __future__ import annotations

import re
from collections.abc import Iterator

from usiraq.validation.checks.base import Check, short
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables

_WORD = re.compile(r"\w")
_OWNERS = (
    "SELECT alias, arg_max_null(actor_id, _row) AS owner FROM {actor_aliases} WHERE alias IS NOT NULL GROUP BY alias"
)
_WITNESSES = """
SELECT f.quote, substring(t.text, f.s + 1, f.e - f.s) = f.quote,
       CASE WHEN f.s > 0 THEN substring(t.text, f.s, 1) ELSE '' END, substring(t.text, f.e + 1, 1)
FROM (SELECT quote, min_by(source_id, _row) AS source_id, min_by(char_start, _row) AS s, min_by(char_end, _row) AS e
      FROM {actor_mentions} WHERE quote IS NOT NULL AND source_id IS NOT NULL AND char_start >= 0
      AND char_end > char_start GROUP BY quote) f
JOIN source_texts t USING (source_id)
"""


def whole_word(alias: str) -> re.Pattern[str]:
    """A case-sensitive pattern for ``alias`` not joined to a letter, digit or underscore on either side."""
    return re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)")


def run(tables: Tables) -> Iterator[Finding]:
    """Find every alias in some article; look up every mention's quote among its actor's aliases.

    An alias is found at once where its first mention's span holds it as a
    whole word in the text; any other alias is searched for in every article.
    """
    tables.view("sources")
    witnessed = {alias for alias, exact, before, after in tables.query(_WITNESSES) if exact and _alone(before, after)}
    rows = tables.query("SELECT _row, alias FROM {actor_aliases} WHERE alias IS NOT NULL ORDER BY _row")
    unseen = {alias for _, alias in rows if alias not in witnessed}
    found = _search(tables, unseen) if unseen else set()
    for number, alias in rows:
        if alias in unseen and alias not in found:
            yield Finding(
                "actor_aliases", f"alias {short(alias)} occurs in no article as a whole word", number, "alias"
            )
    yield from _mention_errors(tables)


def _alone(before: str | None, after: str | None) -> bool:
    return not _WORD.match(before or "") and not _WORD.match(after or "")


def _search(tables: Tables, aliases: set[str]) -> set[str]:
    """The aliases found as whole words in some article, reading the articles a batch at a time."""
    patterns = {alias: whole_word(alias) for alias in aliases}
    found: set[str] = set()
    for batch in tables.batches("SELECT text FROM source_texts"):
        for (text,) in batch:
            found |= {alias for alias, pattern in patterns.items() if alias not in found and pattern.search(text)}
        if len(found) == len(patterns):
            break
    return found


def _mention_errors(tables: Tables) -> Iterator[Finding]:
    query = (
        f"SELECT m._row, m.quote, m.actor_id, o.owner, o.alias IS NOT NULL FROM {{actor_mentions}} m "
        f"LEFT JOIN ({_OWNERS}) o ON o.alias = m.quote WHERE m.quote IS NOT NULL AND m.actor_id IS NOT NULL "
        "AND (o.alias IS NULL OR o.owner IS DISTINCT FROM m.actor_id) ORDER BY m._row"
    )
    for number, quote, actor, owner, known in tables.query(query):
        if not known:
            yield Finding("actor_mentions", f"quote {short(quote)} is not an alias of any actor", number, "quote")
        else:
            message = f"quote {short(quote)} is an alias of {owner!r}, not of {actor!r}"
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
