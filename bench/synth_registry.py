"""The registry of a synthetic corpus: actors, events and propositions, growing with the corpus.

Sizes for ``n`` articles: ``6 + 2 n^0.75`` people (new names turn up ever more
rarely as a corpus grows, as in Heaps' law; at most the 4,440 distinct
surnames the name parts make, reached near 30,000 articles), ``6 + n // 3`` events and
``6 + n // 5`` propositions. Every event has a home article, published on the
day of the event or up to six days later, which dates it by weekday; every
person and every base alias has a home article that names them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from dataclasses import dataclass
from functools import cached_property

import synth_vocab as vocab

FIRST_DAY = dt.date(2024, 1, 8)
SPAN_DAYS = 350


@dataclass(frozen=True)
class Person:
    """A generated person: full name, short form (surname), title and the body they belong to."""

    id: str
    name: str
    short: str
    title: str
    country: str
    parent: str


@dataclass(frozen=True)
class Event:
    """A generated event, with the actors its sentences name and the day it happened."""

    id: str
    type: str
    place: str
    day: dt.date
    home: int
    actors: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Proposition:
    """A statement claims bear on."""

    id: str
    statement: str
    topic: str


@dataclass(frozen=True)
class Registry:
    """Everything cross-article a corpus of ``articles`` articles needs."""

    articles: int
    persons: tuple[Person, ...]
    events: tuple[Event, ...]
    propositions: tuple[Proposition, ...]

    def published(self, number: int) -> dt.date:
        """The publication day of article ``number`` (articles are in date order)."""
        return published_day(number, self.articles)

    @cached_property
    def _persons_by_id(self) -> dict[str, Person]:
        return {person.id: person for person in self.persons}

    @cached_property
    def _by_topic(self) -> dict[str, list[Proposition]]:
        found: dict[str, list[Proposition]] = {}
        for proposition in self.propositions:
            found.setdefault(proposition.topic, []).append(proposition)
        return found

    def person(self, actor_id: str) -> Person | None:
        """The generated person with this id, or ``None`` for a base actor."""
        return self._persons_by_id.get(actor_id)

    def on_topic(self, topic: str) -> list[Proposition]:
        """The propositions about ``topic``."""
        return self._by_topic.get(topic, [])

    def past_events(self, number: int) -> int:
        """How many events (the first ones) happened on or before article ``number`` was published."""
        count = len(self.events)
        return min(count, ((number + 1) * count - 1) // self.articles + 1)


def published_day(number: int, articles: int) -> dt.date:
    """Articles are spread evenly over ``SPAN_DAYS`` days from ``FIRST_DAY``."""
    return FIRST_DAY + dt.timedelta(days=number * SPAN_DAYS // max(articles, 1))


def slug(text: str) -> str:
    """A readable identifier: lower case words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_registry(articles: int, seed: int) -> Registry:
    """The registry of a corpus of ``articles`` articles, the same for the same seed."""
    rng = random.Random(f"registry:{seed}")
    persons = _persons(6 + round(2 * articles**0.75), rng)
    return Registry(
        articles=articles,
        persons=persons,
        events=_events(6 + articles // 3, articles, persons, rng),
        propositions=_propositions(6 + articles // 5, rng),
    )


def _surnames(rng: random.Random) -> list[tuple[str, str]]:
    """Every (surname as written in a full name, short form), in a seeded order."""
    arabic = [("al-" + "".join(parts), "".join(parts)) for parts in itertools.product(*vocab.ARABIC_SURNAME)]
    english = [("".join(parts),) * 2 for parts in itertools.product(*vocab.ENGLISH_SURNAME)]
    names = arabic + english
    rng.shuffle(names)
    return names


def _persons(count: int, rng: random.Random) -> tuple[Person, ...]:
    persons = []
    for written, short in _surnames(rng)[:count]:
        country = rng.choice(("USA", "IRQ"))
        parent = rng.choice(vocab.US_PARENTS if country == "USA" else vocab.IRAQ_PARENTS)
        name = f"{rng.choice(vocab.FIRST_NAMES)} {written}"
        persons.append(Person(slug(name), name, short, rng.choice(vocab.TITLES[parent]), country, parent))
    return tuple(persons)


def _events(count: int, articles: int, persons: tuple[Person, ...], rng: random.Random) -> tuple[Event, ...]:
    events = []
    types = list(vocab.EVENT_TYPES)
    sides = (
        [person.id for person in persons if person.country == "USA"] + ["us-government", "us-department-of-defense"],
        [person.id for person in persons if person.country == "IRQ"] + ["government-of-iraq"],
    )
    for number in range(count):
        home = number * articles // count
        day = published_day(home, articles) - dt.timedelta(days=rng.randrange(7))
        kind = rng.choice(types)
        places = vocab.ATTACK_PLACES if kind in ("attack", "airstrike", "withdrawal") else vocab.MEETING_PLACES
        place = rng.choice(places)
        event_id = f"{kind}-{slug(place)}-{day.isoformat()}-{number}"
        events.append(Event(event_id, kind, place, day, home, _event_actors(kind, sides, rng)))
    return tuple(events)


def _event_actors(kind: str, sides: tuple[list[str], list[str]], rng: random.Random) -> tuple[tuple[str, str], ...]:
    """(actor id, role) of the actors the event's sentence names, in the order it names them."""
    first, second = vocab.EVENT_ROLES[kind]
    if kind == "attack":
        return (("kataib-hezbollah", first), ("us-armed-forces", second))
    if kind == "airstrike":
        return (("us-armed-forces", first), ("kataib-hezbollah", second))
    if kind == "withdrawal":
        return ((rng.choice(("us-armed-forces", "us-led-coalition")), first), ("iraq", second))
    return ((rng.choice(sides[0]), first), (rng.choice(sides[1]), second))


def _propositions(count: int, rng: random.Random) -> tuple[Proposition, ...]:
    topics = list(vocab.PROPOSITIONS)
    found = []
    for number in range(count):
        topic = topics[number % len(topics)]
        template = rng.choice(vocab.PROPOSITIONS[topic])
        season = rng.choice(("spring", "summer", "autumn", "winter"))
        statement = template.format(n=rng.choice(vocab.TROOP_VALUES), season=season, year=rng.choice((2024, 2025)))
        found.append(Proposition(f"{slug(statement)[:60].strip('-')}-{number}", statement, topic))
    return tuple(found)
