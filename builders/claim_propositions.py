"""Build the claim_propositions table: how each claim bears on the propositions it is linked to."""

from __future__ import annotations

from collections.abc import Iterator

from usiraq.builders.inputs import BuildInputs, Item, nested_items
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.record import Record
from usiraq.schema.tables.claims import ClaimProposition


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per ``propositions`` link of every claim."""
    # -- load inputs
    items = list(_links(inputs))

    # -- process
    rows = collect_rows(items, _row)

    # -- return rows
    return rows


def _links(inputs: BuildInputs) -> Iterator[Item]:
    for source_id, loaded in inputs.annotations.items():
        for item in nested_items(loaded, "claims", "propositions"):
            yield item._replace(source_id=source_id)


def _row(item: Item) -> ClaimProposition:
    claim, link = item.entry
    return make(
        ClaimProposition,
        claim_id=claim.id,
        proposition_id=link.proposition,
        stance=link.stance,
        note=link.note,
    )
