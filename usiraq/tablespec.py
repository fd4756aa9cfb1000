"""The table specifications the loader reads, compiled from the schema into usiraq/table_specs.json.

The pandas dtypes of every release table come from
:func:`usiraq.schema.generate.pandas.pandas_dtypes`. Importing the schema means
importing pydantic and building every table model, which would double the time
of a cold ``usiraq.load()``; so ``usiraq regenerate`` writes the dtypes (and
each table's primary key) to a small JSON file, the drift test keeps it equal
to what the schema gives now, and the loader reads only that file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

SPEC_PATH = "usiraq/table_specs.json"
_NOTE = "Generated from the models in schema/ by `usiraq regenerate` (`make regenerate`). Do not edit by hand."


class UnknownTableError(KeyError, ValueError):
    """No release table has this name; the message lists the names there are."""

    def __str__(self) -> str:
        """Return the message without the quotes KeyError adds."""
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class ColumnDtype:
    """A column and its pandas dtype, as text (``"Int64"``) or a category list."""

    name: str
    dtype: str
    categories: tuple[str, ...] | None = None

    def pandas_dtype(self) -> Any:
        """The pandas dtype object this column is converted to."""
        import pandas as pd

        if self.categories is not None:
            return pd.CategoricalDtype(categories=list(self.categories), ordered=False)
        return pd.api.types.pandas_dtype(self.dtype)


@dataclass(frozen=True)
class TableSpec:
    """What the loader needs to know about one table."""

    name: str
    primary_key: tuple[str, ...]
    columns: tuple[ColumnDtype, ...]

    @property
    def column_names(self) -> list[str]:
        """The column names, in schema order."""
        return [column.name for column in self.columns]

    def pandas_dtypes(self) -> dict[str, Any]:
        """Column name -> pandas dtype, equal to ``pandas_dtypes(model)`` of the schema."""
        return {column.name: column.pandas_dtype() for column in self.columns}


@cache
def table_specs() -> dict[str, TableSpec]:
    """Table name -> spec, in the schema's table order, read from the shipped JSON file."""
    raw = json.loads((files("usiraq") / "table_specs.json").read_text(encoding="utf-8"))
    return {table["name"]: _table(table) for table in raw["tables"]}


def table_spec(name: str) -> TableSpec:
    """The spec of table ``name``.

    Raises:
        UnknownTableError: (a KeyError and a ValueError) naming the valid tables.

    """
    specs = table_specs()
    if name not in specs:
        raise UnknownTableError(f"no table named {name!r}; the tables are: {', '.join(specs)}")
    return specs[name]


def _table(raw: dict[str, Any]) -> TableSpec:
    columns = tuple(
        ColumnDtype(
            column["name"],
            column["dtype"],
            tuple(column["categories"]) if "categories" in column else None,
        )
        for column in raw["columns"]
    )
    return TableSpec(raw["name"], tuple(raw["primary_key"]), columns)


# -- generation (imports the schema; run by `usiraq regenerate` and the drift test) --


def render_table_specs() -> str:
    """The content of usiraq/table_specs.json, from the table models."""
    from usiraq.generated import json_text
    from usiraq.schema import TABLES
    from usiraq.schema.generate.pandas import pandas_dtypes

    tables = [
        {
            "name": model.table_name,
            "primary_key": list(model.primary_key),
            "columns": [_column(name, dtype) for name, dtype in pandas_dtypes(model).items()],
        }
        for model in TABLES
    ]
    return json_text({"note": _NOTE, "tables": tables})


def _column(name: str, dtype: Any) -> dict[str, Any]:
    """A column's dtype as JSON; refuses a dtype that would not read back as itself."""
    import pandas as pd

    if isinstance(dtype, pd.CategoricalDtype):
        return {"name": name, "dtype": "category", "categories": [str(value) for value in dtype.categories]}
    column = ColumnDtype(name, str(dtype))
    if column.pandas_dtype() != dtype:
        raise ValueError(f"the pandas dtype {dtype!r} of column {name!r} does not read back from {str(dtype)!r}")
    return {"name": name, "dtype": str(dtype)}
