"""Tokens and sentences of an article, from spaCy's blank English pipeline (no model needed).

The pipeline is made once per process. Sentences come from spaCy's
sentencizer, and never run across a line break: a headline, a dateline or a
caption is a sentence of its own.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


Key = TypeVar("Key")


class MissingSpacy(RuntimeError):
    """spaCy, which drafting needs, is not installed."""


def word_patterns(table: Iterable[tuple[Key, str]], *, stems: bool = False) -> tuple[tuple[Key, re.Pattern[str]], ...]:
    """Each key with its alternatives (``"plans to|will"``) as one case-blind pattern, in the table's order.

    An alternative matches from the start of a word to the end of one, or,
    with ``stems``, from the start of a word on ("withdraw" in "withdrawal").
    """
    end = "" if stems else r"\b"
    return tuple((key, re.compile(rf"\b(?:{words}){end}", re.IGNORECASE)) for key, words in table)


@cache
def pipeline() -> Language:
    """The blank English pipeline of spaCy with the sentencizer and a line-break rule, made once.

    Raises:
        MissingSpacy: spaCy is not installed (it comes with ``pip install 'usiraq[draft]'``).

    """
    try:
        import spacy
        from spacy.language import Language
    except ModuleNotFoundError:
        raise MissingSpacy("drafting needs spaCy: pip install 'usiraq[draft]'") from None

    if "usiraq_line_breaks" not in Language.factories:
        Language.component("usiraq_line_breaks", func=_line_breaks)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("usiraq_line_breaks")
    return nlp


_ABBREVIATIONS = frozenset(
    [
        "maj",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "brig",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "sen",
        "rep",
        "gov",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
    ]
)


_OPENING = frozenset({'"', "“", "‘"})


def _line_breaks(doc: Doc) -> Doc:
    """Sentences start after a line break and at an opening quotation mark, never after "Maj." or "Jan.".

    Only the tokens that matter are visited (those after a line break, and
    those the sentencizer starts a sentence with), and the sentence starts are
    written back in one array (setting ``is_sent_start`` token by token
    rescans the document each time).
    """
    from spacy.attrs import IDX, SENT_START

    if len(doc) < 2:
        return doc
    text = doc.text
    arrays = doc.to_array([IDX, SENT_START]).astype("int64")
    starts = arrays[:, 1].copy()
    position = text.find("\n")
    while position >= 0:
        index = int(arrays[:, 0].searchsorted(position, side="right"))
        if 0 < index < len(doc):
            starts[index] = 1
        position = text.find("\n", position + 1)
    for index in (starts == 1).nonzero()[0].tolist():
        if index == 0 or "\n" in doc[index - 1].text:
            continue
        before = doc[index - 1]
        if _after_abbreviation(doc, before):
            starts[index] = -1
        elif before.text in _OPENING and index > 1 and doc[index - 2].whitespace_:
            starts[index - 1], starts[index] = 1, -1
    # thinc types the array as its own Ints2d, which a numpy array is at run time but not to mypy
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc


def _after_abbreviation(doc: Doc, token: Token) -> bool:
    """Whether ``token`` is the dot of an abbreviation, or an abbreviation with its dot ("Gen.", "J.")."""
    word = token.text
    if word == "." and token.i > 0 and not doc[token.i - 1].whitespace_:
        word = doc[token.i - 1].text + "."
    return word.endswith(".") and is_abbreviation(word[:-1])


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` (without its dot) is a title, month or initial that a dot does not end a sentence after."""
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``text[start:end]``, without surrounding white space."""

    start: int
    end: int


class Sentences:
    """The sentences of one article, and which sentence holds a given offset."""

    def __init__(self, text: str, doc: Doc) -> None:
        self.text = text
        self.doc = doc
        self.items = [sentence for sentence in _sentences(text, doc) if sentence.end > sentence.start]
        self._starts = [sentence.start for sentence in self.items]

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def index(self, offset: int) -> int:
        """The index of the sentence holding ``offset`` (the one before it, if it falls between two)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def around(self, offset: int) -> Sentence:
        """The sentence holding ``offset``."""
        return self.items[self.index(offset)]


def _sentences(text: str, doc: Doc) -> Iterator[Sentence]:
    """The sentences' character spans, read from the token arrays (cheaper than ``doc.sents``)."""
    from spacy.attrs import IDX, SENT_START

    if not len(doc):
        return
    arrays = doc.to_array([IDX, SENT_START]).astype("int64")
    offsets = arrays[:, 0].tolist()
    firsts = (arrays[:, 1] == 1).nonzero()[0].tolist()
    if not firsts or firsts[0] != 0:
        firsts.insert(0, 0)
    bounds = [offsets[index] for index in firsts] + [len(text)]
    for start, end in itertools.pairwise(bounds):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        yield Sentence(start, end)


def parse(texts: Iterable[str]) -> Iterator[Sentences]:
    """The sentences of each text, in order, through one pipeline run in batches."""
    texts = list(texts)
    for text, doc in zip(texts, pipeline().pipe(texts, batch_size=256), strict=True):
        yield Sentences(text, doc)
