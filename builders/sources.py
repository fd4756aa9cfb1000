"""Build the sources table: one row per article, with its text, hash, counts and independence group."""

from __future__ import annotations

from usiraq.builders.inputs import BuildInputs, Item, registry_items
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.enums import SourceFlagKind
from usiraq.schema.inputs import SourceEntry
from usiraq.schema.measures import text_measures
from usiraq.schema.record import Record
from usiraq.schema.tables.sources import Source

DEPENDENCE_FLAGS = (SourceFlagKind.SHARES_STORY_WITH_SOURCE, SourceFlagKind.REWRITE_OF_OTHER_OUTLET)


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per sources.yaml entry."""
    # -- load inputs
    items = list(registry_items(inputs.sources, "sources"))
    groups = independence_groups(inputs.sources.model.sources)

    # -- process
    rows = collect_rows(items, lambda item: _row(item, inputs.texts[item.entry.id], groups[item.entry.id]))

    # -- return rows
    return rows


def independence_groups(sources: list[SourceEntry]) -> dict[str, str]:
    """Each article's independence group: the smallest source id among the articles it depends on.

    Articles are joined (union-find) by every ``shares_story_with_source`` or
    ``rewrite_of_other_outlet`` flag that names a related source.

    Example:
        An article flagged as sharing its story with ``000_...`` is in group
        ``000_...``, as is ``000_...`` itself.

    """
    parent = {source.id: source.id for source in sources}

    def find(source_id: str) -> str:
        while parent[source_id] != source_id:
            parent[source_id] = parent[parent[source_id]]
            source_id = parent[source_id]
        return source_id

    for source in sources:
        for flag in source.flags:
            if flag.flag in DEPENDENCE_FLAGS and flag.related_source in parent:
                first, second = sorted((find(source.id), find(flag.related_source)))
                parent[second] = first
    return {source_id: find(source_id) for source_id in parent}


def _row(item: Item, text: str, group: str) -> Source:
    entry: SourceEntry = item.entry
    published = entry.published
    return make(
        Source,
        source_id=entry.id,
        file_name=entry.file,
        outlet=entry.outlet,
        headline=entry.headline,
        byline=entry.byline,
        url=entry.url,
        published_as_written=published.as_written if published else None,
        published_start=published.start if published else None,
        published_end=published.end if published else None,
        published_precision=published.precision if published else None,
        published_basis=published.basis if published else None,
        published_note=published.note if published else None,
        language=entry.language,
        **text_measures(text),
        independence_group=group,
        text=text,
        note=entry.note,
    )
