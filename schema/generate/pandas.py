"""pandas dtypes of the release tables, and the conversion the loader uses."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
from usiraq.schema.generate.arrow import arrow_schema
from usiraq.schema.introspect import ColumnSpec, columns
from usiraq.schema.record import Record


def pandas_dtype(column: ColumnSpec) -> object:
    """The pandas dtype of a column.

    Strings are ``string`` (missing values are ``pd.NA``), integers the
    nullable ``Int64``, booleans ``boolean``, enums a categorical whose
    categories are the enum's values in declaration order, and dates Arrow
    ``date32`` values (dates, not timestamps).
    """
    if column.enum is not None:
        return pd.CategoricalDtype(categories=column.enum.values(), ordered=False)
    return {
        "string": pd.StringDtype(),
        "integer": "Int64",
        "boolean": "boolean",
        "date": pd.ArrowDtype(pa.date32()),
    }[column.kind]


def pandas_dtypes(model: type[Record]) -> dict[str, object]:
    """Column name -> pandas dtype, in column order.

    Example:
        >>> from usiraq.schema import model_for
        >>> pandas_dtypes(model_for("force_figures"))["value"]
        'Int64'

    """
    return {column.name: pandas_dtype(column) for column in columns(model)}


def to_pandas(table: pa.Table, model: type[Record]) -> pd.DataFrame:
    """A DataFrame of ``table`` with exactly the dtypes of :func:`pandas_dtypes`.

    The table must hold exactly the model's columns (in any order); the frame
    has them in the model's order.

    Raises:
        ValueError: if columns are missing or unexpected, or an enum column
            holds a value the enum does not declare.

    """
    schema = arrow_schema(model)
    _check_columns(table, schema, model.table_name)
    table = table.select(schema.names).cast(schema)
    data = {column.name: _series(table.column(column.name), column, model.table_name) for column in columns(model)}
    return pd.DataFrame(data, columns=list(data))


def _check_columns(table: pa.Table, schema: pa.Schema, table_name: str) -> None:
    missing = [name for name in schema.names if name not in table.column_names]
    extra = [name for name in table.column_names if name not in schema.names]
    if missing or extra:
        raise ValueError(f"{table_name}: columns missing {missing}, unexpected {extra}")


def _series(values: pa.ChunkedArray, column: ColumnSpec, table_name: str) -> pd.Series:
    dtype = pandas_dtype(column)
    if column.kind == "date":
        return pd.Series(pd.arrays.ArrowExtensionArray(values), name=column.name)
    if column.enum is not None:
        plain = values.cast(pa.string()).to_pylist()
        unknown = sorted({value for value in plain if value is not None} - set(dtype.categories))  # type: ignore[attr-defined]
        if unknown:
            raise ValueError(f"{table_name}.{column.name}: values not in {column.enum.__name__}: {unknown}")
        return pd.Series(pd.Categorical(plain, dtype=dtype), name=column.name)
    return pd.Series(values.to_pandas(), name=column.name).astype(dtype)
