"""Warnings for a coder to review: they do not stop the build."""

from __future__ import annotations

from usiraq.builders.errors import display_path
from usiraq.builders.inputs import ARTICLES_DIR, BuildInputs
from usiraq.builders.mentions import unmatched_capitalised_names
from usiraq.builders.release import Tables


def warnings(inputs: BuildInputs, tables: Tables) -> list[str]:
    """Every warning of the build, one line each."""
    found = [
        f"{display_path(inputs.root / ARTICLES_DIR / inputs.source(name.source_id).file_name)}:{name.line}: {name}"
        for name in unmatched_capitalised_names(inputs)
    ]
    listed = {entry.file_name for entry in inputs.sources.model.sources}
    for path in sorted((inputs.root / ARTICLES_DIR).glob("*.txt")):
        if path.name not in listed:
            found.append(f"{display_path(path)}: article not listed in sources.yaml, so not built")
    propositions = tables.get("propositions")
    if propositions is not None:
        counts = zip(propositions["proposition_id"].to_pylist(), propositions["n_claims"].to_pylist(), strict=True)
        unlinked = [proposition_id for proposition_id, n_claims in counts if n_claims == 0]
        found.extend(f"proposition {proposition_id!r}: no claim is linked to it" for proposition_id in unlinked)
    return found
