"""Build the claims table: the attributed statements of every annotation."""

from __future__ import annotations

from usiraq.builders import quotes
from usiraq.builders.inputs import BuildInputs, Item
from usiraq.builders.rows import collect_rows, make, require_in_quote
from usiraq.schema.inputs import ClaimEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.claims import Claim


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per ``claims`` entry of every annotation file."""
    # -- load inputs
    items = list(inputs.items("claims"))

    # -- process
    rows = collect_rows(items, lambda item: _row(item, inputs.texts[item.source_id]))

    # -- return rows
    return rows


def _row(item: Item, text: str) -> Claim:
    claim: ClaimEntry = item.entry
    span = quotes.resolve(text, claim)
    for name in ("speaker_as_written", "cue", "hedge"):
        require_in_quote(name, getattr(claim, name), span.quote)
    return make(
        Claim,
        claim_id=claim.id,
        source_id=item.source_id,
        speaker_actor_id=claim.speaker,
        speaker_as_written=claim.speaker_as_written,
        attribution_kind=claim.attribution,
        cue=claim.cue,
        modality=claim.modality,
        hedge=claim.hedge,
        topic=claim.topic,
        content=claim.content,
        quote=span.quote,
        char_start=span.start,
        char_end=span.end,
        note=claim.note,
    )
