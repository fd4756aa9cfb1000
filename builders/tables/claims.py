"""Build the claims tables: claims and their claim_propositions links from the annotations, propositions counted."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from usiraq.builders import quotes
from usiraq.builders.columns import carried, evidence
from usiraq.builders.inputs import BuildInputs, Item, nested_items, registry_items
from usiraq.builders.rows import collect_rows, make, require_in_quote
from usiraq.schema.enums import Stance
from usiraq.schema.inputs import ClaimEntry, PropositionEntry, PropositionLink
from usiraq.schema.record import Record
from usiraq.schema.tables.claims import Claim, ClaimProposition, Proposition
from usiraq.schema.tables.sources import Source

IN_QUOTE = ("speaker_as_written", "cue", "hedge")
"""The fields of a claim that hold words as written, so must occur in its quote."""


def claims(inputs: BuildInputs) -> list[Record]:
    """One row per ``claims`` entry of every annotation file."""
    return collect_rows(inputs.items("claims"), lambda item: _claim(item, inputs.texts[item.source_id]))


def propositions(
    inputs: BuildInputs,
    sources: Sequence[Source],
    claims: Sequence[Claim],
    claim_propositions: Sequence[ClaimProposition],
) -> list[Record]:
    """One row per proposition of registry/propositions.yaml, counted over the built claim links."""
    links: dict[str, list[ClaimProposition]] = {}
    for link in claim_propositions:
        links.setdefault(link.proposition_id, []).append(link)
    source_of = {claim.claim_id: claim.source_id for claim in claims}
    group_of = {source.source_id: source.independence_group for source in sources}
    items = registry_items(inputs.propositions, "propositions")
    return collect_rows(
        items, lambda item: _proposition(item.entry, links.get(item.entry.proposition_id, []), source_of, group_of)
    )


def claim_propositions(inputs: BuildInputs) -> list[Record]:
    """One row per ``propositions`` link of every claim."""
    return collect_rows(_links(inputs), _link)


def _claim(item: Item, text: str) -> Claim:
    claim: ClaimEntry = item.entry
    span = quotes.resolve(text, claim)
    for name in IN_QUOTE:
        require_in_quote(name, getattr(claim, name), span.quote)
    return make(Claim, **carried(claim, Claim), source_id=item.source_id, **evidence(span))


def _links(inputs: BuildInputs) -> Iterator[Item]:
    for source_id, loaded in inputs.annotations.items():
        for item in nested_items(loaded, "claims", "propositions"):
            yield item._replace(source_id=source_id)


def _link(item: Item) -> ClaimProposition:
    claim: ClaimEntry
    link: PropositionLink
    claim, link = item.entry
    return make(ClaimProposition, **carried(link, ClaimProposition), claim_id=claim.claim_id)


def _proposition(
    entry: PropositionEntry, mine: list[ClaimProposition], source_of: dict[str, str], group_of: dict[str, str]
) -> Proposition:
    """The proposition ``entry``, counted over ``mine``, the claim links to it."""

    def sources(stance: Stance) -> set[str]:
        return {source_of[link.claim_id] for link in mine if link.stance == stance and link.claim_id in source_of}

    supporting = sources(Stance.SUPPORTS)
    return make(
        Proposition,
        **carried(entry, Proposition),
        n_claims=len({link.claim_id for link in mine}),
        n_sources_supporting=len(supporting),
        n_sources_contradicting=len(sources(Stance.CONTRADICTS)),
        n_sources_qualifying=len(sources(Stance.QUALIFIES)),
        n_independent_supporting=len({group_of.get(source, source) for source in supporting}),
    )
