"""Release rows of a synthetic corpus, made directly from the composed articles (no YAML, no builder).

For corpora too large to build in a benchmark's time (a million claims), the
rows are made here with the builders' own functions: dates resolved by
builders/dates.py, actor mentions found by the builders' alias matcher less
the names that are not mentions, events dated and given a status by
builders/tables/events.py, text measures by schema/measures.py. Rows are plain dicts
keyed by column; bench/synth_release.py writes them with the builders'
release writer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from synth_article import Article
from synth_registry import Registry
from synthetic import actor_entries, event_entries
from usiraq.builders import dates
from usiraq.builders.errors import Where
from usiraq.builders.inputs import Item
from usiraq.builders.mentions import AliasMatcher
from usiraq.builders.tables import events
from usiraq.schema.inputs import DateSpec, PublishedEntry
from usiraq.schema.measures import text_measures
from usiraq.schema.record import Record
from usiraq.schema.tables.actors import Actor, ActorAlias
from usiraq.schema.tables.claims import Claim, ClaimProposition
from usiraq.schema.tables.events import Event, EventActor, EventMention
from usiraq.schema.tables.force_figures import ForceFigure
from usiraq.schema.tables.sources import SourceFlag
from usiraq.schema.tables.uncoded_numbers import UncodedNumber

Row = dict[str, Any]
TableRows = dict[str, list[Row]]


def registry_rows(registry: Registry) -> TableRows:
    """actors, actor_aliases, propositions' ids and event_actors: the rows of the registry alone."""
    actors, aliases = [], []
    for entry in actor_entries(registry):
        actors.append(columns(Actor, entry))
        aliases.extend(columns(ActorAlias, alias, actor_id=entry["actor_id"]) for alias in entry["aliases"])
    event_actors = [
        columns(EventActor, link, event_id=event["event_id"])
        for event in event_entries(registry)
        for link in event["actors"]
    ]
    return {"actors": actors, "actor_aliases": aliases, "event_actors": event_actors}


class Corpus:
    """Turns articles into rows, keeping what the events, groups and propositions need across articles."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.owner = {row["alias"]: row["actor_id"] for row in registry_rows(registry)["actor_aliases"]}
        self.matcher = AliasMatcher(self.owner)
        self.groups: dict[str, str] = {}
        self.events: dict[str, list[Row]] = defaultdict(list)
        self.links: dict[str, list[tuple[str, str, str]]] = defaultdict(list)

    def rows(self, article: Article) -> TableRows:
        """The rows one article adds to each table."""
        published = PublishedEntry(
            as_written=article.published.isoformat(),
            start=article.published,
            end=article.published,
            precision="day",
            basis="stated",
        )
        claims = [self.claim(article, entry) for entry in article.entries["claims"]]
        return {
            "sources": [self.source(article)],
            "source_flags": [flag_row(article, entry) for entry in article.entries["flags"]],
            "actor_mentions": list(self.mentions(article)),
            "claims": claims,
            "claim_propositions": [link for claim in claims for link in self.claim_links(claim, article)],
            "force_figures": [figure_row(article, entry, published) for entry in article.entries["figures"]],
            "event_mentions": [self.mention(article, entry, published) for entry in article.entries["event_mentions"]],
            "uncoded_numbers": [uncoded_row(article, entry) for entry in article.entries["uncoded_numbers"]],
        }

    def source(self, article: Article) -> Row:
        """The article's sources row; its independence group follows the story it retells, if any."""
        related = [
            entry.fields["related_source_id"]
            for entry in article.entries["flags"]
            if "related_source_id" in entry.fields
        ]
        self.groups[article.id] = self.groups[related[0]] if related else article.id
        day = article.published.isoformat()
        text = article.text
        return {
            "source_id": article.id,
            "file_name": f"{article.id}.txt",
            "outlet": article.outlet,
            "headline": article.headline,
            "published_as_written": day,
            "published_start": article.published,
            "published_end": article.published,
            "published_precision": "day",
            "published_basis": "stated",
            "language": "en",
            **text_measures(text),
            "independence_group": self.groups[article.id],
            "text": text,
        }

    def mentions(self, article: Article) -> Iterator[Row]:
        """Every alias occurrence, less those the article codes as not naming the actor."""
        skipped = {entry.start for entry in article.entries["not_mentions"]}
        for match in self.matcher.find(article.text):
            if match.start not in skipped:
                yield {
                    "source_id": article.id,
                    "char_start": match.start,
                    "char_end": match.end,
                    "quote": match.alias,
                    "actor_id": self.owner[match.alias],
                }

    def claim(self, article: Article, entry: Any) -> Row:
        """A claims row, with its proposition links kept aside."""
        row = columns(Claim, entry.fields, source_id=article.id, **span(article, entry))
        row["_links"] = entry.fields.get("propositions") or []
        return row

    def claim_links(self, claim: Row, article: Article) -> Iterator[Row]:
        """The claim's claim_propositions rows, counted for the propositions table."""
        for link in claim.pop("_links"):
            self.links[link["proposition_id"]].append((claim["claim_id"], article.id, link["stance"]))
            yield columns(ClaimProposition, link, claim_id=claim["claim_id"])

    def mention(self, article: Article, entry: Any, published: PublishedEntry) -> Row:
        """An event_mentions row, its date resolved by the builders' rules."""
        fields = entry.fields
        spec = DateSpec(**fields["date"]) if "date" in fields else None
        resolved = dates.resolve(spec, published) if spec else None
        row = columns(EventMention, fields, source_id=article.id, **dates.date_columns("date", spec, resolved))
        row |= span(article, entry)
        self.events[row["event_id"]].append(row)
        return row

    def event_rows(self) -> list[Row]:
        """The events table, each event dated by the intersection of its dated mentions."""
        rows = []
        for event in event_entries(self.registry):
            mentions = self.events.get(event["event_id"], [])
            status = events.event_status([mention["status"] for mention in mentions])
            date = events.merged_date([as_mention(mention) for mention in mentions])
            row = columns(Event, event, status=status, n_sources=len({m["source_id"] for m in mentions}))
            rows.append(row | dates.interval_columns("date", date))
        return rows

    def proposition_rows(self) -> list[Row]:
        """The propositions table, with its counts of articles on each side."""
        rows = []
        for proposition in self.registry.propositions:
            links = self.links.get(proposition.id, [])
            sides = {
                stance: {source for _, source, said in links if said == stance}
                for stance in ("supports", "contradicts", "qualifies")
            }
            rows.append(
                {
                    "proposition_id": proposition.id,
                    "statement": proposition.statement,
                    "topic": proposition.topic,
                    "n_claims": len({claim for claim, _, _ in links}),
                    "n_sources_supporting": len(sides["supports"]),
                    "n_sources_contradicting": len(sides["contradicts"]),
                    "n_sources_qualifying": len(sides["qualifies"]),
                    "n_independent_supporting": len({self.groups[source] for source in sides["supports"]}),
                }
            )
        return rows


def columns(model: type[Record], fields: dict[str, Any], **computed: Any) -> Row:
    """Every column of ``model``: those in ``computed`` as given, the rest taken by name from an entry's ``fields``.

    Input field names are the release column names wherever they mean the same, as in the builders.
    """
    return {name: computed[name] if name in computed else fields.get(name) for name in model.model_fields}


def span(article: Article, entry: Any) -> Row:
    """quote, char_start and char_end of an entry."""
    return {"quote": article.text[entry.start : entry.end], "char_start": entry.start, "char_end": entry.end}


def flag_row(article: Article, entry: Any) -> Row:
    """A source_flags row."""
    return columns(SourceFlag, entry.fields, source_id=article.id, **span(article, entry))


def figure_row(article: Article, entry: Any, published: PublishedEntry) -> Row:
    """A force_figures row, its as-of date resolved by the builders' rules."""
    fields = entry.fields
    spec = DateSpec(**fields["as_of"]) if "as_of" in fields else None
    resolved = dates.resolve(spec, published) if spec else None
    row = columns(ForceFigure, fields, source_id=article.id, **dates.date_columns("as_of", spec, resolved))
    return row | span(article, entry)


def uncoded_row(article: Article, entry: Any) -> Row:
    """An uncoded_numbers row."""
    return columns(UncodedNumber, entry.fields, source_id=article.id, **span(article, entry))


def as_mention(row: Row) -> events.Mention:
    """An event_mentions row as the events builder reads it (its place: the article)."""
    return Item(Where(None, label=f"event_mentions of {row['source_id']}"), row["source_id"], None), SimpleNamespace(
        **row
    )
