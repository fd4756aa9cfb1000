"""Build the propositions table: registry statements with counts of the articles on each side."""

from __future__ import annotations

from usiraq.builders.inputs import BuildInputs, Item, registry_items
from usiraq.builders.rows import collect_rows, make
from usiraq.schema.enums import Stance
from usiraq.schema.inputs import PropositionEntry
from usiraq.schema.record import Record
from usiraq.schema.tables.claims import Claim, ClaimProposition, Proposition
from usiraq.schema.tables.sources import Source


def run(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
    """One row per proposition of registry/propositions.yaml, counted over the built claim links."""
    # -- load inputs
    items = list(registry_items(inputs.propositions, "propositions"))
    links: dict[str, list[ClaimProposition]] = {}
    for link in built.get("claim_propositions", []):
        if isinstance(link, ClaimProposition):
            links.setdefault(link.proposition_id, []).append(link)
    source_of = {claim.claim_id: claim.source_id for claim in built.get("claims", []) if isinstance(claim, Claim)}
    group_of = {s.source_id: s.independence_group for s in built.get("sources", []) if isinstance(s, Source)}

    # -- process
    rows = collect_rows(items, lambda item: _row(item, links.get(item.entry.id, []), source_of, group_of))

    # -- return rows
    return rows


def _row(item: Item, mine: list[ClaimProposition], source_of: dict[str, str], group_of: dict[str, str]) -> Proposition:
    """The proposition of ``item``, counted over ``mine``, the claim links to it."""
    entry: PropositionEntry = item.entry

    def sources(stance: Stance) -> set[str]:
        return {source_of[link.claim_id] for link in mine if link.stance == stance and link.claim_id in source_of}

    supporting = sources(Stance.SUPPORTS)
    return make(
        Proposition,
        proposition_id=entry.id,
        statement=entry.statement,
        topic=entry.topic,
        n_claims=len({link.claim_id for link in mine}),
        n_sources_supporting=len(supporting),
        n_sources_contradicting=len(sources(Stance.CONTRADICTS)),
        n_sources_qualifying=len(sources(Stance.QUALIFIES)),
        n_independent_supporting=len({group_of.get(source, source) for source in supporting}),
        note=entry.note,
    )
