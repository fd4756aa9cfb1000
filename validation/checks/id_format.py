"""``id-format``: identifiers are well-formed slugs and primary keys are unique."""

from __future__ import annotations

import re
from collections.abc import Iterator

from usiraq.schema import TABLES
from usiraq.schema.introspect import ColumnSpec, columns
from usiraq.schema.record import Record
from usiraq.validation.checks.base import Check, short
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables

ID_TYPES = frozenset({"SourceId", "ActorId", "EventId", "ClaimId", "PropositionId", "RowId"})
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
    specs = id_columns(model)
    for number, row in tables.numbered(model.table_name):
        for column in specs:
            value = row[column.name]
            message = id_error(value, column) if value is not None else None
            if message:
                yield Finding(model.table_name, message, number, column.name)


def _duplicate_keys(tables: Tables, model: type[Record]) -> Iterator[Finding]:
    first_seen: dict[tuple[object, ...], int] = {}
    key = model.primary_key
    for number, row in tables.numbered(model.table_name):
        values = tuple(row[name] for name in key)
        if None in values:
            continue
        if values in first_seen:
            shown = ", ".join(f"{name}={value!r}" for name, value in zip(key, values, strict=True))
            message = f"primary key ({shown}) repeats row {first_seen[values]}"
            yield Finding(model.table_name, message, number, ",".join(key))
        else:
            first_seen[values] = number


CHECK = Check(
    code="id-format",
    description="Identifiers are slugs of at most 80 characters, and no primary key repeats.",
    error="{field} {value!r} is not a slug / primary key ({key}) repeats row {row}",
    tables=tuple(model.table_name for model in TABLES),
    run=run,
)
