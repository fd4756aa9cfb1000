"""The review gate: no suggestion of ``usiraq draft`` reaches a release unreviewed.

A drafted annotation file marks every entry ``suggested: true``. The build
refuses each such entry, naming the file and the line of its marker; deleting
the marker accepts the entry. Suggested new actors are refused whatever their
marker says: they belong in the registry, not in an annotation file.
"""

from __future__ import annotations

from usiraq.builders.errors import Problem
from usiraq.builders.inputs import Loaded
from usiraq.schema.inputs import AnnotationFile

REVIEWED_LISTS = ("claims", "figures", "event_mentions", "not_mentions", "uncoded_numbers")
"""The annotation lists whose entries may carry ``suggested: true``."""


def suggestion_problems(annotations: dict[str, Loaded[AnnotationFile]]) -> list[Problem]:
    """One problem per entry still marked as a suggestion, and per suggested new actor, at its line."""
    problems: list[Problem] = []
    for loaded in annotations.values():
        for kind in REVIEWED_LISTS:
            for index, entry in enumerate(getattr(loaded.model, kind)):
                if entry.suggested:
                    message = (
                        "a suggestion nobody has reviewed (suggested: true): check it against the article, "
                        "correct it, then delete the `suggested` key to accept it, or delete the entry"
                    )
                    problems.append(loaded.where(kind, index, "suggested").problem(message))
        for index, actor in enumerate(loaded.model.new_actors):
            message = (
                f"suggested new actor {actor.name!r}: add it to registry/actors.yaml, or the name to "
                "registry/non_actor_names.yaml, then delete this entry"
            )
            problems.append(loaded.where("new_actors", index).problem(message))
    return problems
