"""Score drafts against a dataset's own coding: each article drafted as new, its annotation file set aside.

The matching rules are those of docs/DRAFTING.md ("How the draft is scored"):
two spans match when they overlap (``a.start < b.end and b.start < a.end``,
offsets in code points); a match is one-to-many (one candidate may recall
two coded rows that share a sentence).

- figure: the number's span overlaps the coded ``number_text`` inside the
  figure's quote, and value, value_low and value_high are equal;
- actor mention: the span overlaps a coded mention of the same actor (a
  candidate flagged as a likely place is not counted as a mention);
- date: the span overlaps the coded ``as_written`` (of an event mention or a
  figure's as-of date) and start and end are equal;
- attributed claim (attribution other than unattributed): the span overlaps
  the claim's quote, the cue is right (one cue holds the other as whole
  words, case aside: "declined to" for "declined to provide") and the speaker
  is right (the same actor id, or the same speaker as written, case and a
  leading article aside).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from usiraq.draft.actors import Registry
from usiraq.draft.article import Article, Draft, draft_articles
from usiraq.draft.candidates import ActorMention, Candidate, Claim, DateExpression, Figure

KINDS = ("figure", "actor_mention", "date", "claim")


@dataclass
class Tally:
    """Counts for one kind: coded rows found, coded rows, candidates right, candidates."""

    recalled: int = 0
    coded: int = 0
    right: int = 0
    proposed: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of coded rows a candidate matches (1.0 when nothing is coded)."""
        return self.recalled / self.coded if self.coded else 1.0

    @property
    def precision(self) -> float:
        """Share of candidates that match a coded row (1.0 when nothing is proposed)."""
        return self.right / self.proposed if self.proposed else 1.0


@dataclass(frozen=True)
class Gold:
    """One coded row reduced to what is scored: its span and the values compared."""

    start: int
    end: int
    values: dict[str, Any]
    label: str


def gold_rows(root: Path) -> tuple[dict[str, Article], dict[str, dict[str, list[Gold]]]]:
    """The articles of the dataset at ``root`` and, per article and kind, what its coding holds."""
    from usiraq.builders.build import build_tables
    from usiraq.builders.inputs import load_inputs

    inputs = load_inputs(root)
    built = build_tables(inputs)
    articles = {sid: Article(sid, text, inputs.published(sid)) for sid, text in inputs.texts.items()}
    gold: dict[str, dict[str, list[Gold]]] = {sid: {kind: [] for kind in KINDS} for sid in articles}
    for row in built["force_figures"].to_pylist():
        start = row["char_start"] + _word_at(row["quote"], row["number_text"])
        values = {"value": row["value"], "value_low": row["value_low"], "value_high": row["value_high"]}
        gold[row["source_id"]]["figure"].append(Gold(start, start + len(row["number_text"]), values, row["quote"]))
        as_of = (row["as_of_as_written"], row["as_of_start"], row["as_of_end"])
        _date(gold[row["source_id"]]["date"], row["quote"], row["char_start"], *as_of)
    for row in built["actor_mentions"].to_pylist():
        gold[row["source_id"]]["actor_mention"].append(
            Gold(row["char_start"], row["char_end"], {"actor": row["actor_id"]}, row["quote"])
        )
    for row in built["event_mentions"].to_pylist():
        dated = (row["date_as_written"], row["date_start"], row["date_end"])
        _date(gold[row["source_id"]]["date"], row["quote"], row["char_start"], *dated)
    for row in built["claims"].to_pylist():
        if row["attribution_kind"] != "unattributed":
            values = {"cue": row["cue"], "speaker": row["speaker_as_written"], "actor": row["speaker_actor_id"]}
            gold[row["source_id"]]["claim"].append(Gold(row["char_start"], row["char_end"], values, row["quote"]))
    return articles, gold


def _date(found: list[Gold], quote: str, quote_start: int, written: str | None, start: Any, end: Any) -> None:
    if not written or written not in quote:
        return
    begin = quote_start + quote.find(written)
    if not any(item.start == begin and item.end == begin + len(written) for item in found):
        found.append(Gold(begin, begin + len(written), {"start": start, "end": end}, written))


def score(root: Path) -> dict[str, Tally]:
    """Draft every article of the dataset at ``root`` as new and score each kind against its coding."""
    articles, gold = gold_rows(root)
    registry = Registry.load(root)
    tallies = {kind: Tally() for kind in KINDS}
    for draft in draft_articles(articles.values(), registry):
        for kind in KINDS:
            _tally(tallies[kind], _proposed(draft, kind), gold[draft.source_id][kind], _MATCHERS[kind], draft.source_id)
    return tallies


def _proposed(draft: Draft, kind: str) -> list[Candidate]:
    found = draft.of_kind(kind)
    if kind == "actor_mention":
        return [c for c in found if isinstance(c, ActorMention) and c.not_mention_reason is None]
    return found


def _tally(
    tally: Tally, proposed: list[Candidate], coded: list[Gold], matches: Callable[[Any, Gold], bool], sid: str
) -> None:
    tally.coded += len(coded)
    tally.proposed += len(proposed)
    for item in coded:
        if any(matches(candidate, item) for candidate in proposed):
            tally.recalled += 1
        else:
            tally.missed.append(f"{sid}: {item.label!r} {item.values}")
    for candidate in proposed:
        if any(matches(candidate, item) for item in coded):
            tally.right += 1
        else:
            tally.wrong.append(f"{sid}: {candidate.text[:80]!r}")


def _word_at(quote: str, words: str) -> int:
    """Where ``words`` stand as whole words in ``quote`` (the "a" of "a member", not of "death"); -1 if nowhere."""
    found = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", quote)
    return found.start() if found else quote.find(words)


def _overlaps(start: int, end: int, item: Gold) -> bool:
    return start < item.end and item.start < end


def _figure(candidate: Figure, item: Gold) -> bool:
    number_end = candidate.number_start + len(candidate.number_text)
    values = {"value": candidate.value, "value_low": candidate.value_low, "value_high": candidate.value_high}
    return _overlaps(candidate.number_start, number_end, item) and values == item.values


def _mention(candidate: ActorMention, item: Gold) -> bool:
    return _overlaps(candidate.char_start, candidate.char_end, item) and candidate.actor_id == item.values["actor"]


def _date_right(candidate: DateExpression, item: Gold) -> bool:
    same = candidate.start == item.values["start"] and candidate.end == item.values["end"]
    return _overlaps(candidate.char_start, candidate.char_end, item) and same


def _claim(candidate: Claim, item: Gold) -> bool:
    if not _overlaps(candidate.char_start, candidate.char_end, item):
        return False
    return cue_right(candidate.cue, item.values["cue"]) and _speaker_right(candidate, item)


def cue_right(found: str | None, coded: str | None) -> bool:
    """One cue holds the other as whole words, case aside."""
    if not found or not coded:
        return False
    a, b = _words(found), _words(coded)
    return _contains(a, b) or _contains(b, a)


def _speaker_right(candidate: Claim, item: Gold) -> bool:
    if item.values["actor"] is not None and candidate.speaker_actor_id == item.values["actor"]:
        return True
    return _words(candidate.speaker_as_written or "", article=True) == _words(item.values["speaker"] or "", True)


def _words(text: str, article: bool = False) -> tuple[str, ...]:
    words = tuple(re.findall(r"[\w’'.-]+", text.casefold()))
    return words[1:] if article and words and words[0] in ("the", "a", "an") else words


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


_MATCHERS: dict[str, Callable[[Any, Gold], bool]] = {
    "figure": _figure,
    "actor_mention": _mention,
    "date": _date_right,
    "claim": _claim,
}


def report(tallies: dict[str, Tally], details: bool = False) -> Iterable[str]:
    """Lines of a readable report: recall and precision per kind, then (optionally) what was missed."""
    for kind, tally in tallies.items():
        yield (
            f"{kind:<14} recall {tally.recall:.3f} ({tally.recalled}/{tally.coded})  "
            f"precision {tally.precision:.3f} ({tally.right}/{tally.proposed})"
        )
        if details:
            yield from (f"    missed {line}" for line in tally.missed)
            yield from (f"    extra  {line}" for line in tally.wrong)
