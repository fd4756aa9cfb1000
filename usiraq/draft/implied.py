"""Implied counts (coding rule 4.4): a singular "a" or "an" for one person killed or wounded is a figure of one.

Three shapes are read, each within one clause: "the death of a senior militia
member", "a soldier was killed" (or wounded, injured), and "killing an
official" (or wounding, injuring). A single happening ("a drone attack") is
an event, not a figure, and a named person is an event's target, so only a
person noun (:data:`PEOPLE`) counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from usiraq.draft.candidates import Figure
from usiraq.schema.enums import Quantity

PEOPLE = (
    r"members?|service[- ]?members?|soldiers?|troops?|fighters?|militants?|commanders?|leaders?|officers?|officials?"
    r"|civilians?|contractors?|advisers?|advisors?|guards?|marines?|sailors?|airm[ae]n|servicem[ae]n|persons?"
    r"|man|woman|child|journalists?|employees?|operatives?|diplomats?"
)
"""Nouns for a person, singular or plural (the article "a" makes them one)."""

_MODIFIERS = r"(?:[\w’'-]+[ \u00a0]+){0,4}?"
_ONE = rf"\b(?P<number>an?)[ \u00a0]+(?P<counted>{_MODIFIERS}(?:{PEOPLE}))\b"
_SHAPES: tuple[tuple[re.Pattern[str], Quantity | None], ...] = (
    (re.compile(rf"(?i)\bdeath[ \u00a0]+of[ \u00a0]+{_ONE}"), Quantity.KILLED),
    (re.compile(rf"(?i){_ONE}[ \u00a0]+(?:was|has[ \u00a0]+been)[ \u00a0]+(?P<verb>killed|wounded|injured)\b"), None),
    (re.compile(rf"(?i)\b(?P<verb>killing|wounding|injuring)[ \u00a0]+{_ONE}"), None),
)
_VERB = {"killed": Quantity.KILLED, "killing": Quantity.KILLED}


def implied_figures(text: str) -> Iterator[Figure]:
    """A figure of one for every implied count of ``text``, in text order."""
    found: list[Figure] = []
    for pattern, quantity in _SHAPES:
        for match in pattern.finditer(text):
            counted = quantity or _VERB.get(match["verb"].lower(), Quantity.WOUNDED)
            found.append(_figure(text, match, counted))
    yield from sorted(found, key=lambda figure: figure.char_start)


def _figure(text: str, match: re.Match[str], quantity: Quantity) -> Figure:
    start, end = match.span()
    return Figure(
        start,
        end,
        text[start:end],
        match.start("number"),
        match["number"],
        1,
        None,
        None,
        None,
        False,
        quantity.value,
        match["counted"],
    )
