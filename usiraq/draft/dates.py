"""Date candidates: every phrase one of the builders' date rules reads, resolved by those rules.

The search pattern is made from the rules themselves
(:data:`usiraq.builders.dates.RULES`, the vague phrases and the leading
prepositions), so a phrase is found exactly when the builder can read it; the
builder's :func:`~usiraq.builders.dates.resolve_phrase` then gives the
interval, precision and basis against the publication date. A phrase the
rules call vague ("soon", "in the coming days") and a year range ("2014–19")
are listed unresolved, with the reason.

Finding guards against words that only look like dates: a month or weekday
name must be capitalised ("may" the verb is not May), and a bare season
needs a preposition or "this/last/next" ("forces fall back" is not autumn).
The direction (past or future) is guessed from the words before the phrase in
its sentence: a future or intention word ("will", "intends to", "plans") makes
it future.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from usiraq.builders.dates import (
    MONTHS,
    PREPOSITION,
    RULES,
    SEASONS,
    VAGUE,
    WEEKDAYS,
    ResolvedDate,
    resolve_phrase,
)
from usiraq.builders.errors import InputError
from usiraq.draft.candidates import DateExpression
from usiraq.draft.text import Sentences
from usiraq.schema.inputs import PublishedEntry

_YEAR_RANGE = r"(?:19|20)\d\d ?[–-] ?(?:(?:19|20)\d\d|\d\d)(?![-\d])"
_FUTURE = re.compile(
    r"\b(?:will|won't|would|shall|(?-i:may)|might|intends?|intended|intention|plans?|planned|planning|scheduled|expected|expects?"
    r"|anticipated|anticipates?|aims?|set to|going to|upcoming|next)\b",
    re.I,
)
_NAMED = {*MONTHS, *WEEKDAYS}
_FULL_MONTHS = {name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july")}


@cache
def _finder() -> re.Pattern[str]:
    """One pattern for every rule's phrase, with an optional leading preposition, as whole words."""
    bodies = [re.sub(r"\(\?P<\w+>", "(?:", rule.pattern.pattern) for rule in RULES]
    preposition = PREPOSITION.pattern.removeprefix("^").removesuffix(r"\s+")
    body = "|".join([f"(?P<range>{_YEAR_RANGE})", f"(?P<vague>{VAGUE})", *bodies])
    return re.compile(rf"(?<![\w'])(?:{preposition} )?(?:{body})(?![\w'])")


def _folded(text: str) -> str:
    """The text as the rules read it (lower case, straight apostrophes), the same length as ``text``."""
    folded = text.replace("\u2019", "'").replace("\u00a0", " ").lower()
    if len(folded) == len(text):
        return folded
    return "".join(low if len(low := char.lower()) == 1 else char for char in text.replace("\u2019", "'"))


def find_dates(text: str, sentences: Sentences, published: PublishedEntry | None) -> list[DateExpression]:
    """Every date phrase of ``text``, resolved where the rules can."""
    found = []
    for match in _finder().finditer(_folded(text)):
        start, end = match.span()
        if text[end - 1] == "." and text[start:end].rstrip(".").split()[-1].lower() in _FULL_MONTHS:
            end -= 1
        words = text[start:end]
        if not _plausible(words, match):
            continue
        sentence = sentences.around(start)
        direction = "future" if _FUTURE.search(text, sentence.start, start) else "past"
        found.append(_resolved(start, end, words, match, published, direction))
    return found


def _plausible(words: str, match: re.Match[str]) -> bool:
    """Month and weekday names capitalised; no bare season ("fall" the verb) or bare "present" (the adjective)."""
    tokens = re.findall(r"[A-Za-z]+", words)
    for token in tokens:
        if token.lower() in _NAMED and not token[0].isupper():
            return False
    if len(tokens) == 1 and (tokens[0].lower() in SEASONS or tokens[0].lower() == "present"):
        return False
    return not (match["vague"] and len(tokens) == 1 and tokens[0].lower() in {"later", "earlier"})


@lru_cache(maxsize=4096)
def _resolve(words: str, published: PublishedEntry | None, direction: str) -> ResolvedDate | str:
    """The builders' reading of ``words``, or why it has none (phrases repeat: the answers are kept)."""
    try:
        return resolve_phrase(words, published, direction)
    except InputError as error:
        return str(error)


def _resolved(
    start: int, end: int, words: str, match: re.Match[str], published: PublishedEntry | None, direction: str
) -> DateExpression:
    if match["range"]:
        problem = "a range of years: the rules read single dates; give start, end, precision and basis"
        return DateExpression(start, end, words, None, None, None, None, direction, problem)
    resolved = _resolve(words, published, direction)
    if isinstance(resolved, str):
        return DateExpression(start, end, words, None, None, None, None, direction, resolved)
    return DateExpression(
        start,
        end,
        words,
        resolved.start,
        resolved.end,
        resolved.precision.value,
        resolved.basis.value,
        direction,
    )
