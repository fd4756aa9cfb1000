"""``parquet-twin``: each Parquet file holds exactly its CSV twin's table, with the models' Arrow types."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from usiraq.schema import TABLES
from usiraq.schema.generate.arrow import arrow_schema
from usiraq.schema.record import Record
from usiraq.validation.checks.base import Check, short
from usiraq.validation.package import PackageError
from usiraq.validation.report import Finding
from usiraq.validation.tables import FIRST_ROW, Tables


def run(tables: Tables) -> Iterator[Finding]:
    """Read every Parquet file's schema, then compare its rows with the CSV twin's, column by column, in SQL."""
    for model in TABLES:
        table = model.table_name
        if not tables.present(table):
            continue
        try:
            path = tables.package.resource_path(table, "parquet")
            with pq.ParquetFile(path) as handle:
                schema, count = handle.schema_arrow, handle.metadata.num_rows
        except PackageError:
            continue  # package-resources reports the missing resource, file-integrity the missing file
        except (OSError, pa.ArrowException) as error:
            yield Finding(table, f"the Parquet file cannot be read: {short(str(error), 200)}")
            continue
        yield from compare(tables, model, path, schema, count)


def compare(tables: Tables, model: type[Record], path: Path, parquet: pa.Schema, count: int) -> Iterator[Finding]:
    """Differences between the Parquet file at ``path`` (its schema, its row count) and the CSV rows."""
    table, schema = model.table_name, arrow_schema(model)
    for field in schema:
        found = parquet.field(field.name) if field.name in parquet.names else None
        if found is None or found.type != field.type or found.nullable != field.nullable:
            shown = "missing" if found is None else _arrow_type(found)
            yield Finding(table, f"Parquet column is {shown}, the models give {_arrow_type(field)}", field=field.name)
    extra = [name for name in parquet.names if name not in schema.names]
    if extra:
        yield Finding(table, f"Parquet has columns the models do not: {extra}")
    rows = tables.count(table)
    if count != rows:
        yield Finding(table, f"Parquet has {count} rows, the CSV {rows}")
        return
    typed = {field.name: field.type for field in parquet}
    same = [field.name for field in schema if typed.get(field.name) == field.type]
    if same:
        yield from _cell_differences(tables, table, same, path)


def _cell_differences(tables: Tables, table: str, names: list[str], path: Path) -> Iterator[Finding]:
    """Rows are paired by position: the CSV's row number with the Parquet file's (the row counts are equal).

    A hash join on the row number runs on every core, unlike a positional
    join; only differing rows come back.
    """
    columns = ", ".join(f'c."{name}", p."{name}"' for name in names)
    differs = " OR ".join(f'c."{name}" IS DISTINCT FROM p."{name}"' for name in names)
    parquet = f"read_parquet(?, file_row_number = true) p ON p.file_row_number + {FIRST_ROW} = c._row"
    query = f"SELECT c._row, {columns} FROM {{{table}}} c JOIN {parquet} WHERE {differs} ORDER BY c._row"
    try:
        rows = tables.query(query, str(path))
    except Exception as error:  # DuckDB raises its own error types for an unreadable file
        yield Finding(table, f"the Parquet file cannot be read: {short(str(error), 200)}")
        return
    for index, name in enumerate(names):
        for number, *cells in rows:
            left, right = cells[2 * index], cells[2 * index + 1]
            if left != right:
                csv_value = short(left) if left is not None else "an empty cell or one that is not a valid value"
                yield Finding(table, f"Parquet has {short(right)}, the CSV {csv_value}", number, name)


def _arrow_type(field: pa.Field[pa.DataType]) -> str:
    """A column's Arrow type and whether it may be null, e.g. ``string, nullable``."""
    return f"{field.type}, {'nullable' if field.nullable else 'not null'}"


CHECK = Check(
    code="parquet-twin",
    description="Each Parquet file has the models' Arrow schema and the same rows and values as its CSV twin.",
    error="Parquet has {parquet_value!r}, the CSV {csv_value!r}",
    tables=tuple(model.table_name for model in TABLES),
    run=run,
)
