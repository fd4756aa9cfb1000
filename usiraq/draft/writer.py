"""Write a draft as an annotation file: every entry marked ``suggested: true`` for a coder to review.

The file is in the annotation format (``schema/inputs.py``, checked by
``schema/json/annotation.schema.json``), so a coder accepts an entry by
correcting it and deleting its marker. What the builder finds by itself (the
alias occurrences) is listed in a comment at the end, for review; alias
occurrences that look like places are suggested as ``not_mentions``.
The file is written atomically and never over an existing file unless asked.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from usiraq.builders.quotes import find_all
from usiraq.draft.article import Draft
from usiraq.draft.candidates import ActorMention, Claim, DateExpression, Figure, NewActor, UncodedNumber
from usiraq.draft.text import word_patterns
from usiraq.schema.enums import EventStatus, Topic
from usiraq.schema.generate.jsonschema import input_schema_for, yaml_modeline

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_TOPICS = word_patterns(
    (
        (Topic.ATTACKS, r"attack|strike|drone|rocket|wounded|killed|injured"),
        (Topic.WITHDRAWAL, r"withdraw|drawdown|expel|exit|leave|departure|evacuat"),
        (Topic.TROOP_PRESENCE, r"troops|soldiers|personnel|bases|presence|footprint|deployed|stationed"),
        (Topic.SECURITY_PARTNERSHIP, r"partnership|security relation|security cooperation|bilateral"),
        (Topic.COALITION_MISSION, r"coalition|mission"),
        (Topic.TALKS, r"talks|negotiat|dialogue|meeting|discussion"),
        (Topic.REGIONAL_TENSIONS, r"iran|militia|gaza|israel|hezbollah|hamas|region"),
        (Topic.IRAQI_POLITICS, r"parliament|prime minister|political|election|coalition government"),
    ),
    stems=True,
)


class OutputExistsError(FileExistsError):
    """The draft's output file exists and overwriting was not asked for."""


def topic_of(sentence: str) -> str:
    """A topic guessed from the sentence's words (the first of a fixed order that fits; else US policy)."""
    for topic, pattern in _TOPICS:
        if pattern.search(sentence):
            return topic.value
    return Topic.US_POLICY.value


def annotation(draft: Draft) -> dict[str, Any]:
    """The draft as the data of an annotation file, every entry marked as a suggestion."""
    text, sid = draft.text, draft.source_id
    numbered = _Numbered(sid)
    data: dict[str, Any] = {"source_id": sid}
    data["claims"] = [_claim(text, numbered("claim"), c) for c in draft.candidates if isinstance(c, Claim)]
    data["figures"] = [_figure(text, numbered("figure"), c) for c in draft.candidates if isinstance(c, Figure)]
    data["event_mentions"] = [
        _mention(draft, numbered("event"), c) for c in draft.candidates if isinstance(c, DateExpression)
    ]
    data["not_mentions"] = [
        {"suggested": True, **_selector(text, c.text, c.char_start), "reason": c.not_mention_reason}
        for c in draft.candidates
        if isinstance(c, ActorMention) and c.not_mention_reason
    ]
    data["uncoded_numbers"] = [_uncoded(text, c) for c in draft.candidates if isinstance(c, UncodedNumber)]
    data["new_actors"] = [
        {"suggested": True, **_selector(text, c.text, c.char_start), "name": c.name, "actor_type": c.actor_type}
        for c in draft.candidates
        if isinstance(c, NewActor)
    ]
    return data


class _Numbered:
    """Readable ids: ``<source id>-<kind>-<n>``, numbered per kind in text order."""

    def __init__(self, source_id: str) -> None:
        self.prefix = source_id[:60]
        self.counts: dict[str, int] = {}

    def __call__(self, kind: str) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return f"{self.prefix}-{kind}-{self.counts[kind]}"


def _selector(text: str, quote: str, start: int) -> dict[str, Any]:
    """``quote``, with ``occurrence`` where it is not unique in the text."""
    starts = find_all(text, quote)
    return {"quote": quote} if len(starts) == 1 else {"quote": quote, "occurrence": starts.index(start) + 1}


def _claim(text: str, claim_id: str, claim: Claim) -> dict[str, Any]:
    entry: dict[str, Any] = {"claim_id": claim_id, "suggested": True, **_selector(text, claim.text, claim.char_start)}
    if claim.speaker_actor_id:
        entry["speaker_actor_id"] = claim.speaker_actor_id
    entry |= {"speaker_as_written": claim.speaker_as_written, "attribution_kind": claim.attribution_kind}
    entry |= {"cue": claim.cue, "modality": claim.modality}
    if claim.hedge:
        entry["hedge"] = claim.hedge
    entry |= {"topic": topic_of(claim.text), "content": claim.text}
    return entry


def _figure(text: str, figure_id: str, figure: Figure) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "figure_id": figure_id,
        "suggested": True,
        **_selector(text, figure.text, figure.char_start),
    }
    entry |= {"quantity": figure.counted, "counted_as_written": figure.counted_as_written}
    entry |= {"number_text": figure.number_text, "value": figure.value}
    for key in ("value_low", "value_high", "qualifier"):
        if getattr(figure, key) is not None:
            entry[key] = getattr(figure, key)
    if figure.approximate:
        entry["approximate"] = True
    return entry


def _mention(draft: Draft, event_id: str, date: DateExpression) -> dict[str, Any]:
    sentence = draft.sentences.around(date.char_start)
    quote = draft.text[sentence.start : sentence.end]
    later = draft.published is not None and date.start is not None and date.start > draft.published.end
    future = date.direction == "future" or later
    entry: dict[str, Any] = {"event_id": event_id, "suggested": True, **_selector(draft.text, quote, sentence.start)}
    entry["status"] = (EventStatus.PLANNED if future else EventStatus.OCCURRED).value
    entry["date"] = {"as_written": date.text, **({"direction": "future"} if date.direction == "future" else {})}
    return entry


def _uncoded(text: str, number: UncodedNumber) -> dict[str, Any]:
    """The number and the word after it on its line ("ten years"), as the quote."""
    after = re.match(r"[ \u00a0-]?[^\W\d_]+", text[number.char_end : number.char_end + 30])
    end = number.char_end + (after.end() if after else 0)
    return {"suggested": True, **_selector(text, text[number.char_start : end], number.char_start)} | {
        "reason": number.reason
    }


def render(draft: Draft, article_name: str) -> str:
    """The text of the draft file: the schema line, a header, the entries, and the alias occurrences as comments."""
    lines = [
        yaml_modeline(input_schema_for("annotation")),
        f"# Draft coding of {article_name} by `usiraq draft`: every entry is a suggestion (suggested: true).",
        "# Check each against the article, correct it, then delete its `suggested` key; delete what is wrong.",
        "# Event ids are placeholders: point each mention at an event of registry/events.yaml.",
        "",
    ]
    body = yaml.dump(annotation(draft), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    lines.append(body.rstrip("\n"))
    lines.extend(_alias_comments(draft))
    return "\n".join(lines) + "\n"


def _alias_comments(draft: Draft) -> Iterable[str]:
    mentions = [c for c in draft.candidates if isinstance(c, ActorMention) and not c.not_mention_reason]
    if not mentions:
        return
    yield ""
    yield "# The builder will find these actor mentions itself (registry aliases); add a not_mentions entry"
    yield "# for any that names something else (a place, another coalition):"
    for mention in mentions:
        line = draft.text.count("\n", 0, mention.char_start) + 1
        yield f"#   line {line}, char {mention.char_start}: {mention.text!r} -> {mention.actor_id}"


def write_atomically(path: Path, content: str, force: bool = False) -> None:
    """Write ``content`` to ``path`` as UTF-8 in one step: a temporary file beside it, then renamed.

    Raises:
        OutputExistsError: ``path`` exists and ``force`` is false (nothing is written).

    """
    if path.exists() and not force:
        raise OutputExistsError(str(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        if force:
            Path(temporary).replace(path)
        else:
            os.link(temporary, path)
    except FileExistsError:
        raise OutputExistsError(str(path)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()
