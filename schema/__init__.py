"""The schema of the usiraq release, defined once as pydantic models.

``TABLES`` lists the release tables in documentation order (that of datapackage.json; the
build order is derived from it in :mod:`usiraq.builders.order`); every
other form of the schema (Frictionless, Arrow, pandas, JSON Schema, codebook)
is generated from these models by :mod:`usiraq.schema.generate`.
"""

from __future__ import annotations

from usiraq.schema.record import ForeignKey, Record
from usiraq.schema.tables.actors import Actor, ActorAlias, ActorMention
from usiraq.schema.tables.claims import Claim, ClaimProposition, Proposition
from usiraq.schema.tables.events import Event, EventActor, EventMention
from usiraq.schema.tables.force_figures import ForceFigure
from usiraq.schema.tables.sources import Source, SourceFlag
from usiraq.schema.tables.tensions import Tension, TensionSide
from usiraq.schema.tables.uncoded_numbers import UncodedNumber

TABLES: tuple[type[Record], ...] = (
    Source,
    SourceFlag,
    Actor,
    ActorAlias,
    ActorMention,
    Claim,
    Proposition,
    ClaimProposition,
    Tension,
    TensionSide,
    ForceFigure,
    Event,
    EventMention,
    EventActor,
    UncodedNumber,
)

TABLE_NAMES: tuple[str, ...] = tuple(model.table_name for model in TABLES)


def model_for(name: str) -> type[Record]:
    """The model of the table called ``name``.

    Raises:
        KeyError: if no table has that name; the message lists the valid names.

    """
    for model in TABLES:
        if model.table_name == name:
            return model
    raise KeyError(f"no table named {name!r}; the tables are: {', '.join(TABLE_NAMES)}")


__all__ = ["TABLES", "TABLE_NAMES", "ForeignKey", "Record", "model_for"]
