"""Arrow schemas of the release tables, generated from the models."""

from __future__ import annotations

import pyarrow as pa
from usiraq.schema.introspect import ColumnSpec, columns
from usiraq.schema.record import Record

ENUM_TYPE = pa.dictionary(pa.int32(), pa.string())
_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "enum": ENUM_TYPE,
}


def arrow_type(column: ColumnSpec) -> pa.DataType:
    """The Arrow type of a column (enums are dictionary-encoded strings)."""
    return _TYPES[column.kind]


def arrow_field(column: ColumnSpec) -> pa.Field[pa.DataType]:
    """The Arrow field of a column, with its description as metadata."""
    return pa.field(
        column.name,
        arrow_type(column),
        nullable=column.nullable,
        metadata={"description": column.description},
    )


def arrow_schema(model: type[Record]) -> pa.Schema:
    """The Arrow schema of a release table.

    Schema metadata holds ``table_name`` and ``description``; each field's
    metadata holds its ``description``.

    Example:
        >>> from usiraq.schema import model_for
        >>> arrow_schema(model_for("claims")).field("char_start").type
        DataType(int64)

    """
    return pa.schema(
        [arrow_field(column) for column in columns(model)],
        metadata={"table_name": model.table_name, "description": model.table_description},
    )
