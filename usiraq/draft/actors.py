"""Actor candidates: every registry alias (the builders' alias matcher) and every unknown capitalised name.

The registry is the dataset's, not the article's: an article drafted as new
is matched against every alias of ``registry/actors.yaml``. A metonym alias
(a capital or a building) right after a preposition of place ("in Baghdad",
"at the Pentagon") is flagged as a likely place, a ``not_mentions`` entry to
review. Capitalised names come from the builders' own finder
(:func:`usiraq.builders.mentions.unmatched_names`); their type is guessed
from their words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from usiraq.builders.inputs import ACTORS_FILE, NON_ACTOR_NAMES_FILE, load
from usiraq.builders.mentions import AliasMatch, AliasMatcher, unmatched_names
from usiraq.draft.candidates import ActorMention, NewActor
from usiraq.schema.enums import ActorType, AliasKind
from usiraq.schema.inputs import ActorsFile, NonActorNamesFile

_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|inside|outside|around|across|within)[ \u00a0]+(?:the[ \u00a0]+)?$", re.I)
_TYPE_WORDS: tuple[tuple[ActorType, frozenset[str]], ...] = (
    (
        ActorType.ARMED_GROUP,
        frozenset(["militia", "militias", "brigade", "brigades", "hezbollah", "kataib", "resistance"]),
    ),
    (ActorType.COALITION, frozenset({"coalition"})),
    (
        ActorType.ARMED_FORCES,
        frozenset(["command", "army", "navy", "force", "forces", "military", "marines", "corps", "guard"]),
    ),
    (ActorType.LEGISLATURE, frozenset(["parliament", "congress", "senate", "assembly", "house"])),
    (
        ActorType.GOVERNMENT_BODY,
        frozenset(["ministry", "department", "office", "council", "agency", "committee", "commission"]),
    ),
    (ActorType.GOVERNMENT, frozenset({"government", "administration", "cabinet"})),
    (ActorType.POLITICAL_GROUP, frozenset(["party", "bloc", "alliance", "framework", "movement"])),
    (
        ActorType.MEDIA_OUTLET,
        frozenset(["news", "times", "post", "journal", "press", "tv", "television", "radio", "reuters", "media"]),
    ),
)


@dataclass(frozen=True)
class AliasInfo:
    """Which actor an alias names, the actor's type, and the alias's kind."""

    actor_id: str
    actor_type: str
    kind: str


class Registry:
    """The dataset's actors (aliases and their matcher) and its reviewed non-actor names, loaded once."""

    def __init__(self, actors: ActorsFile, non_actor_names: Iterable[str]) -> None:
        self.aliases = {
            alias.alias: AliasInfo(actor.actor_id, actor.actor_type.value, alias.alias_kind.value)
            for actor in actors.actors
            for alias in actor.aliases
        }
        self.matcher = AliasMatcher(self.aliases)
        self.reviewed = tuple(non_actor_names)

    @classmethod
    def load(cls, root: Path) -> Registry:
        """The registry of the dataset folder ``root`` (raises ``BuildError`` naming file and line)."""
        actors = load(root / ACTORS_FILE, ActorsFile).model
        names_path = root / NON_ACTOR_NAMES_FILE
        names = load(names_path, NonActorNamesFile).model.names if names_path.exists() else []
        return cls(actors, names)

    def actor_of(self, match: AliasMatch) -> AliasInfo:
        """The actor an alias match names."""
        return self.aliases[match.alias]


def actor_mentions(text: str, matches: list[AliasMatch], registry: Registry) -> list[ActorMention]:
    """One candidate per alias occurrence, a metonym after a preposition of place flagged as a likely place."""
    found = []
    for match in matches:
        info = registry.actor_of(match)
        reason = None
        if info.kind == AliasKind.METONYM.value and _PLACE_BEFORE.search(text, max(0, match.start - 16), match.start):
            reason = f"{match.alias!r} after a preposition of place: likely the place, not the actor"
        found.append(ActorMention(match.start, match.end, match.alias, info.actor_id, info.actor_type, reason))
    return found


def new_actors(source_id: str, text: str, matches: list[AliasMatch], registry: Registry) -> list[NewActor]:
    """One candidate per occurrence of a capitalised name that is neither an alias nor reviewed."""
    found = []
    for name in unmatched_names(source_id, text, matches, registry.reviewed):
        for start in name.starts:
            end = start + len(name.name)
            found.append(NewActor(start, end, name.name, name.name, guess_type(name.name, text[end : end + 60])))
    return sorted(found, key=lambda candidate: candidate.char_start)


def guess_type(name: str, after: str = "") -> str:
    """An actor type guessed from the name's words, then from an apposition just after it ("X, a militia").

    Example:
        >>> guess_type("Ministry of Oil"), guess_type("Hadi Fencrofter"), guess_type("Asaib", ", a militia")
        ('government_body', 'person', 'armed_group')

    """
    words = {word.lower() for word in re.findall(r"[\w-]+", name)}
    apposition = re.match(r",[ \u00a0]+(?:an?|the)[ \u00a0]+([^,.;]*)", after)
    extra = {word.lower() for word in re.findall(r"[\w-]+", apposition.group(1))} if apposition else set()
    for pool in (words, extra):
        for actor_type, cues in _TYPE_WORDS:
            if pool & cues:
                return actor_type.value
    return ActorType.PERSON.value
