"""Build the event_mentions table: each article's mention of a registry event, with its resolved date."""

from __future__ import annotations

from usiraq.builders import dates, quotes
from usiraq.builders.errors import InputError, inside
from usiraq.builders.inputs import BuildInputs, Item
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.inputs import EventMentionEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.events import EventMention


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per ``event_mentions`` entry of every annotation file."""
    # -- load inputs
    items = list(inputs.items("event_mentions"))

    # -- process
    rows = collect_rows(items, lambda item: mention_row(item, inputs))

    # -- return rows
    return rows


def mention_row(item: Item, inputs: BuildInputs) -> EventMention:
    """The row of one mention: its span, and its date resolved against the article's publication date.

    Raises:
        InputError: the quote or the date cannot be resolved, or the row is invalid.

    """
    mention: EventMentionEntry = item.entry
    span = quotes.resolve(inputs.texts[item.source_id], mention)
    with inside("date"):
        date = dates.resolve(mention.date, inputs.published(item.source_id), span.quote) if mention.date else None
    return make(
        EventMention,
        event_id=mention.event,
        source_id=item.source_id,
        status=mention.status,
        **dates.date_columns("date", mention.date, date),
        quote=span.quote,
        char_start=span.start,
        char_end=span.end,
        note=mention.note,
    )


def mention_rows(inputs: BuildInputs) -> list[tuple[Item, EventMention]]:
    """Every mention that builds, with its item (those that fail are reported by :func:`run`)."""
    pairs = []
    for item in inputs.items("event_mentions"):
        try:
            pairs.append((item, mention_row(item, inputs)))
        except InputError:
            continue
    return pairs
