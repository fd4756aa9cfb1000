"""Cross-file checks of the inputs: every id unique, every reference resolved."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from usiraq.builders.errors import Problem, Where

if TYPE_CHECKING:
    from usiraq.builders.inputs import BuildInputs

Named = tuple[str, Where]


def check_references(inputs: BuildInputs) -> list[Problem]:
    """Every duplicate id and every dangling reference in ``inputs``, each at the line that has it."""
    ids = _ids(inputs)
    problems: list[Problem] = []
    for what, named in ids.items():
        problems.extend(_duplicates(named, what))
    known = {what: {name for name, _ in named} for what, named in ids.items()}
    for what, name, where in _references(inputs):
        if name not in known[what]:
            problems.append(where.problem(_dangling(what, name, known[what])))
    problems.extend(_figure_claims_in_same_article(inputs))
    problems.extend(_tension_claims_in_same_article(inputs))
    problems.extend(_self_references(inputs))
    return problems


def _ids(inputs: BuildInputs) -> dict[str, list[Named]]:
    sources, actors = inputs.sources, inputs.actors
    return {
        "source": [
            (e.source_id, sources.where("sources", i, "source_id")) for i, e in enumerate(sources.model.sources)
        ],
        "flag": [
            (flag.flag_id, sources.where("sources", i, "flags", j, "flag_id"))
            for i, e in enumerate(sources.model.sources)
            for j, flag in enumerate(e.flags)
        ],
        "actor": [(e.actor_id, actors.where("actors", i, "actor_id")) for i, e in enumerate(actors.model.actors)],
        "alias": [
            (alias.alias, actors.where("actors", i, "aliases", j, "alias"))
            for i, e in enumerate(actors.model.actors)
            for j, alias in enumerate(e.aliases)
        ],
        "event": [
            (e.event_id, inputs.events.where("events", i, "event_id")) for i, e in enumerate(inputs.events.model.events)
        ],
        "proposition": [
            (e.proposition_id, inputs.propositions.where("propositions", i, "proposition_id"))
            for i, e in enumerate(inputs.propositions.model.propositions)
        ],
        "tension": [
            (e.tension_id, inputs.tensions.where("tensions", i, "tension_id"))
            for i, e in enumerate(inputs.tensions.model.tensions)
        ],
        "claim": [(item.entry.claim_id, _at(item.where, "claim_id")) for item in inputs.items("claims")],
        "figure": [(item.entry.figure_id, _at(item.where, "figure_id")) for item in inputs.items("figures")],
    }


def _at(where: Where, key: str) -> Where:
    """The place of ``key`` inside the item at ``where`` (same line as the item if unknown)."""
    return Where(where.file, where.line, f"{where.label}.{key}")


def _duplicates(named: Iterable[Named], what: str) -> list[Problem]:
    first: dict[str, Where] = {}
    problems = []
    for name, where in named:
        if name in first:
            problems.append(where.problem(f"{what} {name!r} is already used at {first[name]}"))
        else:
            first[name] = where
    return problems


def _dangling(what: str, name: str, known: set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"{what} {name!r} does not exist{hint}"


def _references(inputs: BuildInputs) -> Iterable[tuple[str, str, Where]]:
    """(kind of id, id, where) for every reference an input makes."""
    for i, source in enumerate(inputs.sources.model.sources):
        for j, flag in enumerate(source.flags):
            if flag.related_source_id is not None:
                yield (
                    "source",
                    flag.related_source_id,
                    inputs.sources.where("sources", i, "flags", j, "related_source_id"),
                )
    for i, actor in enumerate(inputs.actors.model.actors):
        if actor.parent_actor_id is not None:
            yield "actor", actor.parent_actor_id, inputs.actors.where("actors", i, "parent_actor_id")
    for i, event in enumerate(inputs.events.model.events):
        for j, link in enumerate(event.actors):
            yield "actor", link.actor_id, inputs.events.where("events", i, "actors", j, "actor_id")
    yield from _tension_references(inputs)
    yield from _annotation_references(inputs)


def _tension_references(inputs: BuildInputs) -> Iterable[tuple[str, str, Where]]:
    for i, tension in enumerate(inputs.tensions.model.tensions):
        if tension.proposition_id is not None:
            yield "proposition", tension.proposition_id, inputs.tensions.where("tensions", i, "proposition_id")
        for side in ("a", "b"):
            for j, span in enumerate(getattr(tension, side)):
                yield "source", span.source_id, inputs.tensions.where("tensions", i, side, j, "source_id")


def _annotation_references(inputs: BuildInputs) -> Iterable[tuple[str, str, Where]]:
    for source_id, loaded in inputs.annotations.items():
        del source_id
        model = loaded.model
        for i, claim in enumerate(model.claims):
            if claim.speaker_actor_id is not None:
                yield "actor", claim.speaker_actor_id, loaded.where("claims", i, "speaker_actor_id")
            for j, link in enumerate(claim.propositions):
                yield "proposition", link.proposition_id, loaded.where("claims", i, "propositions", j, "proposition_id")
        for i, figure in enumerate(model.figures):
            if figure.force_actor_id is not None:
                yield "actor", figure.force_actor_id, loaded.where("figures", i, "force_actor_id")
        for i, mention in enumerate(model.event_mentions):
            yield "event", mention.event_id, loaded.where("event_mentions", i, "event_id")


def _figure_claims_in_same_article(inputs: BuildInputs) -> list[Problem]:
    problems = []
    for loaded in inputs.annotations.values():
        claims = {claim.claim_id for claim in loaded.model.claims}
        for i, figure in enumerate(loaded.model.figures):
            if figure.claim_id is not None and figure.claim_id not in claims:
                message = _dangling("claim", figure.claim_id, claims) + " in this annotation file"
                problems.append(loaded.where("figures", i, "claim_id").problem(message))
    return problems


def _tension_claims_in_same_article(inputs: BuildInputs) -> list[Problem]:
    """A tension side names a claim only of the article its words are in."""
    claims = {source_id: {c.claim_id for c in loaded.model.claims} for source_id, loaded in inputs.annotations.items()}
    problems = []
    for i, tension in enumerate(inputs.tensions.model.tensions):
        for side in ("a", "b"):
            for j, span in enumerate(getattr(tension, side)):
                mine = claims.get(span.source_id, set())
                if span.claim_id is not None and span.claim_id not in mine:
                    message = _dangling("claim", span.claim_id, mine) + f" in the annotation file of {span.source_id}"
                    problems.append(inputs.tensions.where("tensions", i, side, j, "claim_id").problem(message))
    return problems


def _self_references(inputs: BuildInputs) -> list[Problem]:
    problems = []
    for i, source in enumerate(inputs.sources.model.sources):
        for j, flag in enumerate(source.flags):
            if flag.related_source_id == source.source_id:
                where = inputs.sources.where("sources", i, "flags", j, "related_source_id")
                problems.append(where.problem("an article cannot be related to itself"))
    for i, actor in enumerate(inputs.actors.model.actors):
        if actor.parent_actor_id == actor.actor_id:
            problems.append(
                inputs.actors.where("actors", i, "parent_actor_id").problem("an actor cannot be its own parent")
            )
    return problems
