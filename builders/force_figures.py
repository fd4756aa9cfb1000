"""Build the force_figures table: every coded number about forces, with bounds, hedges and as-of dates."""

from __future__ import annotations

from usiraq.builders import dates, quotes
from usiraq.builders.errors import inside
from usiraq.builders.inputs import BuildInputs, Item
from usiraq.builders.rows import collect_rows, make, require_in_quote
from usiraq.schema.inputs import FigureEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.force_figures import ForceFigure


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per ``figures`` entry of every annotation file."""
    # -- load inputs
    items = list(inputs.items("figures"))

    # -- process
    rows = collect_rows(items, lambda item: _row(item, inputs))

    # -- return rows
    return rows


def _row(item: Item, inputs: BuildInputs) -> ForceFigure:
    figure: FigureEntry = item.entry
    span = quotes.resolve(inputs.texts[item.source_id], figure)
    require_in_quote("number_text", figure.number_text, span.quote)
    require_in_quote("qualifier", figure.qualifier, span.quote)
    require_in_quote("counted_as_written", figure.counted_as_written, span.quote)
    with inside("as_of"):
        as_of = dates.resolve(figure.as_of, inputs.published(item.source_id), span.quote) if figure.as_of else None
    return make(
        ForceFigure,
        figure_id=figure.id,
        source_id=item.source_id,
        claim_id=figure.claim,
        quantity=figure.quantity,
        counted_as_written=figure.counted_as_written,
        number_text=figure.number_text,
        value=figure.value,
        value_low=figure.value_low,
        value_high=figure.value_high,
        approximate=figure.approximate,
        qualifier=figure.qualifier,
        force_actor_id=figure.force,
        location_as_written=figure.location_as_written,
        location_country=figure.location_country,
        **dates.date_columns("as_of", figure.as_of, as_of),
        quote=span.quote,
        char_start=span.start,
        char_end=span.end,
        note=figure.note,
    )
