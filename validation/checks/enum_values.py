"""``enum-values``: every coded column holds only the values its enum declares."""

from __future__ import annotations

from collections.abc import Iterator

from usiraq.schema import TABLES
from usiraq.schema.introspect import columns
from usiraq.validation.checks.base import Check, short
from usiraq.validation.report import Finding
from usiraq.validation.sqltext import identifier, identifiers, literals
from usiraq.validation.tables import Tables


def enum_columns() -> dict[str, dict[str, frozenset[str]]]:
    """Per table, each enum column and its declared values (from schema/enums.py via the models)."""
    found: dict[str, dict[str, frozenset[str]]] = {}
    for model in TABLES:
        specs = {column.name: frozenset(column.enum.values()) for column in columns(model) if column.enum}
        if specs:
            found[model.table_name] = specs
    return found


def run(tables: Tables) -> Iterator[Finding]:
    """Compare every enum cell with the values its column declares: one SQL scan per table."""
    for table, specs in enum_columns().items():
        names = list(specs)
        outside = " OR ".join(f"{identifier(name)} NOT IN ({literals(sorted(specs[name]))})" for name in names)
        selected = identifiers(names)
        for number, *values in tables.query(f"SELECT _row, {selected} FROM {{{table}}} WHERE {outside} ORDER BY _row"):
            for name, value in zip(names, values, strict=True):
                allowed = specs[name]
                if value is not None and value not in allowed:
                    message = f"{name} {short(value)} is not one of: {', '.join(sorted(allowed))}"
                    yield Finding(table, message, number, name)


CHECK = Check(
    code="enum-values",
    description="Every enum column holds only values its enum in schema/enums.py declares.",
    error="{field} {value!r} is not one of: {allowed}",
    tables=tuple(enum_columns()),
    run=run,
)
