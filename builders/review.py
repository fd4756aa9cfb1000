"""Warnings for a coder to review: they do not stop the build."""

from __future__ import annotations

from usiraq.builders.errors import display_path
from usiraq.builders.inputs import ARTICLES_DIR, BuildInputs
from usiraq.builders.mentions import unmatched_capitalised_names
from usiraq.schema.record import Record
from usiraq.schema.tables.claims import Proposition


def warnings(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[str]:
    """Every warning of the build, one line each."""
    found = [
        f"{display_path(inputs.root / ARTICLES_DIR / inputs.source(name.source_id).file_name)}:{name.line}: {name}"
        for name in unmatched_capitalised_names(inputs)
    ]
    listed = {entry.file_name for entry in inputs.sources.model.sources}
    for path in sorted((inputs.root / ARTICLES_DIR).glob("*.txt")):
        if path.name not in listed:
            found.append(f"{display_path(path)}: article not listed in sources.yaml, so not built")
    for row in built.get("propositions", []):
        if isinstance(row, Proposition) and row.n_claims == 0:
            found.append(f"proposition {row.proposition_id!r}: no claim is linked to it")
    return found
