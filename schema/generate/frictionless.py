"""Frictionless Table Schemas and Data Package descriptors, generated from the models.

The descriptors follow Data Package v2 and are checked against frictionless-py
5, which enforces ``constraints.enum`` but not v2 ``categories``; enum columns
therefore carry their values as ``constraints.enum``.

Each table is one tabular resource, its CSV file. Its Parquet twin is listed
as a plain file (``"type": "file"``, with format, media type, bytes and
hash, and no Table Schema): frictionless-py 5 reads a Parquet *table* through
pandas, which cannot count its bytes or hash it and turns missing integers
into NaN, so ``frictionless validate datapackage.json`` could not pass; as a
file, Frictionless checks its size and hash, and ``usiraq validate`` checks
that it holds exactly its CSV twin's rows with the models' Arrow schema.
"""

from __future__ import annotations

from typing import Any

from usiraq.schema.fields import iso3_codes
from usiraq.schema.introspect import ColumnSpec, columns
from usiraq.schema.record import Record

PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
DATA_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
CSV_DIALECT = {"header": True, "delimiter": ",", "lineTerminator": "\n", "quoteChar": '"'}
MEDIATYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}
RESOURCE_TYPES = {"csv": "table", "parquet": "file"}

_TYPES = {"string": "string", "enum": "string", "integer": "integer", "boolean": "boolean", "date": "date"}
_BOUNDS = {"ge": "minimum", "le": "maximum"}
_LENGTHS = {"min_length": "minLength", "max_length": "maxLength"}


def frictionless_type(column: ColumnSpec) -> str:
    """The Table Schema type of a column: string, integer, boolean or date."""
    return _TYPES[column.kind]


def portable_pattern(pattern: str) -> str:
    """A regular expression in the form Table Schema expects.

    Table Schema patterns match the whole value (implicitly anchored, as in XML
    Schema), so the ``^``/``$`` anchors of the Python pattern are dropped and
    non-capturing groups become plain groups, which every engine reads.

    Example:
        >>> portable_pattern(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
        '[a-z0-9]+([-_][a-z0-9]+)*'

    """
    body = pattern.removeprefix("^")
    if body.endswith("$") and not body.endswith("\\$"):
        body = body[:-1]
    return body.replace("(?:", "(")


def field_constraints(column: ColumnSpec) -> dict[str, Any]:
    """The ``constraints`` of a column's Table Schema field."""
    constraints: dict[str, Any] = {}
    if not column.nullable:
        constraints["required"] = True
    for key, value in column.constraints.items():
        if key == "pattern":
            constraints["pattern"] = portable_pattern(value)
        elif key in _LENGTHS:
            constraints[_LENGTHS[key]] = value
        elif key in _BOUNDS:
            constraints[_BOUNDS[key]] = value
    if column.enum is not None:
        constraints["enum"] = column.enum.values()
    elif column.shared_type == "Country":
        constraints["enum"] = list(iso3_codes())
    return constraints


def field_descriptor(column: ColumnSpec) -> dict[str, Any]:
    """The Table Schema field of one column."""
    field: dict[str, Any] = {
        "name": column.name,
        "type": frictionless_type(column),
        "description": column.description,
    }
    if column.examples:
        field["example"] = example_text(column.examples[0])
    if column.kind == "boolean":
        field["trueValues"] = ["true"]
        field["falseValues"] = ["false"]
    field["constraints"] = field_constraints(column)
    return field


def table_schema(model: type[Record]) -> dict[str, Any]:
    """The Frictionless Table Schema of a release table.

    Example:
        >>> from usiraq.schema import model_for
        >>> table_schema(model_for("claims"))["primaryKey"]
        ['claim_id']

    """
    schema: dict[str, Any] = {
        "fields": [field_descriptor(column) for column in columns(model)],
        "missingValues": [""],
        "primaryKey": list(model.primary_key),
    }
    if model.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(fk.fields),
                "reference": {
                    "resource": "" if fk.table == model.table_name else fk.table,
                    "fields": list(fk.reference_fields),
                },
            }
            for fk in model.foreign_keys
        ]
    return schema


def resource(model: type[Record], *, path: str, fmt: str = "csv") -> dict[str, Any]:
    """A Data Package v2 resource descriptor for one table file.

    The CSV file is the tabular resource, with its dialect and Table Schema;
    the Parquet file is a file resource (see the module docstring). The
    caller adds ``bytes`` and ``hash`` (``"sha256:<hex>"``) once the file is written.

    Args:
        model: the table model.
        path: the file's path inside the package, e.g. ``"csv/claims.csv"``.
        fmt: ``"csv"`` or ``"parquet"``.

    """
    if fmt not in MEDIATYPES:
        raise ValueError(f"unknown format {fmt!r}; expected one of {sorted(MEDIATYPES)}")
    descriptor: dict[str, Any] = {
        "name": model.table_name if fmt == "csv" else f"{model.table_name}-{fmt}",
        "type": RESOURCE_TYPES[fmt],
        "title": model.table_title if fmt == "csv" else f"{model.table_title} (Parquet)",
        "description": model.table_description,
        "path": path,
        "format": fmt,
        "mediatype": MEDIATYPES[fmt],
    }
    if fmt == "csv":
        descriptor["encoding"] = "utf-8"
        descriptor["dialect"] = dict(CSV_DIALECT)
        descriptor["schema"] = table_schema(model)
    return descriptor


def package_descriptor(version: str, resources: list[dict[str, Any]]) -> dict[str, Any]:
    """The Data Package v2 descriptor (datapackage.json) of the release.

    Nothing in it depends on the clock, so the same inputs give the same bytes.
    """
    return {
        "$schema": PACKAGE_PROFILE,
        "name": "usiraq",
        "title": "usiraq: evidence-linked data on the 2024 US-Iraq talks on US troops in Iraq",
        "description": (
            "Claims, force figures, events and actors coded by hand from news articles on the 2024 "
            "talks between the United States and Iraq on the future of US forces in Iraq. Every "
            "coded row carries the article's exact words and their character offsets (Unicode code "
            "points) in the article text, which the sources table holds in full. The tables are "
            "released under CC-BY-4.0; the article texts remain the work and property of their "
            "publishers and are included only so that every row can be checked against its evidence."
        ),
        "version": version,
        "licenses": [dict(DATA_LICENSE)],
        "keywords": ["iraq", "united states", "troops", "us-iraq talks", "event data", "claims", "frictionless"],
        "resources": resources,
    }


def example_text(value: Any) -> str:
    """An example value as the CSV writes it: Data Package v2 wants a field's ``example`` as a string.

    Example:
        >>> example_text(True), example_text(2361)
        ('true', '2361')

    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(getattr(value, "value", value))
