"""Build the sources tables: sources (one row per article) and source_flags (quality observations)."""

from __future__ import annotations

from usiraq.builders import dates, quotes
from usiraq.builders.columns import carried, evidence
from usiraq.builders.inputs import BuildInputs, Item, nested_items, registry_items
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.enums import SourceFlagKind
from usiraq.schema.inputs import FlagEntry, SourceEntry
from usiraq.schema.measures import text_measures
from usiraq.schema.record import Record
from usiraq.schema.tables.sources import Source, SourceFlag

DEPENDENCE_FLAGS = (SourceFlagKind.SHARES_STORY_WITH_SOURCE, SourceFlagKind.REWRITE_OF_OTHER_OUTLET)


def sources(inputs: BuildInputs) -> list[Record]:
    """One row per sources.yaml entry, with its text, hash, counts and independence group."""
    groups = independence_groups(inputs.sources.model.sources)
    items = registry_items(inputs.sources, "sources")
    return collect_rows(items, lambda item: _source(item.entry, inputs.texts[item.entry.source_id], groups))


def source_flags(inputs: BuildInputs) -> list[Record]:
    """One row per flag in sources.yaml, with its evidence span."""
    items = nested_items(inputs.sources, "sources", "flags", source_of=lambda source: source.source_id)
    return collect_rows(items, lambda item: _flag(item, inputs.texts[item.source_id]))


def independence_groups(entries: list[SourceEntry]) -> dict[str, str]:
    """Each article's independence group: the smallest source id among the articles it depends on.

    Articles are joined (union-find) by every ``shares_story_with_source`` or
    ``rewrite_of_other_outlet`` flag that names a related source.

    Example:
        An article flagged as sharing its story with ``000_...`` is in group
        ``000_...``, as is ``000_...`` itself.

    """
    parent = {source.source_id: source.source_id for source in entries}

    def find(source_id: str) -> str:
        while parent[source_id] != source_id:
            parent[source_id] = parent[parent[source_id]]
            source_id = parent[source_id]
        return source_id

    for source in entries:
        for flag in source.flags:
            if flag.flag in DEPENDENCE_FLAGS and flag.related_source_id in parent:
                first, second = sorted((find(source.source_id), find(flag.related_source_id)))
                parent[second] = first
    return {source_id: find(source_id) for source_id in parent}


def _source(entry: SourceEntry, text: str, groups: dict[str, str]) -> Source:
    columns = carried(entry, Source) | dates.date_columns("published", entry.published, entry.published)
    columns |= text_measures(text)  # sha256 as computed: equal to the one given, checked when the text is read
    return make(Source, **columns, independence_group=groups[entry.source_id], text=text)


def _flag(item: Item, text: str) -> SourceFlag:
    flag: FlagEntry = item.entry[1]
    return make(
        SourceFlag, **carried(flag, SourceFlag), source_id=item.source_id, **evidence(quotes.resolve(text, flag))
    )
