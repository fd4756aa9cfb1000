"""``id-format``: identifiers are well-formed slugs and primary keys are unique."""

from __future__ import annotations

import re
from collections.abc import Iterator

from usiraq.schema import TABLES
from usiraq.schema.fields import SLUG_PATTERN
from usiraq.schema.generate.frictionless import portable_pattern
from usiraq.schema.introspect import ColumnSpec, columns
from usiraq.schema.record import Record
from usiraq.validation.checks.base import Check, short
from usiraq.validation.report import Finding
from usiraq.validation.sqltext import identifier, identifiers, literal
from usiraq.validation.tables import Tables

ID_TYPES = frozenset({"SourceId", "ActorId", "EventId", "ClaimId", "PropositionId", "TensionId", "RowId"})
"""Shared field types (schema/fields.py) that hold identifiers."""


def id_columns(model: type[Record]) -> list[ColumnSpec]:
    """The columns of a table that hold identifiers."""
    return [column for column in columns(model) if column.shared_type in ID_TYPES]


def id_error(value: str, column: ColumnSpec) -> str | None:
    """Why ``value`` is not a well-formed identifier for ``column``, or ``None``."""
    pattern = column.constraints.get("pattern")
    if pattern and not re.match(pattern, value):
        return f"{column.name} {short(value)} is not a slug (lower-case letters and digits joined by - or _)"
    limit = column.constraints.get("max_length")
    if limit is not None and len(value) > limit:
        return f"{column.name} {short(value)} is longer than {limit} characters"
    return None


def run(tables: Tables) -> Iterator[Finding]:
    """Check every identifier cell and every primary key."""
    for model in TABLES:
        yield from _format_errors(tables, model)
        yield from _duplicate_keys(tables, model)


def _format_errors(tables: Tables, model: type[Record]) -> Iterator[Finding]:
    """Cells SQL cannot vouch for (not plain ASCII slugs within the limit) are judged by :func:`id_error`."""
    specs = id_columns(model)
    if not specs:
        return
    names = identifiers(column.name for column in specs)
    slug = literal(portable_pattern(SLUG_PATTERN))
    doubtful = " OR ".join(
        f"NOT (regexp_full_match({identifier(column.name)}, {slug}) "
        f"AND length({identifier(column.name)}) <= {column.constraints.get('max_length', 1 << 30)})"
        for column in specs
    )
    for row, *values in tables.query(
        f"SELECT _row, {names} FROM {{{model.table_name}}} WHERE {doubtful} ORDER BY _row"
    ):
        for column, value in zip(specs, values, strict=True):
            message = id_error(value, column) if value is not None else None
            if message:
                yield Finding(model.table_name, message, row, column.name)


def _duplicate_keys(tables: Tables, model: type[Record]) -> Iterator[Finding]:
    """Rows whose primary key an earlier row has: grouped in SQL, only the repeats come back."""
    key = model.primary_key
    names = identifiers(key)
    keyed = ", ".join(f"t.{identifier(name)}" for name in key)
    complete = " AND ".join(f"{identifier(name)} IS NOT NULL" for name in key)
    same = " AND ".join(f"t.{identifier(name)} = d.{identifier(name)}" for name in key)
    view = f"{{{model.table_name}}}"
    repeated = f"SELECT {names} FROM {view} WHERE {complete} GROUP BY ALL HAVING count(*) > 1"
    if not tables.query(f"SELECT 1 FROM ({repeated}) LIMIT 1"):
        return  # the usual case: one grouping finds no repeat, and the rows need not be numbered
    query = (
        f"SELECT _row, first, {names} FROM (SELECT t._row, {keyed}, min(t._row) OVER (PARTITION BY {keyed}) AS first "
        f"FROM {view} t SEMI JOIN ({repeated}) d ON {same}) WHERE _row > first ORDER BY _row"
    )
    for row, first, *values in tables.query(query):
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(key, values, strict=True))
        yield Finding(model.table_name, f"primary key ({shown}) repeats row {first}", row, ",".join(key))


CHECK = Check(
    code="id-format",
    description="Identifiers are slugs of at most 80 characters, and no primary key repeats.",
    error="{field} {value!r} is not a slug / primary key ({key}) repeats row {row}",
    tables=tuple(model.table_name for model in TABLES),
    run=run,
)
