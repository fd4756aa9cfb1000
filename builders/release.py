"""Write the release: CSV and Parquet per table, and datapackage.json, atomically and deterministically.

A build keeps each table, once built, as an Arrow table in primary key order
(:func:`arrow_table`), the compact form it is written from: the Parquet file is
that table, the CSV its cells as text (:func:`csv_column`).

Everything is written to a temporary folder beside the release, flushed to
disk, checked, then switched in with one atomic step (see
:mod:`usiraq.builders.switch` for how and why); a failure or a crash at any
point leaves a complete release, the previous one until the switch. Nothing
written depends on the clock or on hash order, so the same rows give the same
bytes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from usiraq.builders import switch
from usiraq.builders.rows import primary_key
from usiraq.schema import TABLES
from usiraq.schema.generate import frictionless
from usiraq.schema.generate.arrow import arrow_schema
from usiraq.schema.record import Record

PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 9,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
    "data_page_version": "1.0",
}


FolderStep = Callable[[Path], object]
"""Called with the release folder written, before it is switched in."""


Tables = dict[str, pa.Table]
"""The release tables by name, each an Arrow table of its model's schema in primary key order."""


def write_release(
    tables: Tables,
    out: Path,
    version: str,
    extra: FolderStep | None = None,
    check: FolderStep | None = None,
) -> None:
    """Write every table of ``tables`` and datapackage.json to ``out``, replacing it only on success.

    ``extra`` is called with the folder written, to add files to it, before it
    is flushed to disk; ``check`` is called with it after, before it is switched
    in. An exception from either leaves ``out`` as it was.

    Raises:
        RefusedError: another build is writing ``out``.

    """
    out.parent.mkdir(parents=True, exist_ok=True)
    with switch.locked(out):
        switch.clean_leftovers(out)
        staging = switch.new_staging(out)
        try:
            write_package(tables, staging, version)
            if extra is not None:
                extra(staging)
            switch.sync_tree(staging)
            if check is not None:
                check(staging)
            switch.switch(staging, out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def write_package(tables: Tables, folder: Path, version: str) -> None:
    """Write csv/, parquet/ and datapackage.json into ``folder`` (a table missing from ``tables`` is written empty)."""
    make_folders(folder)
    for model in TABLES:
        with TableWriter(model, folder) as writer:
            table = tables.get(model.table_name)
            writer.write_table(table if table is not None else arrow_table(model, []))
    write_descriptor(folder, version)


def make_folders(folder: Path) -> None:
    """Create ``folder``'s csv/ and parquet/ folders (``folder`` may exist; they may not)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "csv").mkdir()
    (folder / "parquet").mkdir()


def write_descriptor(folder: Path, version: str) -> None:
    """Write datapackage.json for the files in ``folder``: every table's CSV, then its Parquet, with bytes and hash."""
    resources = []
    for fmt in ("csv", "parquet"):
        for model in TABLES:
            path = f"{fmt}/{model.table_name}.{fmt}"
            resources.append(frictionless.resource(model, path=path, fmt=fmt) | file_stamp(folder / path))
    descriptor = frictionless.package_descriptor(version, resources)
    text = json.dumps(descriptor, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    (folder / "datapackage.json").write_text(text, encoding="utf-8", newline="\n")


def file_stamp(path: Path) -> dict[str, Any]:
    """The ``bytes`` and ``hash`` (``"sha256:<hex>"``) a resource declares for the file at ``path``, read in chunks."""
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256")
        size = handle.tell()
    return {"bytes": size, "hash": f"sha256:{digest.hexdigest()}"}


def sorted_rows(rows: list[Record]) -> list[Record]:
    """The rows in primary key order."""
    return sorted(rows, key=primary_key)


Columns = dict[str, list[Any]]
"""A table's values, column by column, in the model's column order."""


def column_values(model: type[Record], rows: list[Record]) -> Columns:
    """The rows' values column by column, in the model's column order."""
    fields = [row.__dict__ for row in rows]
    return {name: [values[name] for values in fields] for name in model.model_fields}


def arrow_table(model: type[Record], rows: list[Record]) -> pa.Table:
    """The rows of ``model``, in primary key order, as one Arrow table of its schema: what a build keeps of a table."""
    return columns_table(arrow_schema(model), column_values(model, sorted_rows(rows)))


def columns_table(schema: pa.Schema, columns: Columns) -> pa.Table:
    """An Arrow table of ``schema`` from values given column by column (enums as the rows hold them)."""
    data = {field.name: _arrow_column(columns[field.name], field.type) for field in schema}
    return pa.Table.from_pydict(data, schema=schema)


def csv_column(column: pa.ChunkedArray[Any]) -> list[str]:
    """An Arrow column's cells as the CSV writes them: cast to text in Arrow, a null as an empty cell.

    Booleans become ``true``/``false``, dates ISO, enums (dictionary columns) their value.

    Example:
        >>> csv_column(pa.chunked_array([[3, None]]))
        ['3', '']

    """
    text: pa.ChunkedArray[Any] = pc.cast(column, pa.string())
    return [cell if cell is not None else "" for cell in text.to_pylist()]


class TableWriter:
    """Writes one table's CSV and Parquet files: a build writes all its rows at once, the benchmarks a batch at a time.

    The CSV is UTF-8 with a header, commas, LF line ends and minimal quoting;
    the Parquet file has the table's Arrow schema and :data:`PARQUET_OPTIONS`.
    """

    def __init__(self, model: type[Record], folder: Path) -> None:
        """Open ``folder``/csv/<table>.csv and ``folder``/parquet/<table>.parquet and write the CSV header."""
        self.model, self.schema, self.count = model, arrow_schema(model), 0
        self._handle = (folder / "csv" / f"{model.table_name}.csv").open("w", encoding="utf-8", newline="")
        self._csv = csv.writer(
            self._handle, delimiter=",", quotechar='"', lineterminator="\n", quoting=csv.QUOTE_MINIMAL
        )
        self._csv.writerow(list(model.model_fields))
        self._parquet = pq.ParquetWriter(
            folder / "parquet" / f"{model.table_name}.parquet", self.schema, **PARQUET_OPTIONS
        )

    def write(self, columns: Columns) -> None:
        """Append rows given column by column (every column of the model, values as the rows hold them)."""
        self.write_table(columns_table(self.schema, columns))

    def write_table(self, table: pa.Table) -> None:
        """Append the rows of ``table``, an Arrow table of the model's schema."""
        self._csv.writerows(zip(*(csv_column(column) for column in table.itercolumns()), strict=True))
        self._parquet.write_table(table)
        self.count += table.num_rows

    def close(self) -> None:
        """Close both files."""
        self._handle.close()
        self._parquet.close()

    def __enter__(self) -> TableWriter:
        """The writer itself."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close both files."""
        self.close()


def _arrow_column(values: list[Any], kind: pa.DataType) -> list[Any]:
    """A column's values as Arrow takes them: an enum (dictionary) column as the enums' string values."""
    if pa.types.is_dictionary(kind):
        return [value.value if isinstance(value, Enum) else value for value in values]
    return values
