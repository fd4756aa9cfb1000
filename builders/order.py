"""The build order of the release tables, declared once.

Each name is both a release table and the module of :mod:`usiraq.builders`
that builds it; a builder may read the rows of any table built before it.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from usiraq.builders.inputs import BuildInputs
from usiraq.schema.record import Record

BUILD_ORDER: tuple[str, ...] = (
    "sources",
    "source_flags",
    "actors",
    "actor_aliases",
    "actor_mentions",
    "claims",
    "claim_propositions",
    "propositions",
    "tensions",
    "tension_sides",
    "force_figures",
    "event_mentions",
    "events",
    "event_actors",
    "uncoded_numbers",
)


class Builder(Protocol):
    """What every table module provides."""

    def run(self, inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
        """The rows of the table, built from the inputs and the tables built before it."""
        ...


def builder(name: str) -> Builder:
    """The module that builds table ``name``."""
    if name not in BUILD_ORDER:
        raise KeyError(f"no builder for {name!r}; the tables are: {', '.join(BUILD_ORDER)}")
    return importlib.import_module(f"usiraq.builders.{name}")  # type: ignore[return-value]
