"""Build the actors tables: actors and actor_aliases from the registry, actor_mentions from the articles."""

from __future__ import annotations

from pathlib import Path

from usiraq.builders import quotes
from usiraq.builders.columns import carried
from usiraq.builders.errors import InputError, Where
from usiraq.builders.inputs import ARTICLES_DIR, BuildInputs, Item, nested_items, registry_items
from usiraq.builders.mentions import AliasMatch
from usiraq.builders.rows import collect_rows, gather, make
from usiraq.schema.inputs import ActorEntry, AliasEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.actors import Actor, ActorAlias, ActorMention


def actors(inputs: BuildInputs) -> list[Record]:
    """One row per actor of registry/actors.yaml."""
    return collect_rows(registry_items(inputs.actors, "actors"), lambda item: make(Actor, **carried(item.entry, Actor)))


def actor_aliases(inputs: BuildInputs) -> list[Record]:
    """One row per alias of registry/actors.yaml."""
    return collect_rows(nested_items(inputs.actors, "actors", "aliases"), _alias)


def actor_mentions(inputs: BuildInputs) -> list[Record]:
    """One row per alias occurrence, found by the builder, less the annotations' ``not_mentions``."""
    owners = alias_owners(inputs)
    matches = inputs.alias_matches
    excluded = set(gather(inputs.items("not_mentions"), lambda item: _excluded(item, inputs, matches)))
    items = [
        Item(_article_where(inputs.texts[source_id], article, match), source_id, match)
        for source_id, found in matches.items()
        for article in [inputs.root / ARTICLES_DIR / inputs.source(source_id).file_name]
        for match in found
        if (source_id, match.start) not in excluded
    ]
    return collect_rows(items, lambda item: _mention(item, owners))


def alias_owners(inputs: BuildInputs) -> dict[str, str]:
    """Each alias and the id of the actor it names."""
    return {alias.alias: actor.actor_id for actor in inputs.actors.model.actors for alias in actor.aliases}


def _alias(item: Item) -> ActorAlias:
    actor: ActorEntry
    alias: AliasEntry
    actor, alias = item.entry
    return make(ActorAlias, **carried(alias, ActorAlias), actor_id=actor.actor_id)


def _excluded(item: Item, inputs: BuildInputs, matches: dict[str, list[AliasMatch]]) -> tuple[str, int]:
    """The (source, start) of an alias occurrence a ``not_mentions`` entry removes."""
    span = quotes.resolve(inputs.texts[item.source_id], item.entry)
    for match in matches[item.source_id]:
        if (match.start, match.end) == (span.start, span.end):
            return item.source_id, match.start
    raise InputError(
        f"{span.quote!r} at char {span.start} is not an occurrence of an actor alias found in the article "
        "(a not_mention must quote exactly one alias occurrence, a whole word)",
        ("quote",),
    )


def _article_where(text: str, path: Path, match: AliasMatch) -> Where:
    return Where(path, text.count("\n", 0, match.start) + 1, f"alias {match.alias!r} at char {match.start}")


def _mention(item: Item, owners: dict[str, str]) -> ActorMention:
    match: AliasMatch = item.entry
    return make(
        ActorMention,
        source_id=item.source_id,
        char_start=match.start,
        char_end=match.end,
        quote=match.alias,
        actor_id=owners[match.alias],
    )
