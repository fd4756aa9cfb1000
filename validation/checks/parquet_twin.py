"""``parquet-twin``: each Parquet file holds exactly its CSV twin's table, with the models' Arrow types."""

from __future__ import annotations

from collections.abc import Iterator

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
    """Read every Parquet file and compare it with the CSV twin, column by column."""
    for model in TABLES:
        table = model.table_name
        if not tables.present(table):
            continue
        try:
            with pq.ParquetFile(tables.package.resource_path(table, "parquet")) as handle:
                parquet = handle.read()
        except PackageError:
            continue  # package-resources reports the missing resource, file-integrity the missing file
        except (OSError, pa.ArrowException) as error:
            yield Finding(table, f"the Parquet file cannot be read: {short(str(error), 200)}")
            continue
        yield from compare(tables, model, parquet)


def compare(tables: Tables, model: type[Record], parquet: pa.Table) -> Iterator[Finding]:
    """Differences between ``parquet`` and the CSV rows of ``model``'s table."""
    table, schema = model.table_name, arrow_schema(model)
    for field in schema:
        found = parquet.schema.field(field.name) if field.name in parquet.schema.names else None
        if found is None or found.type != field.type or found.nullable != field.nullable:
            shown = "missing" if found is None else f"{found.type}{'' if found.nullable else ' not null'}"
            yield Finding(table, f"Parquet column is {shown}, the models give {field.type}", field=field.name)
    extra = [name for name in parquet.schema.names if name not in schema.names]
    if extra:
        yield Finding(table, f"Parquet has columns the models do not: {extra}")
    rows = tables.rows(table)
    if parquet.num_rows != len(rows):
        yield Finding(table, f"Parquet has {parquet.num_rows} rows, the CSV {len(rows)}")
        return
    csv_table = pa.Table.from_pylist(rows, schema=pa.schema([field.with_nullable(True) for field in schema]))
    for field in schema:
        if field.name in parquet.schema.names and parquet.schema.field(field.name).type == field.type:
            yield from _cell_differences(table, field.name, csv_table.column(field.name), parquet.column(field.name))


def _cell_differences(
    table: str, name: str, csv_column: pa.ChunkedArray, parquet_column: pa.ChunkedArray
) -> Iterator[Finding]:
    plain_csv, plain_parquet = _plain(csv_column), _plain(parquet_column)
    if plain_csv.equals(plain_parquet):
        return
    for index, (left, right) in enumerate(zip(plain_csv.to_pylist(), plain_parquet.to_pylist(), strict=True)):
        if left != right:
            yield Finding(table, f"Parquet has {short(right)}, the CSV {short(left)}", index + FIRST_ROW, name)


def _plain(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Dictionary-encoded columns decoded, so equal values compare equal whatever their dictionary."""
    if pa.types.is_dictionary(column.type):
        return column.cast(column.type.value_type)
    return column


CHECK = Check(
    code="parquet-twin",
    description="Each Parquet file has the models' Arrow schema and the same rows and values as its CSV twin.",
    error="Parquet has {parquet_value!r}, the CSV {csv_value!r}",
    tables=tuple(model.table_name for model in TABLES),
    run=run,
)
