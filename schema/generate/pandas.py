"""pandas dtypes of the release tables, compiled into usiraq/table_specs.json for the loader."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
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
