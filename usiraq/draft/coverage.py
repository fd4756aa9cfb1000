"""Audit what the coding of each article still leaves open: a work list with line numbers.

Per article: the share of its sentences that hold at least one claim; the
numbers neither coded nor listed as uncoded (the ``numbers-coded`` check's
own finder and spans); the capitalised names that are neither actor aliases
nor reviewed non-actor names (the builder's own finder); and the date
phrases (the draft's finder, hence the builders' date rules) that no event
mention or figure date covers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from usiraq.builders.errors import display_path
from usiraq.builders.inputs import ARTICLES_DIR, BuildInputs
from usiraq.builders.mentions import unmatched_names
from usiraq.builders.release import Tables
from usiraq.draft.dates import find_dates
from usiraq.draft.text import parse
from usiraq.validation.checks.numbers_coded import Cover, numbers

Span = tuple[int, int]


@dataclass(frozen=True)
class Open:
    """One thing left open in an article: where, and what."""

    line: int
    char: int
    what: str


@dataclass
class Coverage:
    """The audit of one article."""

    source_id: str
    path: str
    sentences: int = 0
    with_claim: int = 0
    numbers: list[Open] = field(default_factory=list)
    names: list[Open] = field(default_factory=list)
    dates: list[Open] = field(default_factory=list)

    @property
    def claim_share(self) -> float:
        """Share of sentences with at least one claim."""
        return self.with_claim / self.sentences if self.sentences else 0.0

    def summary(self) -> str:
        """One line: the share and the counts."""
        return (
            f"{self.source_id}: {self.with_claim}/{self.sentences} sentences with a claim ({self.claim_share:.0%}); "
            f"{len(self.numbers)} number(s) neither coded nor listed uncoded; {len(self.names)} capitalised "
            f"name(s) neither actor nor reviewed; {len(self.dates)} date phrase(s) without an event mention"
        )

    def work_list(self) -> Iterator[str]:
        """One line per open item, ``file:line: what``, in text order."""
        for item in sorted([*self.numbers, *self.names, *self.dates], key=lambda item: item.char):
            yield f"{self.path}:{item.line}: {item.what}"


def coverage(inputs: BuildInputs, built: Tables, only: Iterable[str] | None = None) -> list[Coverage]:
    """The audit of every article (or of those in ``only``), from the inputs and the tables built from them."""
    wanted = list(only) if only is not None else list(inputs.texts)
    texts = [inputs.texts[source_id] for source_id in wanted]
    spans = _spans(inputs, built)
    found = []
    for source_id, sentences in zip(wanted, parse(texts), strict=True):
        text = inputs.texts[source_id]
        path = display_path(inputs.root / ARTICLES_DIR / inputs.source(source_id).file_name)
        result = Coverage(source_id, path, sentences=len(sentences))
        claimed = spans["claims"].get(source_id, [])
        result.with_claim = sum(1 for sentence in sentences if _touches(claimed, sentence.start, sentence.end))
        coded = Cover(spans["numbers"].get(source_id, []))
        for match in numbers(text):
            if not coded.covers(match.start(), match.end()):
                result.numbers.append(_open(text, match.start(), f"number {match[0]!r} neither coded nor uncoded"))
        reviewed = inputs.non_actor_names.model.names
        for name in unmatched_names(source_id, text, inputs.alias_matches[source_id], reviewed):
            for start in name.starts:
                result.names.append(_open(text, start, f"name {name.name!r} neither an actor alias nor reviewed"))
        dated = spans["dates"].get(source_id, [])
        for date in find_dates(text, sentences, inputs.published(source_id)):
            if not _touches(dated, date.char_start, date.char_end):
                result.dates.append(_open(text, date.char_start, f"date {date.text!r} without an event mention"))
        found.append(result)
    return found


def _open(text: str, start: int, what: str) -> Open:
    return Open(text.count("\n", 0, start) + 1, start, f"{what} (char {start})")


def _touches(spans: list[Span], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _spans(inputs: BuildInputs, built: Tables) -> dict[str, dict[str, list[Span]]]:
    """Per article: the claims' spans, the spans whose numbers are accounted for, and the coded date phrases."""
    spans: dict[str, dict[str, list[Span]]] = {"claims": {}, "numbers": {}, "dates": {}}

    def add(kind: str, source_id: str, quote: str, start: int, words: str | None) -> None:
        if words and words in quote:
            begin = start + quote.find(words)
            spans[kind].setdefault(source_id, []).append((begin, begin + len(words)))

    for row in built["claims"].to_pylist():
        spans["claims"].setdefault(row["source_id"], []).append((row["char_start"], row["char_end"]))
    for row in built["force_figures"].to_pylist():
        add("numbers", row["source_id"], row["quote"], row["char_start"], row["number_text"])
        add("dates", row["source_id"], row["quote"], row["char_start"], row["as_of_as_written"])
    for row in built["event_mentions"].to_pylist():
        add("numbers", row["source_id"], row["quote"], row["char_start"], row["date_as_written"])
        add("dates", row["source_id"], row["quote"], row["char_start"], row["date_as_written"])
    for row in built["uncoded_numbers"].to_pylist():
        spans["numbers"].setdefault(row["source_id"], []).append((row["char_start"], row["char_end"]))
    for source_id, text in inputs.texts.items():
        published = inputs.published(source_id)
        if published is not None and published.as_written and published.as_written in text:
            add("numbers", source_id, text, 0, published.as_written)
            add("dates", source_id, text, 0, published.as_written)
    return spans


def audit(root: Path, only: Iterable[str] | None = None) -> list[Coverage]:
    """Load and build the dataset at ``root`` and audit its articles (raises ``BuildError`` if it does not build)."""
    from usiraq.builders.build import build_tables
    from usiraq.builders.inputs import load_inputs

    inputs = load_inputs(root)
    return coverage(inputs, build_tables(inputs), only)
