"""Build the tension_sides table: each side's evidence, found in its article as every span is."""

from __future__ import annotations

from collections.abc import Iterator

from usiraq.builders import quotes
from usiraq.builders.errors import InputError
from usiraq.builders.inputs import BuildInputs, Item
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.inputs import TensionSpanEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.claims import Claim
from usiraq.schema.tables.tensions import TensionSide

SIDES = ("a", "b")


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per span of side ``a`` and side ``b`` of every tension."""
    # -- load inputs
    items = list(_spans(inputs))
    claims = {claim.claim_id: claim for claim in built.get("claims", []) if isinstance(claim, Claim)}

    # -- process
    rows = collect_rows(items, lambda item: _row(item, inputs.texts[item.source_id], claims))

    # -- return rows
    return rows


def _spans(inputs: BuildInputs) -> Iterator[Item]:
    loaded = inputs.tensions
    for index, tension in enumerate(loaded.model.tensions):
        for side in SIDES:
            for position, span in enumerate(getattr(tension, side)):
                loc = ("tensions", index, side, position)
                yield Item(loaded.where(*loc), span.source, (tension.id, side, span), loaded.doc, loc)


def _row(item: Item, text: str, claims: dict[str, Claim]) -> TensionSide:
    tension_id, side, span_entry = item.entry
    entry: TensionSpanEntry = span_entry
    span = quotes.resolve(text, entry)
    claim = claims.get(entry.claim) if entry.claim is not None else None
    if claim is not None and not (claim.char_start < span.end and span.start < claim.char_end):
        raise InputError(f"claim {claim.claim_id!r} quotes other words of the article ({claim.quote!r})", ("claim",))
    return make(
        TensionSide,
        tension_id=tension_id,
        side=side,
        source_id=entry.source,
        quote=span.quote,
        char_start=span.start,
        char_end=span.end,
        claim_id=entry.claim,
        note=entry.note,
    )
