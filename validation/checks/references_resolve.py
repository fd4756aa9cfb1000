"""``references-resolve``: every foreign key the models declare points at an existing row."""

from __future__ import annotations

from collections.abc import Iterator

from usiraq.schema import TABLES, model_for
from usiraq.schema.record import ForeignKey, Record
from usiraq.validation.checks.base import Check
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables


def keys_of(tables: Tables, table: str, fields: tuple[str, ...]) -> set[tuple[object, ...]]:
    """Every value of ``fields`` in ``table``."""
    return {tuple(row[name] for name in fields) for row in tables.rows(table)}


def run(tables: Tables) -> Iterator[Finding]:
    """Look up every foreign key value of every table in the table it references."""
    for model in TABLES:
        for foreign_key in model.foreign_keys:
            yield from _dangling(tables, model, foreign_key)


def _dangling(tables: Tables, model: type[Record], foreign_key: ForeignKey) -> Iterator[Finding]:
    model_for(foreign_key.table)  # a key into an unknown table is a schema bug: fail loudly
    known = keys_of(tables, foreign_key.table, foreign_key.reference_fields)
    target = f"{foreign_key.table}.{','.join(foreign_key.reference_fields)}"
    for number, row in tables.numbered(model.table_name):
        values = tuple(row[name] for name in foreign_key.fields)
        if None in values or values in known:
            continue
        shown = ", ".join(repr(value) for value in values)
        message = f"{','.join(foreign_key.fields)} {shown} is not in {target}"
        yield Finding(model.table_name, message, number, ",".join(foreign_key.fields))


CHECK = Check(
    code="references-resolve",
    description="Every foreign key the table models declare (actors, claims, events, propositions, sources) resolves.",
    error="{field} {value!r} is not in {table}.{reference}",
    tables=tuple(model.table_name for model in TABLES if model.foreign_keys),
    run=run,
)
