"""``figure-values``: a figure's bounds hold, and its value is the number its words write."""

from __future__ import annotations

import re
from collections.abc import Iterator

from usiraq.validation.checks.base import Check, short
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables

_UNIT_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
)
_TEN_WORDS = "thirty forty fifty sixty seventy eighty ninety"
UNITS = {word: value for value, word in enumerate(_UNIT_WORDS.split())}
TENS = {word: 10 * (index + 3) for index, word in enumerate(_TEN_WORDS.split())}
SCALES = {"thousand": 1_000, "million": 1_000_000}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_DECIMAL = re.compile(r"^\d+\.\d+$")


def parse_number(text: str) -> int | None:
    """The integer a number as written stands for, or ``None`` if it is not one.

    Digits with thousands commas ("2,500"), number words ("twenty-five",
    "three hundred", "a dozen"), and digits with a scale ("1.5 million").

    Example:
        >>> parse_number("2,500"), parse_number("Twenty-five"), parse_number("a dozen")
        (2500, 25, 12)

    """
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    if len(words) == 1 and _DIGITS.match(words[0]):
        return int(words[0].replace(",", ""))
    if _DIGITS.match(words[0]) or _DECIMAL.match(words[0]):
        return _scaled(float(words[0].replace(",", "")), words[1:])
    return _words(words)


def _scaled(number: float, scales: list[str]) -> int | None:
    for word in scales:
        if word not in SCALES and word != "hundred":
            return None
        number *= SCALES.get(word, 100)
    return int(number) if number == int(number) else None


def _words(words: list[str]) -> int | None:
    total, current = 0, 0
    if words[0] in ("a", "an"):
        words = ["one", *words[1:]]
    for word in words:
        if word in UNITS or word in TENS:
            current += UNITS.get(word, TENS.get(word, 0))
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in SCALES:
            total, current = total + (current or 1) * SCALES[word], 0
        elif word != "and":
            return None
    return total + current


def figure_errors(value: int | None, low: int | None, high: int | None, text: str | None) -> Iterator[tuple[str, str]]:
    """(field, message) for each way a figure's value disagrees with its bounds or words."""
    if value is None:
        return
    if low is not None and low > value:
        yield "value_low", f"value_low {low} is above value {value}"
    if high is not None and value > high:
        yield "value_high", f"value {value} is above value_high {high}"
    if text is None:
        return
    written = parse_number(text)
    if written is None:
        yield "number_text", f"number_text {short(text)} is not a number this check can read"
    elif written != value:
        yield "value", f"value {value} differs from number_text {short(text)} ({written})"


def run(tables: Tables) -> Iterator[Finding]:
    """Check the bounds and the written number of every force figure, once per distinct combination."""
    query = "SELECT value, value_low, value_high, number_text, list(_row) FROM {force_figures} GROUP BY ALL"
    found = []
    for *figure, rows in tables.query(query):
        found += [(row, field, message) for field, message in figure_errors(*figure) for row in rows]
    for row, field, message in sorted(found, key=lambda item: item[0]):
        yield Finding("force_figures", message, row, field)


CHECK = Check(
    code="figure-values",
    description="value_low <= value <= value_high where set, and value is the number number_text writes.",
    error="value {value} differs from number_text {number_text!r} ({written})",
    tables=("force_figures",),
    run=run,
)
