"""The standards gate: every Table Schema rule of the descriptor, as SQL over the tables read once into DuckDB.

Frictionless does what it is best at: :meth:`frictionless.Package.validate_descriptor`
checks the descriptor against the Data Package profile. Each CSV resource is
then checked in SQL generated from its Table Schema by the one typer
(:mod:`usiraq.validation.typer`): header labels, cell types and constraints
(:mod:`usiraq.validation.schema_cells`), unique fields, primary and foreign
keys (:mod:`usiraq.validation.schema_keys`); and every resource file against
its declared ``bytes`` and ``hash``. Findings carry Frictionless' error types
(as ``frictionless/<error type>``), row numbers, fields and message wording,
so they compare one for one with ``frictionless validate``'s. The few cells
SQL cannot vouch for are read by Frictionless' own field cell reader, which
gives their errors (see :mod:`usiraq.validation.schema_cells`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from frictionless import FrictionlessException, Package, Schema
from usiraq.schema import TABLE_NAMES
from usiraq.validation.hashes import declared_hash
from usiraq.validation.loading import column
from usiraq.validation.package import PackageError, resource_format, table_name
from usiraq.validation.report import Finding
from usiraq.validation.schema_cells import cell_errors
from usiraq.validation.schema_keys import foreign_key_errors, primary_key_errors, unique_errors
from usiraq.validation.tables import Tables
from usiraq.validation.typer import present, value

CODE_PREFIX = "frictionless"
HASHED = ("md5", "sha256")
"""The hash algorithms Frictionless compares (it ignores a hash declared with another)."""

Coded = tuple[str, Finding]


def code_of(error_type: str) -> str:
    """Our report's code for a Frictionless error type, e.g. ``frictionless/type-error``."""
    return f"{CODE_PREFIX}/{error_type}"


def run_standards(tables: Tables) -> Iterator[Coded]:
    """``(code, finding)`` for every error Frictionless would find in the descriptor and the resources."""
    for error in Package.validate_descriptor(tables.package.descriptor).errors:
        yield code_of(error.type), Finding(None, error.message)
    for resource in tables.package.resources:
        name = table_name(resource)
        if resource_format(resource) == "csv" and name in TABLE_NAMES and tables.present(name):
            yield from resource_errors(tables, resource, name)
        yield from stats_errors(tables, resource, name if name in TABLE_NAMES else None)


def resource_errors(tables: Tables, resource: dict[str, Any], name: str) -> Iterator[Coded]:
    """Every error in one CSV resource's table, in Frictionless' order: header, then rows."""
    try:
        schema = Schema.from_descriptor(resource.get("schema", {}))
    except FrictionlessException as exception:
        yield code_of(exception.error.type), Finding(name, exception.error.message)
        return
    header = tables.header(name)
    yield from label_errors(name, header, [field.name for field in schema.fields])
    rows: list[tuple[int, int, int, str, Finding]] = []
    cells = [column(position) if position < len(header) else None for position in range(len(schema.fields))]
    for row, position, code, finding in cell_errors(tables, name, schema.fields, cells, schema.missing_values):
        rows.append((row, 0, position, code_of(code), finding))
    for stage, code, finding in key_errors(tables, name, schema, cells):
        rows.append((finding.row or 0, stage, 0, code, finding))
    for *_, code, finding in sorted(rows, key=lambda item: item[:3]):
        yield code, finding


def label_errors(name: str, header: list[str], fields: list[str]) -> Iterator[Coded]:
    """Header labels against the schema's field names, position by position."""
    for position in range(1, max(len(header), len(fields)) + 1):
        label = header[position - 1] if position <= len(header) else None
        field = fields[position - 1] if position <= len(fields) else None
        if field is None:
            message = f'There is an extra label "{label}" in header at position "{position}"'
            yield code_of("extra-label"), Finding(name, message, field=label)
        elif label is None:
            message = f'There is a missing label in the header\'s field "{field}" at position "{position}"'
            yield code_of("missing-label"), Finding(name, message, field=field)
        elif label == "":
            message = f'Label in the header in field at position "{position}" is blank'
            yield code_of("blank-label"), Finding(name, message, field=field)
        elif label != field:
            message = (
                f'Label "{label}" in field {field} at position "{position}" does not match the field name in the schema'
            )
            yield code_of("incorrect-label"), Finding(name, message, field=field)


def typed_cells(schema: Schema, cells: list[str | None]) -> dict[str, str]:
    """Each field's typed SQL value (NULL where the header has no such column)."""
    return {
        field.name: value(field.to_descriptor(), present(cell, schema.missing_values)) if cell is not None else "NULL"
        for field, cell in zip(schema.fields, cells, strict=True)
    }


def key_errors(
    tables: Tables, name: str, schema: Schema, cells: list[str | None]
) -> Iterator[tuple[int, str, Finding]]:
    """(stage, code, finding) for unique fields (1), the primary key (2) and the foreign keys (3)."""
    exprs = typed_cells(schema, cells)
    found = {field.name for field, cell in zip(schema.fields, cells, strict=True) if cell is not None}
    for position, field in enumerate(schema.fields, start=1):
        if (field.constraints or {}).get("unique") and field.name in found:
            for finding in unique_errors(tables, name, field.name, position, exprs[field.name]):
                yield 1, code_of("unique-error"), finding
    if schema.primary_key and set(schema.primary_key) <= found:
        for finding in primary_key_errors(tables, name, list(schema.primary_key), exprs):
            yield 2, code_of("primary-key"), finding
    for key in schema.foreign_keys:
        if set(key["fields"]) <= found:
            for finding in foreign_key_errors(tables, name, key, exprs, parent_keys(tables, name, key)):
                yield 3, code_of("foreign-key"), finding


def parent_keys(tables: Tables, name: str, key: dict[str, Any]) -> dict[str, str] | None:
    """The typed SQL of the referenced fields in the referenced table (``None`` if it is not in the package)."""
    target = str(key["reference"].get("resource", "")) or name
    if target not in TABLE_NAMES or not tables.present(target):
        return None
    schema = Schema.from_descriptor(tables.package.resource(target, "csv").get("schema", {}))
    header = tables.header(target)
    cells = [column(position) if position < len(header) else None for position in range(len(schema.fields))]
    typed = typed_cells(schema, cells)
    wanted = key["reference"]["fields"]
    if not all(typed.get(field, "NULL") != "NULL" for field in wanted):
        return None
    return {field: typed[field] for field in wanted}


def stats_errors(tables: Tables, resource: dict[str, Any], name: str | None) -> Iterator[Coded]:
    """The declared hash and byte count against the resource's file, as Frictionless compares them."""
    try:
        path = tables.package.local_file(str(resource.get("path")))
    except PackageError:
        return
    declared = declared_hash(resource.get("hash"))
    if declared is not None and declared[0] in HASHED:
        actual = tables.digest(path, declared[0])[1]
        if actual != declared[1]:
            note = f'expected is "{declared[1]}" and actual is "{actual}"'
            yield (
                code_of("hash-count"),
                Finding(name, f"The data source does not match the expected hash count: {note}"),
            )
    declared_bytes = resource.get("bytes")
    if declared_bytes:
        actual_bytes = tables.digest(path)[0]
        if declared_bytes != actual_bytes:
            note = f'expected is "{declared_bytes}" and actual is "{actual_bytes}"'
            yield (
                code_of("byte-count"),
                Finding(name, f"The data source does not match the expected byte count: {note}"),
            )
