"""Synthetic corpora for benchmarks: N articles coded like the real ones, as a dataset folder.

The folder has what ``usiraq build --root`` reads (sources/*.txt,
sources.yaml, registry/*.yaml, annotations/*.yaml) and builds into a release
that ``usiraq validate`` passes clean. Articles are made from templated
sentences (synth_sentences.py) with the shapes of the real coding: claims by
named, unnamed and no speakers with cues, hedges and proposition links;
force figures with bounds and as-of dates; event mentions dated by weekday,
full date or month; a name that is not a mention; uncoded numbers; quality
flags. Quotes are unique in their article (else the selector says which
occurrence) and every number in a text is coded. The same seed gives the same
bytes.

Usage:
    python bench/synthetic.py OUT --articles 500 [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import synth_vocab as vocab
import yaml
from synth_article import Article, annotation, compose, source_entry
from synth_registry import Registry, make_registry
from usiraq.schema.measures import text_sha256


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """The safe dumper, writing a repeated value out each time: the builder refuses aliases in inputs."""

    def ignore_aliases(self, data: Any) -> bool:
        del data
        return True


def articles(registry: Registry, seed: int) -> Iterator[Article]:
    """Every article of the corpus, in order."""
    for number in range(registry.articles):
        yield compose(number, registry, seed)


def generate(root: Path, count: int, seed: int = 0) -> Path:
    """Write a corpus of ``count`` articles as a dataset folder at ``root``; return ``root``."""
    registry = make_registry(count, seed)
    for folder in ("sources", "annotations", "registry"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    entries = []
    for article in articles(registry, seed):
        (root / "sources" / f"{article.id}.txt").write_bytes(article.text.encode("utf-8"))
        entries.append(source_entry(article, text_sha256(article.text)))
        dump(root / "annotations" / f"{article.id}.yaml", annotation(article))
    dump(root / "sources.yaml", {"sources": entries})
    dump(root / "registry" / "actors.yaml", {"actors": actor_entries(registry)})
    dump(root / "registry" / "events.yaml", {"events": event_entries(registry)})
    propositions = [{"proposition_id": p.id, "statement": p.statement, "topic": p.topic} for p in registry.propositions]
    dump(root / "registry" / "propositions.yaml", {"propositions": propositions})
    dump(root / "registry" / "non_actor_names.yaml", {"names": list(vocab.NON_ACTOR_NAMES)})
    return root


def dump(path: Path, data: Any) -> None:
    """Write ``data`` as UTF-8 YAML, keys in the order given."""
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    path.write_text(text, encoding="utf-8", newline="\n")


def actor_entries(registry: Registry) -> list[dict[str, Any]]:
    """registry/actors.yaml: the base actors, then the generated people."""
    found = []
    for actor in vocab.BASE_ACTORS:
        entry = {"actor_id": actor.id, "name": actor.name, "actor_type": actor.type, "country": actor.country}
        entry |= {"parent_actor_id": actor.parent, "description": actor.description}
        entry["aliases"] = [{"alias": alias.alias, "alias_kind": alias.kind} for alias in actor.aliases]
        found.append({key: value for key, value in entry.items() if value is not None})
    for person in registry.persons:
        description = f"{person.title}, as the articles name them."
        entry = {"actor_id": person.id, "name": person.name, "actor_type": "person", "country": person.country}
        entry |= {"parent_actor_id": person.parent, "title": person.title, "description": description}
        entry["aliases"] = [
            {"alias": person.name, "alias_kind": "name"},
            {"alias": person.short, "alias_kind": "short_form"},
        ]
        found.append(entry)
    return found


def event_entries(registry: Registry) -> list[dict[str, Any]]:
    """registry/events.yaml: every event with its type, place and actors."""
    found = []
    for event in registry.events:
        plover, mode, template, _ = vocab.EVENT_TYPES[event.type]
        entry: dict[str, Any] = {
            "event_id": event.id,
            "event_type": event.type,
            "plover_event": plover,
            "plover_mode": mode,
        }
        entry["summary"] = f"{event.type.capitalize()} near or in {event.place.removeprefix('the ')}."
        entry["location_as_written"] = event.place if "{place}" in template else None
        entry["location_country"] = vocab.PLACES[event.place] if "{place}" in template else None
        entry["actors"] = [{"actor_id": actor, "role": role} for actor, role in event.actors]
        found.append({key: value for key, value in entry.items() if value is not None})
    return found


def main(argv: list[str] | None = None) -> int:
    """Write a corpus from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the dataset folder to write (created)")
    parser.add_argument("--articles", type=int, default=20, help="number of articles (default 20)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    generate(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
