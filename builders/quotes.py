"""Find the words an annotation quotes in its article, exactly as written.

Offsets count Unicode code points of the article decoded as UTF-8, with no
normalisation of any kind: a no-break space, a curly quote or a dash in the
article must be in the quote too. A quote that is not found is reported with
the closest passage of the article and the invisible differences spelt out.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from usiraq.builders.errors import InputError
from usiraq.schema.inputs import Selector

_MAX_DIFFERENCES = 5
_MAX_CANDIDATES = 50
_CLOSE = 0.6
_NAMES = {
    " ": "a space (U+0020)",
    "\u00a0": "a no-break space (U+00A0)",
    "\n": "a line break (U+000A)",
    "\t": "a tab (U+0009)",
    "'": "a straight apostrophe ' (U+0027)",
    '"': 'a straight double quote " (U+0022)',
    "\u2019": "a curly apostrophe ’ (U+2019)",
    "\u2018": "a left single quotation mark ‘ (U+2018)",
    "\u201c": "a left double quotation mark “ (U+201C)",
    "\u201d": "a right double quotation mark ” (U+201D)",
    "-": "a hyphen - (U+002D)",
    "\u2013": "an en dash – (U+2013)",
    "\u2014": "an em dash — (U+2014)",
    "\u2026": "an ellipsis … (U+2026)",
}


@dataclass(frozen=True)
class Span:
    """Where a quote is in its article: ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str


def resolve(text: str, selector: Selector) -> Span:
    """The span of ``selector.quote`` in ``text``, picked by prefix and/or occurrence where needed.

    A ``prefix`` must be the text just before the quote (whitespace where the
    two meet may differ). With both ``prefix`` and ``occurrence``, the
    occurrence counts among those the prefix fits.

    Raises:
        InputError: the quote is not found (the message shows the closest
            passage), is ambiguous, or the prefix or occurrence picks none.

    """
    quote = selector.quote
    starts = find_all(text, quote)
    if not starts:
        raise InputError(not_found_message(text, quote), ("quote",))
    if selector.prefix is not None:
        starts = _with_prefix(text, quote, starts, selector.prefix)
    if selector.occurrence is not None:
        starts = [_nth(quote, starts, selector.occurrence)]
    if len(starts) > 1:
        raise InputError(_ambiguous_message(quote, starts), ("quote",))
    return Span(starts[0], starts[0] + len(quote), quote)


def find_all(text: str, quote: str) -> list[int]:
    """Every offset where ``quote`` occurs in ``text`` (overlapping occurrences included)."""
    starts = []
    position = text.find(quote)
    while position >= 0:
        starts.append(position)
        position = text.find(quote, position + 1)
    return starts


def _with_prefix(text: str, quote: str, starts: list[int], prefix: str) -> list[int]:
    kept = [start for start in starts if _has_prefix(text, start, prefix)]
    if not kept:
        before = "; ".join(f"char {start}: {text[max(0, start - 30) : start]!r}" for start in starts)
        raise InputError(
            f"prefix {prefix!r} is not just before any of the {len(starts)} occurrence(s) of {quote!r}; "
            f"the text just before them is: {before}",
            ("prefix",),
        )
    return kept


def _has_prefix(text: str, start: int, prefix: str) -> bool:
    before = text[:start]
    stripped = prefix.rstrip()
    return before.endswith(prefix) or (bool(stripped) and before.rstrip().endswith(stripped))


def _nth(quote: str, starts: list[int], occurrence: int) -> int:
    if occurrence > len(starts):
        raise InputError(
            f"occurrence {occurrence} asked for, but {quote!r} occurs only {len(starts)} time(s) "
            f"(at chars {', '.join(map(str, starts))})",
            ("occurrence",),
        )
    return starts[occurrence - 1]


def _ambiguous_message(quote: str, starts: list[int]) -> str:
    return (
        f"{quote!r} occurs {len(starts)} times (at chars {', '.join(map(str, starts))}); "
        f"add `occurrence:` (1 to {len(starts)}) or `prefix:` (the words just before it) to pick one"
    )


def not_found_message(text: str, quote: str) -> str:
    """Say that ``quote`` is not in ``text``, show the closest passage and how it differs."""
    start, end = closest_passage(text, quote)
    passage = text[start:end]
    line = text.count("\n", 0, start) + 1
    if difflib.SequenceMatcher(None, passage, quote, autojunk=False).ratio() < _CLOSE:
        return f"not found in the article, nor anything close to it: {quote!r}"
    differences = describe_differences(passage, quote)
    return (
        f"not found in the article: {quote!r}. Closest passage (char {start}, line {line}): {passage!r}. {differences}"
    )


def closest_passage(text: str, quote: str) -> tuple[int, int]:
    """The (start, end) of the passage of ``text`` most like ``quote``, cut to whole words."""
    if not text:
        return 0, 0
    best, best_score = (0, min(len(text), len(quote))), -1.0
    for start in sorted(_candidate_starts(text, quote)):
        window = (start, min(len(text), start + len(quote)))
        score = difflib.SequenceMatcher(None, text[window[0] : window[1]], quote, autojunk=False).ratio()
        if score > best_score:
            best, best_score = window, score
    start, end = _trim(text, quote, best)
    return _word_start(text, start), _word_end(text, end)


def _candidate_starts(text: str, quote: str) -> set[int]:
    """Where the quote would start if one of its words or matching blocks were in place."""
    starts = set()
    for word in re.finditer(r"\S{3,}", quote):
        for position in find_all(text, word.group())[:_MAX_CANDIDATES]:
            starts.add(max(0, position - word.start()))
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    starts.update(max(0, block.a - block.b) for block in matcher.get_matching_blocks() if block.size)
    return starts


def _trim(text: str, quote: str, window: tuple[int, int]) -> tuple[int, int]:
    """Widen the window by a margin, then cut it to the first and last solid match with the quote."""
    margin = max(10, len(quote) // 4)
    low, high = max(0, window[0] - margin), min(len(text), window[1] + margin)
    matcher = difflib.SequenceMatcher(None, text[low:high], quote, autojunk=False)
    solid = [b for b in matcher.get_matching_blocks() if b.size >= min(3, len(quote))]
    if not solid:
        return window
    first, last = solid[0], solid[-1]
    start = low + max(0, first.a - first.b)
    end = low + last.a + last.size + (len(quote) - last.b - last.size)
    return start, min(end, len(text))


def _word_start(text: str, index: int) -> int:
    while 0 < index < len(text) and text[index - 1].isalnum() and text[index].isalnum():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while 0 < index < len(text) and text[index - 1].isalnum() and text[index].isalnum():
        index += 1
    return index


def describe_differences(passage: str, quote: str) -> str:
    """The differences between the article's ``passage`` and ``quote``, in words."""
    found = []
    for a0, a1, b0, b1 in _differences(passage, quote):
        ours, theirs = passage[a0:a1], quote[b0:b1]
        if ours and theirs:
            found.append(f"the article has {_describe(ours)} where the quote has {_describe(theirs)}")
        elif ours:
            found.append(f"the article has {_describe(ours)} that the quote lacks")
        else:
            found.append(f"the quote has {_describe(theirs)} that the article lacks")
    if not found:
        return "They differ only at the edges."
    shown = found[:_MAX_DIFFERENCES]
    more = f"; and {len(found) - len(shown)} more difference(s)" if len(found) > len(shown) else ""
    text = "; ".join(shown) + more
    return text[0].upper() + text[1:] + "."


def _differences(passage: str, quote: str) -> list[tuple[int, int, int, int]]:
    """Differing stretches (a0, a1, b0, b1); a change inside a word is widened to the whole word."""
    matcher = difflib.SequenceMatcher(None, passage, quote, autojunk=False)
    merged: list[tuple[int, int, int, int]] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if _is_wordy(passage[a0:a1]) and _is_wordy(quote[b0:b1]):
            a0, a1 = _word_start(passage, a0), _word_end(passage, a1)
            b0, b1 = _word_start(quote, b0), _word_end(quote, b1)
        if merged and (a0 < merged[-1][1] or b0 < merged[-1][3]):
            last = merged.pop()
            a0, a1, b0, b1 = min(a0, last[0]), max(a1, last[1]), min(b0, last[2]), max(b1, last[3])
        merged.append((a0, a1, b0, b1))
    return merged


def _is_wordy(part: str) -> bool:
    return all(char.isalnum() for char in part)


def _describe(part: str) -> str:
    """A short stretch by the names of its characters, a longer one quoted."""
    if len(part) <= 3 and not all(char.isascii() and char.isalnum() for char in part):
        return " then ".join(_char_name(char) for char in part)
    return repr(part)


def _char_name(char: str) -> str:
    if char in _NAMES:
        return _NAMES[char]
    if char.isascii() and char.isprintable():
        return repr(char)
    return f"{char!r} (U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')})"
