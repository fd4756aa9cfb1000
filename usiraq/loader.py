"""Load the release tables: typed pandas DataFrames or Arrow tables, offline.

The shipped release is read from the installed package (importlib.resources);
``path=`` reads another copy of a usiraq data package (an extended or older
release) once :func:`usiraq.validation.package.open_package` has checked that
it only points at files inside its own folder, and once the file read has the
byte count and hash its datapackage.json declares (``verify=False`` skips
that check, for a package one is editing). Nothing is written and nothing
is fetched. pandas and pyarrow are imported on the first call, never at
``import usiraq``; the schema models (pydantic) are not imported by
:func:`load` at all (see :mod:`usiraq.tablespec`).

Example:
    >>> import usiraq
    >>> claims = usiraq.load("claims")
    >>> str(claims["modality"].dtype)
    'category'

"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from usiraq.tablespec import TableSpec, table_spec, table_specs

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

Format = Literal["pandas", "arrow"]
FORMATS: tuple[str, ...] = ("pandas", "arrow")


def tables() -> list[str]:
    """The names of the release tables, in the schema's order.

    Example:
        >>> "claims" in tables()
        True

    """
    return list(table_specs())


def load(name: str, *, format: Format = "pandas", path: str | Path | None = None, verify: bool = True) -> Any:
    """One release table.

    Args:
        name: a table name (see :func:`tables`), e.g. ``"claims"``.
        format: ``"pandas"`` for a DataFrame with the schema's dtypes (nullable
            ``Int64``, categoricals for controlled vocabularies, Arrow dates,
            pandas' ``string``), or ``"arrow"`` for the Parquet file's
            ``pyarrow.Table`` as stored.
        path: another copy of the data package (its folder or its
            ``datapackage.json``); by default the release shipped with usiraq.
        verify: with ``path``, check the Parquet file's byte count and hash
            against its datapackage.json before reading it.

    Raises:
        KeyError: (also a ValueError) if no table has that name; the message lists the names.
        ValueError: for an unknown format, or a table whose columns or values
            do not fit this version's schema.
        usiraq.validation.package.PackageError: if the package at ``path``
            is unusable or points outside its folder, or (``verify``) the file
            is not the one its datapackage.json declares.

    """
    spec = table_spec(name)
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    table = read_arrow(name, path, verify=verify)
    return table if format == "arrow" else to_frame(table, spec)


def load_all(*, format: Format = "pandas", path: str | Path | None = None, verify: bool = True) -> dict[str, Any]:
    """Every release table, as a dict from name to DataFrame (or Arrow table)."""
    return {name: load(name, format=format, path=path, verify=verify) for name in tables()}


def parquet_file(name: str, path: str | Path | None = None, verify: bool = True) -> Path:
    """The Parquet file of table ``name`` in the package at ``path`` (default: the shipped release).

    With ``path`` and ``verify``, the file must have the byte count and hash its datapackage.json declares.

    Raises:
        usiraq.validation.package.PackageError: the package or the file is unusable, or not as declared.

    """
    from usiraq.validation.package import open_package

    table_spec(name)
    package = open_package(path)
    found = package.resource_path(name, "parquet")
    if path is not None and verify:
        from usiraq.validation.hashes import verify_file

        verify_file(package.resource(name, "parquet"), found)
    return found


def read_arrow(
    name: str, path: str | Path | None = None, columns: list[str] | None = None, verify: bool = True
) -> pa.Table:
    """The Parquet file of table ``name`` as a ``pyarrow.Table``, as stored (checked as :func:`parquet_file` says)."""
    import pyarrow.parquet as pq

    return pq.ParquetFile(parquet_file(name, path, verify)).read(columns=columns)


def to_frame(table: pa.Table, spec: TableSpec) -> pd.DataFrame:
    """A DataFrame of ``table`` with the schema's pandas dtypes, columns in schema order.

    Raises:
        ValueError: if columns are missing or unexpected, or a category column
            holds a value the schema does not declare.

    """
    import pandas as pd

    missing = [name for name in spec.column_names if name not in table.column_names]
    extra = [name for name in table.column_names if name not in spec.column_names]
    if missing or extra:
        raise ValueError(
            f"{spec.name}: columns missing {missing}, unexpected {extra} for this version of usiraq; "
            "load(..., format='arrow') reads the table as stored"
        )
    table = table.select(spec.column_names)
    _check_categories(table, spec)
    return table.to_pandas(types_mapper=pd.ArrowDtype).astype(spec.pandas_dtypes())


def _check_categories(table: pa.Table, spec: TableSpec) -> None:
    """Refuse values that the schema's categories do not declare (pandas would make them missing)."""
    for column in spec.columns:
        if column.categories is None:
            continue
        values = {str(value) for value in table.column(column.name).unique().to_pylist() if value is not None}
        unknown = sorted(values - set(column.categories))
        if unknown:
            raise ValueError(f"{spec.name}.{column.name}: values not in the schema's categories: {unknown}")


def describe(name: str) -> pd.DataFrame:
    """The columns of table ``name``: one row per column.

    Columns of the result: ``name``, ``type`` (string, integer, boolean, date or
    enum), ``dtype`` (the pandas dtype :func:`load` gives), ``required``,
    ``primary_key``, ``description`` and ``allowed_values`` (the category
    values, or the country codes; ``None`` where any value of the type is allowed).

    Example:
        >>> describe("claims").set_index("name").loc["claim_id", "primary_key"]
        np.True_

    """
    import pandas as pd

    from usiraq.schema import model_for
    from usiraq.schema.generate.frictionless import field_constraints
    from usiraq.schema.introspect import columns

    spec = table_spec(name)
    dtypes = {column.name: column for column in spec.columns}
    rows = [
        {
            "name": column.name,
            "type": column.kind,
            "dtype": dtypes[column.name].dtype,
            "required": not column.nullable,
            "primary_key": column.name in spec.primary_key,
            "description": column.description,
            "allowed_values": field_constraints(column).get("enum"),
        }
        for column in columns(model_for(name))
    ]
    return pd.DataFrame(rows)


def source_text(source_id: str, *, path: str | Path | None = None, verify: bool = True) -> str:
    """The full text of an article, from the sources table, to read evidence spans in context.

    ``text[char_start:char_end] == quote`` holds for every evidence-bearing row.

    Raises:
        KeyError: if no article has that id; the message lists the ids.

    """
    sources = read_arrow("sources", path, columns=["source_id", "text"], verify=verify).to_pydict()
    texts = dict(zip(sources["source_id"], sources["text"], strict=True))
    if source_id not in texts:
        raise KeyError(f"no source {source_id!r}; the sources are: {', '.join(sorted(texts))}")
    return str(texts[source_id])
