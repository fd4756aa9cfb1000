"""``tension-claims``: a tension side's claim is a claim of the same article that quotes the same words.

Where a span of ``tension_sides`` names a ``claim_id``, the claim must be in
the span's article and its quote must overlap the span: the claim is the
coded statement those words belong to, not another one. A dangling claim_id
is left to the standards gate (its foreign keys).
"""

from __future__ import annotations

from collections.abc import Iterator

from usiraq.validation.checks.base import Check
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables

_QUERY = """
SELECT s._row, s.claim_id, s.source_id, s.char_start, s.char_end, c.source_id, c.char_start, c.char_end
FROM {tension_sides} s JOIN {claims} c USING (claim_id)
WHERE s.source_id IS DISTINCT FROM c.source_id OR NOT (c.char_start < s.char_end AND s.char_start < c.char_end)
ORDER BY s._row
"""


def claim_error(claim_id: str, side: tuple[str, int, int], claim: tuple[str, int, int]) -> str:
    """Why claim ``claim_id`` at ``claim`` (source, start, end) does not fit the side's span at ``side``.

    Example:
        >>> claim_error("001-x", ("001", 10, 20), ("003", 10, 20))
        'claim 001-x is in 003, not in the span article 001'

    """
    if side[0] != claim[0]:
        return f"claim {claim_id} is in {claim[0]}, not in the span article {side[0]}"
    return f"claim {claim_id} quotes {claim[1]}:{claim[2]}, which does not overlap the span {side[1]}:{side[2]}"


def run(tables: Tables) -> Iterator[Finding]:
    """Join each side naming a claim to the claim, keeping only those in another article or elsewhere in it."""
    for number, claim_id, *cells in tables.query(_QUERY):
        side, claim = (cells[0], cells[1], cells[2]), (cells[3], cells[4], cells[5])
        yield Finding("tension_sides", claim_error(claim_id, side, claim), number, "claim_id")


CHECK = Check(
    code="tension-claims",
    description="A tension side's claim is a claim of the side's article whose quote overlaps the side's words.",
    error="claim {claim_id} is in {claim_source}, not in the span article {source_id} / does not overlap the span",
    tables=("tension_sides",),
    run=run,
)
