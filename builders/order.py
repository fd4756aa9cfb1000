"""Which function builds each release table, and which tables it reads: declared once, in :data:`BUILDERS`.

:data:`BUILDERS` lists the tables in schema order (:data:`usiraq.schema.TABLE_NAMES`,
the order of the documentation and of datapackage.json). That order is not
quite a build order: propositions count the claim_propositions links listed
after them, and events are dated from the event_mentions listed after them.
So the schema order stays the one order that is written down, and the build
order, :data:`BUILD_ORDER`, is derived from it and from each entry's
``reads``: every table as early as the schema puts it, but after the tables
it reads.

Each builder is called as ``build(inputs, *rows)``, with the rows of the
tables named in ``reads``, in that order, as its further arguments (named as
those tables); a builder that reads no table takes the inputs alone.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from usiraq.builders.inputs import BuildInputs
from usiraq.builders.tables import actors, claims, events, force_figures, sources, tensions, uncoded_numbers
from usiraq.schema import TABLE_NAMES
from usiraq.schema.record import Record

Build = Callable[..., list[Record]]
"""A table's builder: ``build(inputs, *rows of the tables it reads)``, returning the table's rows."""


@dataclass(frozen=True)
class Builder:
    """How one table is built: the function, and the tables whose rows it reads (built before it)."""

    build: Build
    reads: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        """Refuse a function whose parameters are not ``inputs`` and then the tables read, in order.

        Raises:
            TypeError: the parameters differ.

        """
        parameters = tuple(inspect.signature(self.build).parameters)
        if parameters != ("inputs", *self.reads):
            raise TypeError(f"{self.build.__name__}{parameters} must take (inputs, {', '.join(self.reads)})")

    def run(self, inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
        """The rows of the table, from the inputs and the rows of the tables it reads, taken from ``built``."""
        return self.build(inputs, *(built[name] for name in self.reads))


BUILDERS: dict[str, Builder] = {
    "sources": Builder(sources.sources),
    "source_flags": Builder(sources.source_flags),
    "actors": Builder(actors.actors),
    "actor_aliases": Builder(actors.actor_aliases),
    "actor_mentions": Builder(actors.actor_mentions),
    "claims": Builder(claims.claims),
    "propositions": Builder(claims.propositions, reads=("sources", "claims", "claim_propositions")),
    "claim_propositions": Builder(claims.claim_propositions),
    "tensions": Builder(tensions.tensions),
    "tension_sides": Builder(tensions.tension_sides, reads=("claims",)),
    "force_figures": Builder(force_figures.force_figures),
    "events": Builder(events.events, reads=("event_mentions",)),
    "event_mentions": Builder(events.event_mentions),
    "event_actors": Builder(events.event_actors),
    "uncoded_numbers": Builder(uncoded_numbers.uncoded_numbers),
}
"""Every release table and its builder, in schema order."""


def build_order(builders: dict[str, Builder]) -> tuple[str, ...]:
    """The tables of ``builders`` in their order, each moved after the tables it reads.

    Raises:
        ValueError: a table reads a table that is not listed, or the tables read each other in a cycle.

    Example:
        >>> def a(inputs): ...
        >>> def b(inputs, a): ...
        >>> build_order({"b": Builder(b, reads=("a",)), "a": Builder(a)})
        ('a', 'b')

    """
    order: list[str] = []
    waiting = list(builders)
    while waiting:
        ready = next((name for name in waiting if set(builders[name].reads) <= set(order)), None)
        if ready is None:
            raise ValueError(f"these tables read tables not listed, or each other: {', '.join(waiting)}")
        order.append(ready)
        waiting.remove(ready)
    return tuple(order)


BUILD_ORDER: tuple[str, ...] = build_order(BUILDERS)
"""The order the tables are built in, derived from :data:`BUILDERS`."""


def builder(name: str) -> Builder:
    """The builder of table ``name``.

    Raises:
        KeyError: no table has that name; the message lists the tables.

    """
    if name not in BUILDERS:
        raise KeyError(f"no builder for {name!r}; the tables are: {', '.join(TABLE_NAMES)}")
    return BUILDERS[name]
