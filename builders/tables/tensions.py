"""Build the tensions tables: tensions from registry/tensions.yaml, tension_sides found in their articles."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from usiraq.builders import quotes
from usiraq.builders.columns import carried, evidence
from usiraq.builders.errors import InputError
from usiraq.builders.inputs import BuildInputs, Item, registry_items
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.inputs import TensionSpanEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.claims import Claim
from usiraq.schema.tables.tensions import Tension, TensionSide

SIDES = ("a", "b")


def tensions(inputs: BuildInputs) -> list[Record]:
    """One row per tension of registry/tensions.yaml."""
    items = registry_items(inputs.tensions, "tensions")
    return collect_rows(items, lambda item: make(Tension, **carried(item.entry, Tension)))


def tension_sides(inputs: BuildInputs, claims: Sequence[Claim]) -> list[Record]:
    """One row per span of side ``a`` and side ``b`` of every tension."""
    by_id = {claim.claim_id: claim for claim in claims}
    return collect_rows(_spans(inputs), lambda item: _side(item, inputs.texts[item.source_id], by_id))


def _spans(inputs: BuildInputs) -> Iterator[Item]:
    loaded = inputs.tensions
    for index, tension in enumerate(loaded.model.tensions):
        for side in SIDES:
            for position, span in enumerate(getattr(tension, side)):
                loc = ("tensions", index, side, position)
                yield Item(loaded.where(*loc), span.source_id, (tension.tension_id, side, span), loaded.doc, loc)


def _side(item: Item, text: str, claims: dict[str, Claim]) -> TensionSide:
    tension_id, side, span_entry = item.entry
    entry: TensionSpanEntry = span_entry
    span = quotes.resolve(text, entry)
    claim = claims.get(entry.claim_id) if entry.claim_id is not None else None
    if claim is not None and not (claim.char_start < span.end and span.start < claim.char_end):
        message = f"claim {claim.claim_id!r} quotes other words of the article ({claim.quote!r})"
        raise InputError(message, ("claim_id",))
    return make(TensionSide, **carried(entry, TensionSide), tension_id=tension_id, side=side, **evidence(span))
