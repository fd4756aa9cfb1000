"""Warnings for a coder to review: they do not stop the build."""

from __future__ import annotations

from usiraq.builders.actor_mentions import alias_owners
from usiraq.builders.errors import display_path
from usiraq.builders.inputs import ARTICLES_DIR, BuildInputs
from usiraq.builders.mentions import UnmatchedName, find_aliases, unmatched_names
from usiraq.schema.record import Record
from usiraq.schema.tables.claims import Proposition


def unmatched_capitalised_names(inputs: BuildInputs) -> list[UnmatchedName]:
    """Capitalised names in the articles that match no alias and are not in registry/non_actor_names.yaml.

    Every occurrence of an alias counts as reviewed, including those a
    ``not_mentions`` entry removes from actor_mentions.
    """
    aliases = list(alias_owners(inputs))
    reviewed = inputs.non_actor_names.model.names
    found: list[UnmatchedName] = []
    for source_id, text in inputs.texts.items():
        found.extend(unmatched_names(source_id, text, find_aliases(text, aliases), reviewed))
    return found


def warnings(inputs: BuildInputs, built: dict[str, list[Record]]) -> list[str]:
    """Every warning of the build, one line each."""
    found = [str(name) for name in unmatched_capitalised_names(inputs)]
    listed = {entry.file for entry in inputs.sources.model.sources}
    for path in sorted((inputs.root / ARTICLES_DIR).glob("*.txt")):
        if path.name not in listed:
            found.append(f"{display_path(path)}: article not listed in sources.yaml, so not built")
    for row in built.get("propositions", []):
        if isinstance(row, Proposition) and row.n_claims == 0:
            found.append(f"proposition {row.proposition_id!r}: no claim is linked to it")
    return found
