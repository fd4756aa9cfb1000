"""Write the release: CSV and Parquet per table, and datapackage.json, atomically and deterministically.

Everything is written to a temporary folder beside the release, flushed to
disk, checked, then switched in with one atomic step (see
:mod:`usiraq.builders.switch` for how and why); a failure or a crash at any
point leaves a complete release, the previous one until the switch. Nothing
written depends on the clock or on hash order, so the same rows give the same
bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

import pyarrow as pa
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


def write_release(
    built: dict[str, list[Record]],
    out: Path,
    version: str,
    extra: FolderStep | None = None,
    check: FolderStep | None = None,
) -> None:
    """Write every table of ``built`` and datapackage.json to ``out``, replacing it only on success.

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
            write_package(built, staging, version)
            if extra is not None:
                extra(staging)
            switch.sync_tree(staging)
            if check is not None:
                check(staging)
            switch.switch(staging, out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def write_package(built: dict[str, list[Record]], folder: Path, version: str) -> None:
    """Write csv/, parquet/ and datapackage.json into ``folder``."""
    (folder / "csv").mkdir()
    (folder / "parquet").mkdir()
    csv_resources, parquet_resources = [], []
    for model in TABLES:
        values = column_values(model, sorted_rows(built.get(model.table_name, [])))
        name = model.table_name
        write_csv(model, values, folder / "csv" / f"{name}.csv")
        write_parquet(model, values, folder / "parquet" / f"{name}.parquet")
        csv_resources.append(_resource(model, folder, f"csv/{name}.csv", "csv"))
        parquet_resources.append(_resource(model, folder, f"parquet/{name}.parquet", "parquet"))
    descriptor = frictionless.package_descriptor(version, csv_resources + parquet_resources)
    text = json.dumps(descriptor, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    (folder / "datapackage.json").write_text(text, encoding="utf-8", newline="\n")


def sorted_rows(rows: list[Record]) -> list[Record]:
    """The rows in primary key order."""
    return sorted(rows, key=primary_key)


def csv_cell(value: Any) -> str:
    """A value as the CSV writes it: None empty, booleans true/false, dates ISO, enums their value.

    Example:
        >>> csv_cell(True), csv_cell(None), csv_cell(dt.date(2024, 1, 9))
        ('true', '', '2024-01-09')

    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


Columns = dict[str, list[Any]]
"""A table's values, column by column, in the model's column order."""


def column_values(model: type[Record], rows: list[Record]) -> Columns:
    """The rows' values column by column, in the model's column order."""
    fields = [row.__dict__ for row in rows]
    return {name: [values[name] for values in fields] for name in model.model_fields}


def write_csv(model: type[Record], columns: Columns, path: Path) -> None:
    """Write a table as UTF-8 CSV: a header, commas, LF line ends, minimal quoting."""
    cells = [_csv_column(columns[name]) for name in model.model_fields]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=",", quotechar='"', lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(list(model.model_fields))
        writer.writerows(zip(*cells, strict=True))


def write_parquet(model: type[Record], columns: Columns, path: Path) -> None:
    """Write a table as Parquet with the table's Arrow schema and fixed writer options."""
    schema = arrow_schema(model)
    data = {field.name: _arrow_column(columns[field.name], field.type) for field in schema}
    table = pa.Table.from_pydict(data, schema=schema)
    pq.write_table(table, path, **PARQUET_OPTIONS)


def _csv_column(values: list[Any]) -> list[str]:
    """A column's cells as the CSV writes them (see :func:`csv_cell`); plain text columns in one pass."""
    sample = next((value for value in values if value is not None), None)
    if type(sample) is str:
        return ["" if value is None else value for value in values]
    if type(sample) is int:
        return ["" if value is None else str(value) for value in values]
    if isinstance(sample, Enum):
        return ["" if value is None else str(value.value) for value in values]
    return [csv_cell(value) for value in values]


def _arrow_column(values: list[Any], kind: pa.DataType) -> list[Any]:
    """A column's values as Arrow takes them: an enum (dictionary) column as the enums' string values."""
    if pa.types.is_dictionary(kind):
        return [None if value is None else value.value for value in values]
    return values


def _resource(model: type[Record], folder: Path, path: str, fmt: str) -> dict[str, Any]:
    data = (folder / path).read_bytes()
    descriptor = frictionless.resource(model, path=path, fmt=fmt)
    descriptor["bytes"] = len(data)
    descriptor["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    return descriptor
