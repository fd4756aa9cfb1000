"""Number candidates: figures about forces, and every other number as uncoded with a reason.

Numbers are found and read exactly as validation finds and reads them
(:func:`usiraq.validation.checks.numbers_coded.numbers` and
:func:`usiraq.validation.checks.figure_values.parse_number`), so a drafted
figure's value is the one the ``figure-values`` check expects, and a number
the draft misses is one the ``numbers-coded`` check would report. Adjacent
number words make one number ("three hundred and fifty", "Twenty-five").

A number is a figure when what it counts is a force word (docs/DRAFTING.md
lists them) within the next few words; when a casualty verb follows the
counted people ("three service-members were wounded"), or after any one or
two words ("three people were killed"), the figure counts the wounded or
killed; a bare number right after a figure of its sentence and
before a place or a severity ("about 900 in Syria", "one critically", "four of them
seriously") counts
what that figure counts; "N times" in a sentence about attacks counts
attacks. Bounds and hedges follow the coding rules: "about 2,500" is
approximate, "more than 120" a lower bound, "up to 300" an upper bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from usiraq.draft.candidates import Figure, UncodedNumber
from usiraq.draft.text import Sentences
from usiraq.schema.enums import Quantity, UncodedReason
from usiraq.validation.checks.figure_values import parse_number
from usiraq.validation.checks.numbers_coded import numbers

_NOUNS: dict[str, Quantity] = {
    **dict.fromkeys(
        [
            "troops",
            "troop",
            "soldiers",
            "soldier",
            "personnel",
            "advisers",
            "adviser",
            "advisors",
            "advisor",
            "forces",
            "servicemembers",
            "service-members",
            "service-member",
            "servicemen",
            "marines",
            "sailors",
            "airmen",
            "trainers",
            "instructors",
            "contractors",
        ],
        Quantity.PERSONNEL,
    ),
    **dict.fromkeys(["bases", "base", "installations", "outposts", "garrisons", "camps"], Quantity.BASES),
    **dict.fromkeys(
        [
            "attacks",
            "attack",
            "strikes",
            "strike",
            "airstrikes",
            "airstrike",
            "drones",
            "drone",
            "rockets",
            "rocket",
            "missiles",
            "missile",
            "mortars",
            "launches",
        ],
        Quantity.ATTACKS,
    ),
    **dict.fromkeys(["wounded", "injured"], Quantity.WOUNDED),
    **dict.fromkeys(["killed", "dead", "deaths"], Quantity.KILLED),
}
_VERBS = {"wounded": Quantity.WOUNDED, "injured": Quantity.WOUNDED, "killed": Quantity.KILLED, "died": Quantity.KILLED}
_PLACE_END = frozenset(["as", "and", "but", "while", "which", "who", "where", "for", "since", "to", "with"])
_BE_PASSIVE = frozenset({"were", "was"})
_SEVERE = {"critically", "seriously", "severely", "gravely"}
_STOP = frozenset(
    [
        "in",
        "at",
        "on",
        "of",
        "and",
        "or",
        "to",
        "from",
        "for",
        "with",
        "by",
        "near",
        "than",
        "that",
        "which",
        "who",
        "were",
        "was",
        "are",
        "is",
        "have",
        "has",
        "had",
        "as",
        "since",
        "over",
        "under",
        "between",
        "among",
        "into",
        "across",
        "per",
        "a",
        "an",
        "the",
    ]
)
_ATTACK_WORDS = re.compile(r"\b(?:attack\w*|strik\w*|struck|target\w*|launch\w*|fired|rockets?|drones?|shell\w*)\b")
_APPROXIMATE = r"about|approximately|roughly|around|nearly|almost|some|an estimated|estimated|close to"
_LOWER = r"more than|over|at least|upwards of|in excess of"
_UPPER = r"fewer than|less than|under|up to|at most|no more than|as many as"
_QUALIFIER = re.compile(rf"\b(?P<q>(?P<a>{_APPROXIMATE})|(?P<l>{_LOWER})|(?P<u>{_UPPER}))[ \u00a0]+$", re.I)
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[\w’'-]+|[^\w\s]")
_JOIN = re.compile(r"[ \u00a0-]+(?:and[ \u00a0]+)?")
_ORDINAL = re.compile(r"(?i)first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)")
_UNIT = re.compile(r"(?i)(?:-|[ \u00a0]+)(?:years?|months?|weeks?|days?|hours?|decades?|minutes?|centur(?:y|ies))\b")
_ADDRESS = re.compile(r"://|www\.|/|@|\.(?:jpe?g|png|gif|webp|html?|php|pdf)\b", re.I)
_DATELINE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}[h:]\d{2}\b")
_SHORT_LINE = 8


@dataclass(frozen=True)
class Written:
    """A number as written: its span, its words and the integer they stand for (None if not one)."""

    start: int
    end: int
    text: str
    value: int | None


def written_numbers(text: str, skip: list[tuple[int, int]]) -> Iterator[Written]:
    """Every number of ``text`` outside the ``skip`` spans (dates), adjacent number words joined."""
    pending: list[re.Match[str]] = []
    for match in numbers(text):
        if any(start <= match.start() < end for start, end in skip):
            continue
        if pending and _JOIN.fullmatch(text, pending[-1].end(), match.start()) and not match[0][0].isdigit():
            pending.append(match)
            continue
        if pending:
            yield _written(text, pending)
        pending = [match]
    if pending:
        yield _written(text, pending)


def _written(text: str, matches: list[re.Match[str]]) -> Written:
    start, end = matches[0].start(), matches[-1].end()
    if text[max(0, start - 2) : start].lower() == "a " and matches[0][0].lower() in ("dozen", "hundred", "thousand"):
        start -= 2
    words = text[start:end]
    return Written(start, end, words, parse_number(words))


def classify(text: str, sentences: Sentences, skip: list[tuple[int, int]]) -> list[Figure | UncodedNumber]:
    """A figure or an uncoded number for every number of ``text`` outside the ``skip`` spans."""
    found: list[Figure | UncodedNumber] = []
    for number in written_numbers(text, skip):
        sentence = sentences.around(number.start)
        previous = next((f for f in reversed(found) if isinstance(f, Figure) and f.char_start >= sentence.start), None)
        figure = _figure(text, number, sentence.end, previous) if number.value is not None else None
        found.append(figure or UncodedNumber(number.start, number.end, number.text, _reason(text, number).value))
    return found


def _figure(text: str, number: Written, stop: int, previous: Figure | None) -> Figure | None:
    words = [(m.start(), m.end(), m[0]) for m in _WORD.finditer(text, number.end, stop)][:8]
    counted = _counted(text, words, number, stop, previous)
    if counted is None:
        return None
    quantity, counted_as_written, end, start = counted
    qualifier = _QUALIFIER.search(text, max(0, number.start - 24), number.start)
    if qualifier and qualifier["q"].lower() in ("over", "under") and not number.text[0].isdigit():
        qualifier = None
    start = min(start, qualifier.start() if qualifier else number.start)
    value = number.value or 0
    return Figure(
        start,
        end,
        text[start:end],
        number.start,
        number.text,
        value,
        value if qualifier and qualifier["l"] else None,
        value if qualifier and qualifier["u"] else None,
        qualifier["q"] if qualifier else None,
        bool(qualifier and qualifier["a"]),
        quantity.value,
        counted_as_written,
    )


Counted = tuple[Quantity, str, int, int]
"""(quantity, counted as written, end of the figure's words, start of its words)."""


def _counted(
    text: str, words: list[tuple[int, int, str]], number: Written, stop: int, previous: Figure | None
) -> Counted | None:
    for index, (_start, end, word) in enumerate(words[:4]):
        lower = word.lower()
        if lower == "service" and index + 1 < len(words) and words[index + 1][2].lower() in ("members", "member"):
            return _casualty(text, words, index + 1, Quantity.PERSONNEL, text[words[0][0] : words[index + 1][1]])
        if lower in _NOUNS:
            noun_start = words[0][0]
            return _casualty(text, words, index, _NOUNS[lower], text[noun_start:end])
        if lower == "times" and index == 0 and _ATTACK_WORDS.search(text, max(0, number.start - 200), stop):
            return Quantity.ATTACKS, word, end, number.start
        if lower in _BE_PASSIVE and index in (1, 2) and _next_is_casualty(words, index):
            counted = text[words[0][0] : words[index - 1][1]]
            return _VERBS[words[index + 1][2].lower()], counted, words[index + 1][1], words[0][0]
        if lower in _STOP or not word[0].isalnum():
            break
    return _elliptic(text, words, number, previous)


def _next_is_casualty(words: list[tuple[int, int, str]], index: int) -> bool:
    """Whether the word after ``index`` is "wounded", "injured", "killed" or "died" ("people were killed")."""
    return index + 1 < len(words) and words[index + 1][2].lower() in _VERBS


def _casualty(text: str, words: list[tuple[int, int, str]], index: int, quantity: Quantity, counted: str) -> Counted:
    """People counted, then "were wounded" (or killed) within three words: the wounded (or killed)."""
    end = words[index][1]
    if quantity == Quantity.PERSONNEL:
        for _, verb_end, word in words[index + 1 : index + 4]:
            if word.lower() in _VERBS:
                return _VERBS[word.lower()], counted, verb_end, words[0][0]
    return quantity, counted, end, words[0][0]


def _elliptic(text: str, words: list[tuple[int, int, str]], number: Written, previous: Figure | None) -> Counted | None:
    """A bare number after a figure of its sentence, followed by a place or a severity: counts the same."""
    if previous is None or not words:
        return None
    first = words[0][2].lower()
    if previous.counted == Quantity.WOUNDED.value:
        severity = words[2] if [w.lower() for _, _, w in words[:2]] == ["of", "them"] and len(words) > 2 else words[0]
        if severity[2].lower() in _SEVERE:
            return Quantity.CRITICALLY_WOUNDED, previous.counted_as_written, severity[1], previous.char_start
    if first in ("in", "at", "near", "across") and len(words) > 1:
        place_end = words[1][1]
        for _start, end, word in words[2:]:
            if not word[0].isalnum() or word.lower() in _PLACE_END:
                break
            place_end = end
        return Quantity.of(previous.counted), previous.counted_as_written, place_end, previous.char_start
    return None


def _reason(text: str, number: Written) -> UncodedReason:
    line_start = text.rfind("\n", 0, number.start) + 1
    line_end = text.find("\n", number.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    token_start = max(text.rfind(" ", 0, number.start), text.rfind("\n", 0, number.start)) + 1
    token = text[token_start : number.end + 40].split(maxsplit=1)[0] if text[token_start:].strip() else ""
    short_line = len(line.split()) < _SHORT_LINE and line.rstrip()[-1:] not in '.!?”"'
    if short_line and _DATELINE.search(token):
        return UncodedReason.PUBLICATION_DATE
    if _ADDRESS.search(token):
        return UncodedReason.URL_OR_FILE_NAME
    if short_line:
        return UncodedReason.PUBLICATION_DATE if _DATELINE.search(line) else UncodedReason.BOILERPLATE
    if _ORDINAL.fullmatch(number.text):
        return UncodedReason.ORDINAL
    if _UNIT.match(text, number.end):
        return UncodedReason.DURATION
    return UncodedReason.NOT_ABOUT_FORCES
