"""``enum-values``: every coded column holds only the values its enum declares."""

from __future__ import annotations

from collections.abc import Iterator

from usiraq.schema import TABLES
from usiraq.schema.introspect import columns
from usiraq.validation.checks.base import Check, short
from usiraq.validation.report import Finding
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
    """Compare every enum cell with the values its column declares."""
    for table, specs in enum_columns().items():
        for number, row in tables.numbered(table):
            for name, allowed in specs.items():
                value = row[name]
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
