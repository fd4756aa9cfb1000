"""The sentences of a synthetic article, each with the annotation entries it carries.

A :class:`Writer` makes the groups of sentences of one article: claims by
people (full name, then surname), by bodies, by unnamed officials and in the
article's own voice; figures; event mentions dated as the home article or a
later one would date them; one passage of uncoded numbers; one name that does
not name its actor. Entries hold offsets inside their sentence.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

import synth_vocab as vocab
from synth_registry import Event, Person, Registry, slug

EVENT_TOPICS = {
    "talks": "talks",
    "agreement": "security_partnership",
    "announcement": "coalition_mission",
    "statement": "us_policy",
    "review": "coalition_mission",
    "attack": "attacks",
    "airstrike": "attacks",
    "withdrawal": "withdrawal",
}
STANCES = ("supports", "supports", "supports", "contradicts", "qualifies")
ALIASES = [(actor, alias) for actor in vocab.BASE_ACTORS for alias in actor.aliases]
SPEAKING_BODIES = [pair for pair in ALIASES if pair[0].type not in ("state",)]
FIGURE_VOICES = ("us-department-of-defense", "us-central-command", "us-armed-forces", "government-of-iraq")


@dataclass(frozen=True)
class Entry:
    """An annotation entry (claim, figure, mention, ...) and the offsets of its quote."""

    start: int
    end: int
    fields: dict[str, Any]

    def shifted(self, by: int) -> Entry:
        """The entry with its offsets moved by ``by``."""
        return Entry(self.start + by, self.end + by, self.fields)

    def described(self, description: str) -> Entry:
        """The entry with a ``description`` field."""
        return Entry(self.start, self.end, {**self.fields, "description": description})


@dataclass
class Sentence:
    """A sentence and the entries it carries, as (kind, entry) with offsets inside the sentence."""

    text: str
    entries: list[tuple[str, Entry]] = field(default_factory=list)

    def add(self, kind: str, part: str, fields: dict[str, Any], after: int = 0) -> Sentence:
        """Add an entry whose quote is ``part``, found in the sentence from offset ``after``."""
        start = self.text.index(part, after)
        self.entries.append((kind, Entry(start, start + len(part), {k: v for k, v in fields.items() if v is not None})))
        return self


@dataclass(frozen=True)
class Speaker:
    """Who makes a claim: the actor, and how a sentence names them at its start and inside it."""

    actor: str | None
    start: str
    mid: str
    attribution: str
    label: str


def capital(text: str) -> str:
    """``text`` with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def render(value: int, rng: random.Random) -> str:
    """A number as an article writes it: in words (when short) or in digits with commas."""
    if value in vocab.NUMBER_WORDS and rng.random() < 0.5:
        return vocab.NUMBER_WORDS[value]
    return f"{value:,}"


def base_speaker(actor: vocab.BaseActor, alias: vocab.Alias) -> Speaker:
    """A base actor speaking through one of its aliases."""
    mid = "the" + alias.speaker[3:] if alias.speaker.startswith("The ") else alias.speaker
    return Speaker(actor.id, alias.speaker, mid, "reported_speech", actor.name)


def person_speakers(person: Person) -> tuple[Speaker, Speaker]:
    """A person named in full (first mention, with title inside a sentence), then by surname."""
    first = Speaker(person.id, person.name, f"{person.title} {person.name}", "reported_speech", person.name)
    return first, Speaker(person.id, person.short, person.short, "reported_speech", person.name)


def actor_speaker(actor_id: str, alias: str | None = None) -> Speaker:
    """A base actor speaking through ``alias`` (by default its first)."""
    return base_speaker(*next(pair for pair in ALIASES if pair[0].id == actor_id and alias in (None, pair[1].alias)))


def image_line(rng: random.Random, prefix: str) -> Sentence:
    """The image caption left in the text: boilerplate, and a file name whose number is not coded."""
    name = f"photo_{rng.randrange(1000, 999999)}.jpg"
    sentence = Sentence(f"Image: {name}")
    sentence.add("uncoded_numbers", name, {"reason": "url_or_file_name"})
    flag = {"flag_id": f"{prefix}-boilerplate-image", "flag": "boilerplate"}
    return sentence.add("flags", sentence.text, flag | {"description": "An image file name captured with the story."})


class Writer:
    """Makes the sentences of one article."""

    def __init__(self, rng: random.Random, registry: Registry, number: int, prefix: str) -> None:
        self.rng, self.registry, self.number, self.prefix = rng, registry, number, prefix
        self.published = registry.published(number)
        self.clauses: set[str] = set()
        self.claims = 0
        self.figures = 0
        count = len(registry.propositions)
        self.must_link = [registry.propositions[k] for k in range(number, count, registry.articles)]

    def groups(self) -> list[list[Sentence]]:
        """Every group of sentences of the article; each group's order is kept in the text."""
        rng = self.rng
        groups = [self.person_group(person, 2) for person in self.home_persons()]
        groups += [self.person_group(rng.choice(self.registry.persons), rng.choice((1, 2))) for _ in range(3)]
        groups += [[self.claim(base_speaker(*pair), "reported")] for pair in self.home_aliases()]
        groups += [[self.claim(base_speaker(*rng.choice(SPEAKING_BODIES)), "reported")] for _ in range(3)]
        groups += [[self.claim(self.unnamed(), rng.choice(("reported", "direct")))] for _ in range(2)]
        groups += [[self.claim(None, "unattributed")] for _ in range(rng.randint(3, 5))]
        groups.append([self.claim(base_speaker(*rng.choice(SPEAKING_BODIES)), rng.choice(("denied", "declined")))])
        groups += [[self.figure_sentence()] for _ in range(rng.randint(2, 3))]
        groups += [[sentence] for sentence in self.event_sentences()]
        groups.append([self.uncoded()])
        groups.append([self.not_mention()])
        return groups

    # -- who speaks ----------------------------------------------------------------------------

    def home_persons(self) -> list[Person]:
        """The people this article is the first to name (so every alias occurs somewhere)."""
        return list(self.registry.persons[self.number :: self.registry.articles])

    def home_aliases(self) -> list[tuple[vocab.BaseActor, vocab.Alias]]:
        """The base aliases this article makes sure to use."""
        return ALIASES[self.number :: self.registry.articles]

    def person_group(self, person: Person, claims: int) -> list[Sentence]:
        """One or two claims by a person: full name first, then surname."""
        first, later = person_speakers(person)
        forms = ("reported", "direct", "reported", "denied")
        return [self.claim(speaker, self.rng.choice(forms)) for speaker in (first, later)[:claims]]

    def unnamed(self) -> Speaker:
        """An anonymous official or a document."""
        if self.rng.random() < 0.25:
            text, actor = self.rng.choice(vocab.DOCUMENTS)
            return Speaker(actor, capital(text), text, "document", capital(text))
        text = self.rng.choice(vocab.ANONYMOUS)
        return Speaker(None, capital(text), text, "anonymous", capital(text))

    # -- claims --------------------------------------------------------------------------------

    def clause(self) -> tuple[str, str, str, str | None]:
        """A clause not yet used in this article: (text, topic, modality, hedge)."""
        rng = self.rng
        while True:
            subject, topic = rng.choice(vocab.SUBJECTS)
            verb, modality, hedge = rng.choice(vocab.VERBS)
            text = f"{subject} {verb} {rng.choice(vocab.OBJECTS)}{rng.choice(vocab.MODIFIERS)}"
            if text not in self.clauses:
                self.clauses.add(text)
                return text, topic, modality, hedge

    def claim(self, speaker: Speaker | None, form: str) -> Sentence:
        """A claim sentence in ``form``: reported, direct, denied, declined or unattributed."""
        clause, topic, modality, hedge = self.clause()
        if speaker is None or form == "unattributed":
            return self.claim_sentence(f"{capital(clause)}.", None, None, clause, (topic, modality, hedge))
        if form == "declined":
            about = self.rng.choice(vocab.COMMENT_TOPICS)
            content = f"{speaker.label} declined to comment on {about}."
            text = f"{speaker.start} declined to comment on {about}."
            how = ("talks", "declined_to_comment", None)
            return self.claim_sentence(text, speaker, "declined to comment", content, how, speaker.start)
        if form == "denied":
            text = f"{speaker.start} denied that {clause}."
            return self.claim_sentence(text, speaker, "denied", clause, (topic, "denied", hedge), speaker.start)
        if form == "direct" and speaker.attribution != "document":
            template, cue = self.rng.choice(vocab.DIRECT)
            text = template.format(C=capital(clause), s=speaker.mid)
            return self.claim_sentence(text, speaker, cue, clause, (topic, modality, hedge), speaker.mid, True)
        template, cue = self.rng.choice(vocab.REPORTED)
        named = speaker.mid if template.startswith("According") else speaker.start
        text = template.format(s=named, c=clause)
        return self.claim_sentence(text, speaker, cue, clause, (topic, modality, hedge), named)

    def claim_sentence(
        self,
        text: str,
        speaker: Speaker | None,
        cue: str | None,
        content: str,
        how: tuple[str, str, str | None],
        named: str | None = None,
        quoted: bool = False,
    ) -> Sentence:
        """The sentence ``text`` carrying one claim."""
        topic, modality, hedge = how
        self.claims += 1
        attribution = "unattributed" if speaker is None else speaker.attribution
        if quoted and attribution == "reported_speech":
            attribution = "direct_quote"
        label = slug(speaker.label if speaker else "article")[:30].strip("-")
        fields = {
            "claim_id": f"{self.prefix}-c{self.claims:02d}-{label}",
            "speaker_actor_id": speaker.actor if speaker else None,
            "speaker_as_written": named,
            "attribution_kind": attribution,
            "cue": cue,
            "modality": modality,
            "hedge": hedge,
            "topic": topic,
            "content": capital(content.rstrip(".")) + ".",
            "propositions": self.links(topic) or None,
        }
        return Sentence(text).add("claims", text, fields)

    def links(self, topic: str) -> list[dict[str, str]]:
        """Propositions the claim bears on: one this article must link, and up to two of its topic."""
        rng = self.rng
        chosen = [self.must_link.pop()] if self.must_link else []
        same = self.registry.on_topic(topic)
        for proposition in rng.sample(same, min(len(same), rng.choice((0, 1, 1, 2)))):
            if proposition not in chosen:
                chosen.append(proposition)
        return [{"proposition_id": proposition.id, "stance": rng.choice(STANCES)} for proposition in chosen]

    # -- figures -------------------------------------------------------------------------------

    def figure_sentence(self) -> Sentence:
        """A sentence with one or two force figures, and the claim they are stated in."""
        return self.rng.choice((self.troops, self.troops, self.attacks, self.casualties, self.bases))()

    def figure(self, sentence: Sentence, quote: str, fields: dict[str, Any], after: int = 0) -> None:
        """Add a figure entry to ``sentence``, tied to the sentence's claim."""
        self.figures += 1
        claim = sentence.entries[0][1].fields["claim_id"]
        head = {
            "figure_id": f"{self.prefix}-f{self.figures:02d}-{fields['quantity'].replace('_', '-')}",
            "claim_id": claim,
        }
        sentence.add("figures", quote, {**head, **fields}, after)

    def troops(self) -> Sentence:
        """There are about N troops (currently) deployed in a place; sometimes in Syria too."""
        rng = self.rng
        qualifier, (counted, force) = rng.choice(vocab.APPROXIMATE), rng.choice(vocab.TROOPS)
        value, (place, country) = rng.choice(vocab.TROOP_VALUES), rng.choice(vocab.TROOP_PLACES)
        number, now = render(value, rng), rng.choice(("currently ", ""))
        voice = self.figure_voice()
        quote = f"{'there' if voice else 'There'} are {qualifier} {number} {counted} {now}deployed in {place}"
        second = self.second_number(quote) if place != "Syria" else None
        tail = f" and about {second[1]} in Syria" if second else ""
        text = f"{voice.start} said {quote}{tail}." if voice else f"{quote}{tail}."
        how = ("troop_presence", "asserted", None)
        sentence = self.claim_sentence(text, voice, "said" if voice else None, quote + tail, how, voice and voice.start)
        base = {"quantity": "personnel", "counted_as_written": counted, "force_actor_id": force}
        base["as_of"] = {"as_written": "currently"} if now else None
        self.figure(sentence, quote, base | self.value_fields(number, value, qualifier) | self.where(place, country))
        if second:
            fields = base | self.value_fields(second[1], second[0], "about") | self.where("Syria", "SYR")
            self.figure(sentence, quote + tail, fields)
        return sentence

    def second_number(self, quote: str) -> tuple[int, str] | None:
        """Now and then a number for Syria too, written so that its words do not occur in ``quote``."""
        value = self.rng.choice((900, 350, 40))
        number = render(value, self.rng)
        return (value, number) if self.rng.random() < 0.3 and number not in quote else None

    def figure_voice(self) -> Speaker | None:
        """Who states a figure: a military or government body, or (half the time) the article itself."""
        if self.rng.random() < 0.5:
            return None
        return actor_speaker(self.rng.choice(FIGURE_VOICES))

    def attacks(self) -> Sentence:
        """Militias have attacked US forces more than N times since a month."""
        rng = self.rng
        bound, value = rng.choice(vocab.LOWER_BOUNDS), rng.choice(vocab.ATTACK_VALUES)
        number = render(value, rng)
        quote = f"militias have attacked US forces {bound} {number} times since {rng.choice(vocab.MONTHS)}"
        voice = self.figure_voice() or actor_speaker("us-department-of-defense", "Pentagon")
        text = f"{voice.start} said {quote}."
        sentence = self.claim_sentence(text, voice, "said", quote, ("attacks", "asserted", None), voice.start)
        fields = {
            "quantity": "attacks",
            "counted_as_written": "times",
            "value_low": value,
            "force_actor_id": "us-armed-forces",
        }
        fields |= self.value_fields(number, value, bound, approximate=False)
        self.figure(sentence, quote, fields)
        return sentence

    def casualties(self) -> Sentence:
        """N service members were wounded, or N militants killed, near a place."""
        rng = self.rng
        value = rng.choice([value for value in vocab.NUMBER_WORDS if value < 30])
        place = rng.choice(vocab.ATTACK_PLACES)
        if rng.random() < 0.6:
            counted, quantity, force = "service members", "wounded", "us-armed-forces"
            text = f"{capital(vocab.NUMBER_WORDS[value])} {counted} were wounded in an attack near {place}."
        else:
            counted, quantity, force = "militants", "killed", "kataib-hezbollah"
            text = f"{capital(vocab.NUMBER_WORDS[value])} {counted} were killed in a strike near {place}."
        quote = text[:-1]
        sentence = self.claim_sentence(text, None, None, quote, ("attacks", "asserted", None))
        fields = {"quantity": quantity, "counted_as_written": counted, "force_actor_id": force}
        number = capital(vocab.NUMBER_WORDS[value])
        self.figure(sentence, quote, fields | self.value_fields(number, value, None) | self.where(place, "IRQ"))
        return sentence

    def bases(self) -> Sentence:
        """US forces operate from N bases in a country."""
        rng = self.rng
        value, (place, country) = rng.choice((3, 4, 5, 6, 8, 12)), rng.choice((("Iraq", "IRQ"), ("Syria", "SYR")))
        number = render(value, rng)
        text = f"US forces operate from {number} bases in {place}."
        sentence = self.claim_sentence(text, None, None, text, ("troop_presence", "asserted", None))
        fields = {"quantity": "bases", "counted_as_written": "bases", "force_actor_id": "us-armed-forces"}
        self.figure(sentence, text[:-1], fields | self.value_fields(number, value, None) | self.where(place, country))
        return sentence

    @staticmethod
    def value_fields(number: str, value: int, qualifier: str | None, approximate: bool | None = None) -> dict[str, Any]:
        """number_text, value, qualifier and whether the wording hedges the number."""
        hedged = qualifier is not None if approximate is None else approximate
        return {"number_text": number, "value": value, "approximate": hedged, "qualifier": qualifier}

    @staticmethod
    def where(place: str, country: str) -> dict[str, str]:
        """location_as_written and location_country."""
        return {"location_as_written": place, "location_country": country}

    # -- events, uncoded numbers, names that are not mentions ------------------------------------

    def event_sentences(self) -> list[Sentence]:
        """Mentions of the events this article reports first, of earlier ones, and of one to come."""
        registry, rng = self.registry, self.rng
        past = registry.past_events(self.number)
        home = [event for event in registry.events[:past] if event.home == self.number]
        earlier = [event for event in registry.events[max(0, past - 40) : past] if event not in home]
        chosen = home + rng.sample(earlier, min(len(earlier), rng.randint(2, 4)))
        sentences = [self.event_sentence(event, event in home) for event in chosen]
        coming = [event for event in registry.events[past : past + 20] if vocab.EVENT_TYPES[event.type][3]]
        if coming and rng.random() < 0.6:
            sentences.append(self.planned_sentence(rng.choice(coming)))
        return sentences

    def names(self, event: Event) -> tuple[str, str]:
        """How an event sentence names its first actor (at the sentence's start) and its second."""
        first, second = (self.actor_forms(actor) for actor, _ in event.actors)
        return first[0], second[1]

    def actor_forms(self, actor_id: str) -> tuple[str, str]:
        """(start form, inside form) of an actor in an event sentence."""
        person = self.registry.person(actor_id)
        if person is not None:
            return person.name, person.name
        speaker = actor_speaker(actor_id)
        return speaker.start, speaker.mid

    def event_sentence(self, event: Event, home: bool) -> Sentence:
        """A past event, dated as this article would date it (the home article by weekday)."""
        first, second = self.names(event)
        template = vocab.EVENT_TYPES[event.type][2]
        phrase = date_phrase(event.day, self.published, self.rng, home)
        body = capital(template.format(a=first, b=second, place=event.place))
        quote = f"{body} {phrase}" if phrase else body
        text = f"{quote}."
        if self.rng.random() < 0.5:
            sentence = self.claim_sentence(text, None, None, quote, (EVENT_TOPICS[event.type], "asserted", None))
        else:
            sentence = Sentence(text)
        fields = {"event_id": event.id, "status": "occurred", "date": {"as_written": phrase} if phrase else None}
        return sentence.add("event_mentions", quote, fields)

    def planned_sentence(self, event: Event) -> Sentence:
        """An event still to come, undated."""
        first, _ = self.names(event)
        quote = f"{first} is preparing for {vocab.EVENT_TYPES[event.type][3]} in {event.place}"
        return Sentence(f"{quote}.").add("event_mentions", quote, {"event_id": event.id, "status": "planned"})

    def uncoded(self) -> Sentence:
        """A passage whose number is about neither forces nor a date."""
        text, quote, reason = self.rng.choice(vocab.UNCODED)
        return Sentence(text).add("uncoded_numbers", quote, {"reason": reason})

    def not_mention(self) -> Sentence:
        """A sentence naming Baghdad the city, which is not the Iraqi government."""
        text = self.rng.choice(vocab.NOT_MENTIONS)
        return Sentence(text).add("not_mentions", "Baghdad", {"reason": "Baghdad the city, not the Iraqi government."})


def date_phrase(day: dt.date, published: dt.date, rng: random.Random, home: bool) -> str | None:
    """Words dating ``day`` in an article published on ``published``; ``None`` for an undated mention."""
    delta = (published - day).days
    options: list[str | None] = []
    if delta <= 6:
        options.append(f"on {vocab.WEEKDAYS[day.weekday()]}")
    if delta == 1:
        options.append("yesterday")
    if home:
        return rng.choice(options)
    month = vocab.MONTHS[day.month - 1]
    options += [f"on {month} {day.day}, {day.year}", f"in {month} {day.year}", None]
    monday = published - dt.timedelta(days=published.weekday())
    if monday - dt.timedelta(days=7) <= day < monday:
        options.append("last week")
    return rng.choice(options)
