"""Compose one synthetic article: its text, and its coding with the offsets of every quote.

An article is built from sentences (synth_sentences.py) that each carry their
own annotation entries with offsets inside the sentence; laying the sentences
out gives the text and the entries' offsets in it. Entries keep their spans
(for writing a release directly) and become quote selectors for the YAML.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

import synth_sentences as sentences
import synth_vocab as vocab
from synth_registry import Registry
from synth_sentences import Entry, Sentence

KINDS = ("claims", "figures", "event_mentions", "not_mentions", "uncoded_numbers", "flags")


@dataclass
class Article:
    """One article: its text, what sources.yaml says about it, and its entries by kind, with spans."""

    number: int
    id: str
    published: dt.date
    outlet: str
    headline: str
    text: str = ""
    entries: dict[str, list[Entry]] = field(default_factory=lambda: {kind: [] for kind in KINDS})


def source_id(number: int, seed: int) -> str:
    """The article's id: its number and a seeded hexadecimal tag, as in the real corpus."""
    return f"{number:05d}_{random.Random(f'id:{seed}:{number}').getrandbits(64):016x}"


def compose(number: int, registry: Registry, seed: int) -> Article:
    """Article ``number`` of a corpus with this registry, the same for the same seed."""
    rng = random.Random(f"article:{seed}:{number}")
    article = Article(
        number=number,
        id=source_id(number, seed),
        published=registry.published(number),
        outlet=rng.choice(vocab.OUTLETS),
        headline=rng.choice(vocab.HEADLINES),
    )
    writer = sentences.Writer(rng, registry, number, f"{number:05d}")
    body = _interleave(writer.groups(), rng)
    paragraphs = [*_paragraphs(body, rng), [sentences.image_line(rng, f"{number:05d}")]]
    _lay_out(article, paragraphs)
    _add_flags(article, rng, seed)
    return article


def _interleave(groups: list[list[Sentence]], rng: random.Random) -> list[Sentence]:
    """The sentences of every group in one list, each group's order kept, the groups mixed at random."""
    queues = [list(group) for group in groups if group]
    merged = []
    while queues:
        queue = rng.choice(queues)
        merged.append(queue.pop(0))
        if not queue:
            queues.remove(queue)
    return merged


def _paragraphs(body: list[Sentence], rng: random.Random) -> list[list[Sentence]]:
    """The sentences cut into paragraphs of one to three."""
    paragraphs, start = [], 0
    while start < len(body):
        size = rng.choice((1, 2, 2, 3))
        paragraphs.append(body[start : start + size])
        start += size
    return paragraphs


def _lay_out(article: Article, paragraphs: list[list[Sentence]]) -> None:
    """Write the text (headline, dateline, one line per paragraph) and place every entry in it."""
    parts = [article.headline, "\n", f"Published {article.published.isoformat()} by {article.outlet}", "\n"]
    offset = sum(len(part) for part in parts)
    for paragraph in paragraphs:
        for index, sentence in enumerate(paragraph):
            if index:
                parts.append(" ")
                offset += 1
            for kind, entry in sentence.entries:
                article.entries[kind].append(entry.shifted(offset))
            parts.append(sentence.text)
            offset += len(sentence.text)
        parts.append("\n")
        offset += 1
    article.text = "".join(parts)


def _add_flags(article: Article, rng: random.Random, seed: int) -> None:
    """Some articles read as machine-spun, some retell an earlier article of the corpus."""
    prefix = f"{article.number:05d}"
    flags, claims = article.entries["flags"], article.entries["claims"]
    if claims and rng.random() < 0.3:
        spun = rng.choice(claims)
        flag = {"flag_id": f"{prefix}-spun-text", "flag": "spun_text"}
        flags.append(Entry(spun.start, spun.end, flag).described("Near-synonyms swapped into fixed phrases."))
    if article.number > 0 and claims and rng.random() < 0.05:
        related = source_id(rng.randrange(article.number), seed)
        flag = {"flag_id": f"{prefix}-shares-story", "flag": "shares_story_with_source", "related_source_id": related}
        description = "The article retells the same story as an earlier one, sentence by sentence."
        flags.append(Entry(claims[0].start, claims[0].end, flag).described(description))


def selector(text: str, start: int, end: int) -> dict[str, Any]:
    """The W3C-style selector of ``text[start:end]``: the quote, and which occurrence if it repeats."""
    quote = text[start:end]
    found = []
    position = text.find(quote)
    while position >= 0:
        found.append(position)
        position = text.find(quote, position + 1)
    return {"quote": quote} if len(found) == 1 else {"quote": quote, "occurrence": found.index(start) + 1}


def annotation(article: Article) -> dict[str, Any]:
    """The article's annotation file, as YAML data."""
    data: dict[str, Any] = {"source_id": article.id}
    for kind in KINDS[:-1]:
        data[kind] = [_entry(article.text, entry) for entry in article.entries[kind]]
    return data


ID_FIELDS = ("claim_id", "figure_id", "flag_id", "event_id")
"""The keys written first in an entry, before its quote."""


def _entry(text: str, entry: Entry) -> dict[str, Any]:
    fields = dict(entry.fields)
    first = {key: fields.pop(key) for key in ID_FIELDS if key in fields}
    return {**first, **selector(text, entry.start, entry.end), **fields}


def source_entry(article: Article, sha256: str) -> dict[str, Any]:
    """The article's entry in sources.yaml."""
    day = article.published.isoformat()
    return {
        "source_id": article.id,
        "file_name": f"{article.id}.txt",
        "sha256": sha256,
        "outlet": article.outlet,
        "headline": article.headline,
        "published": {"as_written": day, "start": day, "end": day, "precision": "day", "basis": "stated"},
        "flags": [_entry(article.text, entry) for entry in article.entries["flags"]],
    }
