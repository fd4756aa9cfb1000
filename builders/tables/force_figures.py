"""Build the force_figures table: every coded number about forces, with bounds, hedges and as-of dates."""

from __future__ import annotations

from usiraq.builders import dates, quotes
from usiraq.builders.columns import carried, evidence
from usiraq.builders.errors import inside
from usiraq.builders.inputs import BuildInputs, Item
from usiraq.builders.rows import collect_rows, make, require_in_quote
from usiraq.schema.inputs import FigureEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.force_figures import ForceFigure

IN_QUOTE = ("number_text", "qualifier", "counted_as_written")
"""The fields of a figure that hold words as written, so must occur in its quote."""


def force_figures(inputs: BuildInputs) -> list[Record]:
    """One row per ``figures`` entry of every annotation file."""
    return collect_rows(inputs.items("figures"), lambda item: _figure(item, inputs))


def _figure(item: Item, inputs: BuildInputs) -> ForceFigure:
    figure: FigureEntry = item.entry
    span = quotes.resolve(inputs.texts[item.source_id], figure)
    for name in IN_QUOTE:
        require_in_quote(name, getattr(figure, name), span.quote)
    with inside("as_of"):
        as_of = dates.resolve(figure.as_of, inputs.published(item.source_id), span.quote) if figure.as_of else None
    return make(
        ForceFigure,
        **carried(figure, ForceFigure),
        source_id=item.source_id,
        **dates.date_columns("as_of", figure.as_of, as_of),
        **evidence(span),
    )
