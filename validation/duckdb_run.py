"""The DuckDB engine: what Frictionless checks in the CSV resources, as SQL over whole columns.

For packages too large for Frictionless' row-by-row validation, each CSV
resource is checked in SQL generated from its Table Schema in the
descriptor, as Frictionless reads it: header labels, cell types and
constraints (schema_cells.py), unique fields, primary and foreign keys
(schema_keys.py), and the declared bytes and hash. Findings carry the same
codes (``frictionless/<error type>``), rows, fields and messages as
:mod:`usiraq.validation.frictionless_run`, so the reports compare.
The descriptor itself is still checked by Frictionless (it is small).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from frictionless import FrictionlessException, Package, Schema
from usiraq.schema import TABLE_NAMES
from usiraq.validation.frictionless_run import code_of
from usiraq.validation.loading import column
from usiraq.validation.package import PackageError, resource_format, table_name
from usiraq.validation.report import Finding
from usiraq.validation.schema_cells import cell_errors
from usiraq.validation.schema_keys import foreign_key_errors, primary_key_errors, typed, unique_errors

Coded = tuple[str, Finding]


def run_duckdb(tables: Any) -> Iterator[Coded]:
    """``(code, finding)`` for every error Frictionless would find in the descriptor and the CSV tables."""
    for error in Package.validate_descriptor(tables.package.descriptor).errors:
        yield code_of(error.type), Finding(None, error.message)
    for resource in tables.package.resources:
        name = table_name(resource)
        if resource_format(resource) == "csv" and name in TABLE_NAMES and tables.present(name):
            yield from resource_errors(tables, resource, name)


def resource_errors(tables: Any, resource: dict[str, Any], name: str) -> Iterator[Coded]:
    """Every error in one CSV resource, in Frictionless' order: header, rows, then size and hash."""
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
    yield from stats_errors(tables, resource, name)


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


def key_errors(tables: Any, name: str, schema: Any, cells: list[str | None]) -> Iterator[tuple[int, str, Finding]]:
    """(stage, code, finding) for unique fields (1), the primary key (2) and the foreign keys (3)."""
    exprs = {
        field.name: typed(field, cell, schema.missing_values) for field, cell in zip(schema.fields, cells, strict=True)
    }
    present = {field.name for field, cell in zip(schema.fields, cells, strict=True) if cell is not None}
    for position, field in enumerate(schema.fields, start=1):
        if (field.constraints or {}).get("unique") and field.name in present:
            for finding in unique_errors(tables, name, field.name, position, exprs[field.name]):
                yield 1, code_of("unique-error"), finding
    if schema.primary_key and set(schema.primary_key) <= present:
        for finding in primary_key_errors(tables, name, list(schema.primary_key), exprs):
            yield 2, code_of("primary-key"), finding
    for key in schema.foreign_keys:
        if set(key["fields"]) <= present:
            for finding in foreign_key_errors(tables, name, key, exprs, parent_keys(tables, name, key)):
                yield 3, code_of("foreign-key"), finding


def parent_keys(tables: Any, name: str, key: dict[str, Any]) -> dict[str, str] | None:
    """The typed SQL of the referenced fields in the referenced table (``None`` if it is not in the package)."""
    target = str(key["reference"].get("resource", "")) or name
    if target not in TABLE_NAMES or not tables.present(target):
        return None
    schema = Schema.from_descriptor(tables.package.resource(target, "csv").get("schema", {}))
    header = tables.header(target)
    found = {}
    for position, field in enumerate(schema.fields):
        if field.name in key["reference"]["fields"]:
            cell = column(position) if position < len(header) else None
            found[field.name] = typed(field, cell, schema.missing_values)
    return found if set(key["reference"]["fields"]) <= set(found) else None


def stats_errors(tables: Any, resource: dict[str, Any], name: str) -> Iterator[Coded]:
    """The declared hash and byte count against the file, as Frictionless compares them."""
    try:
        path = tables.package.resource_path(name, "csv")
    except PackageError:
        return
    declared = resource.get("hash")
    if isinstance(declared, str) and declared:
        algorithm, _, expected = declared.rpartition(":")
        algorithm = algorithm or "md5"
        if algorithm in ("md5", "sha256"):
            actual = tables.digest(path, algorithm)[1]
            if actual != expected:
                note = f'expected is "{expected}" and actual is "{actual}"'
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
