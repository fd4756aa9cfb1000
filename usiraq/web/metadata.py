"""Datasette metadata for usiraq.sqlite, generated from the schema models, never written by hand.

Title, version, licence, citation and source; every table's title and
description; every column's description with its allowed values; the facets
and label column chosen per table. Foreign keys and full-text search need no
metadata: Datasette reads them from the database.

Example:
    >>> metadata()["databases"]["usiraq"]["tables"]["claims"]["facets"][:2]
    ['modality', 'attribution_kind']

"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from usiraq.schema.introspect import ColumnSpec

DATABASE = "usiraq"

FACETS: dict[str, tuple[str, ...]] = {
    "sources": ("outlet", "published_precision", "independence_group"),
    "source_flags": ("flag", "source_id"),
    "actors": ("actor_type", "country"),
    "actor_aliases": ("alias_kind", "actor_id"),
    "actor_mentions": ("actor_id", "source_id"),
    "claims": ("modality", "attribution_kind", "topic", "speaker_actor_id"),
    "propositions": ("topic",),
    "claim_propositions": ("stance", "proposition_id"),
    "force_figures": ("quantity", "force_actor_id"),
    "events": ("event_type", "status", "date_precision"),
    "event_mentions": ("status", "date_precision", "source_id"),
    "event_actors": ("role", "actor_id"),
    "uncoded_numbers": ("reason", "source_id"),
    "tensions": ("kind", "scope"),
    "tension_sides": ("side", "source_id"),
}
"""Columns offered as facets on each table page, in the order shown."""

LABEL_COLUMNS: dict[str, str] = {
    "sources": "headline",
    "actors": "name",
    "claims": "content",
    "propositions": "statement",
    "events": "summary",
    "tensions": "summary",
}
"""The column shown beside a key where another table links to this one."""


def column_description(spec: ColumnSpec) -> str:
    """A column's description, with its allowed values when the schema restricts them."""
    description = spec.description
    if spec.enum is not None:
        description += " Allowed values: " + "; ".join(f"{value} ({value.meaning})" for value in spec.enum) + "."
    elif spec.shared_type == "Country":
        description += " Allowed values: ISO 3166-1 alpha-3 codes."
    return description


def table_metadata(model: Any) -> dict[str, Any]:
    """One table's Datasette metadata: title, description, column descriptions, facets, label column."""
    from usiraq.schema.introspect import columns

    entry: dict[str, Any] = {
        "title": model.table_title,
        "description": model.table_description,
        "columns": {spec.name: column_description(spec) for spec in columns(model)},
        "facets": list(FACETS.get(model.table_name, ())),
    }
    if model.table_name in LABEL_COLUMNS:
        entry["label_column"] = LABEL_COLUMNS[model.table_name]
    return entry


def metadata(database: str = DATABASE) -> dict[str, Any]:
    """Datasette's metadata for the release: the instance, the database (named ``database``) and every table."""
    from usiraq.citation import cite
    from usiraq.schema import TABLES
    from usiraq.schema.generate.frictionless import DATA_LICENSE
    from usiraq.schema.version import data_version

    version = data_version()
    title = f"usiraq {version}: the 2024 US-Iraq talks on US troops, evidence-linked"
    return {
        "title": title,
        "description_html": (
            "<p>Claims, force figures, events and actors coded by hand from news articles; every coded row "
            'carries the article\'s exact words. Read <a href="/-/articles">the articles with every coded span '
            'marked</a>, <a href="/-/conflicts">where they disagree</a>, or <a href="/-/search">search '
            f"everything</a>.</p><p>Version {html.escape(version)}. Cite as: {html.escape(cite('apa'))}</p>"
        ),
        "license": DATA_LICENSE["name"],
        "license_url": DATA_LICENSE["path"],
        "source": "News articles, held in full in the sources table",
        "source_url": f"/{database}/sources",
        "databases": {
            database: {
                "title": title,
                "description": f"The usiraq release, version {version}.",
                "tables": {model.table_name: table_metadata(model) for model in TABLES},
            }
        },
    }


def metadata_json() -> str:
    """The metadata as the text of a metadata.json file (sorted keys, so the same schema gives the same text)."""
    return json.dumps(metadata(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
