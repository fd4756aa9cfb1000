"""``package-resources``: the package has every table, in CSV and Parquet, described as the models say."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from usiraq.schema import TABLE_NAMES, TABLES
from usiraq.schema.generate.frictionless import resource as generated_resource
from usiraq.schema.record import Record
from usiraq.validation.checks.base import Check, short
from usiraq.validation.package import PackageError, table_name
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables

FORMATS = ("csv", "parquet")
_OWN_KEYS = ("name", "path", "bytes", "hash")
"""Keys a resource may set for itself; every other generated key must be as generated."""


def run(tables: Tables) -> Iterator[Finding]:
    """Compare the descriptor with what the generators make from the models."""
    descriptor = tables.package.descriptor
    if not isinstance(descriptor.get("version"), str):
        yield Finding(None, "the descriptor has no version string", field="version")
    for resource in tables.package.resources:
        if table_name(resource) not in TABLE_NAMES:
            yield Finding(None, f"resource {resource.get('name')!r} is not a table of the release", field="resources")
    for model in TABLES:
        for fmt in FORMATS:
            yield from _resource_errors(tables, model, fmt)
        yield from _header_errors(tables, model)


def _resource_errors(tables: Tables, model: type[Record], fmt: str) -> Iterator[Finding]:
    table = model.table_name
    try:
        given = tables.package.resource(table, fmt)
    except PackageError:
        yield Finding(table, f"the package has no {fmt} resource for table {table}")
        return
    declared = given.get("path")
    path = declared if isinstance(declared, str) else f"{fmt}/{table}.{fmt}"
    expected = generated_resource(model, path=path, fmt=fmt)
    for key, value in expected.items():
        if key not in _OWN_KEYS and given.get(key) != value:
            yield Finding(table, f"{fmt} resource: {_difference(key, given.get(key), value)}", field=key)


def _difference(key: str, given: Any, expected: Any) -> str:
    if key == "schema" and isinstance(given, dict) and isinstance(given.get("fields"), list):
        fields = {field.get("name"): field for field in given["fields"] if isinstance(field, dict)}
        changed = [field["name"] for field in expected["fields"] if fields.get(field["name"]) != field]
        if changed:
            return f"schema differs from the models' in fields: {', '.join(changed)}"
        return "schema differs from the models' (keys, field order or extra fields)"
    return f"{key} is {short(given, 200)}, the models give {short(expected, 200)}"


def _header_errors(tables: Tables, model: type[Record]) -> Iterator[Finding]:
    table = model.table_name
    if not tables.present(table):
        return
    expected = list(model.model_fields)
    header = tables.header(table)
    if header != expected:
        missing = [name for name in expected if name not in header]
        extra = [name for name in header if name not in expected]
        message = f"CSV header differs from the schema: missing {missing}, unexpected {extra}"
        if not missing and not extra:
            message = "CSV header has the schema's columns in another order"
        yield Finding(table, message, 1)


CHECK = Check(
    code="package-resources",
    description="Every table has a CSV and a Parquet resource described exactly as the models generate them.",
    error="{fmt} resource: {key} is {given!r}, the models give {expected!r}",
    tables=TABLE_NAMES,
    run=run,
)
