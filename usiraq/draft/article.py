"""Draft one article, or many: every candidate of every kind, in text order.

Example:
    >>> import datetime as dt
    >>> from usiraq.draft.article import day_published
    >>> day_published(dt.date(2024, 1, 9)).precision.value
    'day'

"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from usiraq.draft.actors import Registry, actor_mentions, new_actors
from usiraq.draft.candidates import Candidate
from usiraq.draft.claims import find_claims
from usiraq.draft.dates import find_dates
from usiraq.draft.implied import implied_figures
from usiraq.draft.numbers import classify
from usiraq.draft.text import Sentences, parse
from usiraq.schema.enums import DateBasis, DatePrecision
from usiraq.schema.inputs import PublishedEntry


@dataclass(frozen=True)
class Draft:
    """The candidates of one article, with its text and sentences."""

    source_id: str
    text: str
    published: PublishedEntry | None
    sentences: Sentences
    candidates: list[Candidate]

    def of_kind(self, kind: str) -> list[Candidate]:
        """The candidates of one kind ('figure', 'claim', ...)."""
        return [candidate for candidate in self.candidates if kind == candidate.KIND]


@dataclass(frozen=True)
class Article:
    """An article to draft: its id, its text and its publication date."""

    source_id: str
    text: str
    published: PublishedEntry | None


def day_published(day: dt.date) -> PublishedEntry:
    """A publication date known to the day, as ``--published`` gives it."""
    return PublishedEntry(start=day, end=day, precision=DatePrecision.DAY, basis=DateBasis.STATED)


def draft_articles(articles: Iterable[Article], registry: Registry) -> Iterator[Draft]:
    """Draft each article in turn (spaCy runs over them in batches)."""
    articles = list(articles)
    for article, sentences in zip(articles, parse(article.text for article in articles), strict=True):
        yield _draft(article, sentences, registry)


def draft_article(article: Article, registry: Registry) -> Draft:
    """Draft one article."""
    return next(draft_articles([article], registry))


def _draft(article: Article, sentences: Sentences, registry: Registry) -> Draft:
    text = article.text
    matches = registry.matcher.find(text)
    dates = find_dates(text, sentences, article.published)
    candidates: list[Candidate] = [
        *actor_mentions(text, matches, registry),
        *new_actors(article.source_id, text, matches, registry),
        *dates,
        *classify(text, sentences, [(date.char_start, date.char_end) for date in dates]),
        *implied_figures(text),
        *find_claims(sentences, matches, registry),
    ]
    candidates.sort(key=lambda candidate: (candidate.char_start, candidate.char_end, candidate.KIND))
    return Draft(article.source_id, text, article.published, sentences, candidates)
