"""``references-resolve``: every foreign key the models declare points at an existing row."""

from __future__ import annotations

from collections.abc import Iterator

from usiraq.schema import TABLES, model_for
from usiraq.schema.record import ForeignKey, Record
from usiraq.validation.checks.base import Check
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables


def run(tables: Tables) -> Iterator[Finding]:
    """Look up every foreign key value of every table in the table it references (an anti-join each)."""
    for model in TABLES:
        for foreign_key in model.foreign_keys:
            yield from _dangling(tables, model, foreign_key)


def _dangling(tables: Tables, model: type[Record], foreign_key: ForeignKey) -> Iterator[Finding]:
    model_for(foreign_key.table)  # a key into an unknown table is a schema bug: fail loudly
    target = f"{foreign_key.table}.{','.join(foreign_key.reference_fields)}"
    pairs = list(zip(foreign_key.fields, foreign_key.reference_fields, strict=True))
    selected = ", ".join(f'c."{name}"' for name in foreign_key.fields)
    complete = " AND ".join(f'c."{name}" IS NOT NULL' for name in foreign_key.fields)
    matched = " AND ".join(f'p."{reference}" = c."{name}"' for name, reference in pairs)
    query = (
        f"SELECT c._row, {selected} FROM {{{model.table_name}}} c ANTI JOIN {{{foreign_key.table}}} p "
        f"ON {matched} WHERE {complete} ORDER BY c._row"
    )
    for number, *values in tables.query(query):
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
