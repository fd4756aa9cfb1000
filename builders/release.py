"""Write the release: CSV and Parquet per table, and datapackage.json, atomically and deterministically.

Everything is written to a temporary folder beside the release, then swapped
in with two renames; a failure at any point leaves the previous release as it
was. Nothing written depends on the clock or on hash order, so the same rows
give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import shutil
import tempfile
from enum import Enum
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from usiraq.builders.rows import primary_key
from usiraq.schema import TABLES
from usiraq.schema.generate import frictionless
from usiraq.schema.generate.arrow import arrow_schema
from usiraq.schema.record import Record

from usiraq.croissant import write_croissant

PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 9,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
    "data_page_version": "1.0",
}


def write_release(built: dict[str, list[Record]], out: Path, version: str) -> None:
    """Write every table of ``built`` and datapackage.json to ``out``, replacing it only on success."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-tmp-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the release is not
    try:
        write_package(built, staging, version)
        swap_in(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_package(built: dict[str, list[Record]], folder: Path, version: str) -> None:
    """Write csv/, parquet/, datapackage.json and croissant.json into ``folder``."""
    (folder / "csv").mkdir()
    (folder / "parquet").mkdir()
    csv_resources, parquet_resources = [], []
    for model in TABLES:
        rows = sorted_rows(built.get(model.table_name, []))
        name = model.table_name
        write_csv(model, rows, folder / "csv" / f"{name}.csv")
        write_parquet(model, rows, folder / "parquet" / f"{name}.parquet")
        csv_resources.append(_resource(model, folder, f"csv/{name}.csv", "csv", name))
        parquet_resources.append(_resource(model, folder, f"parquet/{name}.parquet", "parquet", f"{name}-parquet"))
    descriptor = frictionless.package_descriptor(version, csv_resources + parquet_resources)
    text = json.dumps(descriptor, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    (folder / "datapackage.json").write_text(text, encoding="utf-8", newline="\n")
    write_croissant(folder)


def swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with two renames, restoring ``out`` if the second fails."""
    if not out.exists():
        staging.rename(out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
    retired.rmdir()
    out.rename(retired)
    try:
        staging.rename(out)
    except BaseException:
        retired.rename(out)
        raise
    shutil.rmtree(retired, ignore_errors=True)


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


def write_csv(model: type[Record], rows: list[Record], path: Path) -> None:
    """Write ``rows`` as UTF-8 CSV: a header, commas, LF line ends, minimal quoting."""
    names = list(model.model_fields)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=",", quotechar='"', lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(names)
        for row in rows:
            writer.writerow([csv_cell(getattr(row, name)) for name in names])


def write_parquet(model: type[Record], rows: list[Record], path: Path) -> None:
    """Write ``rows`` as Parquet with the table's Arrow schema and fixed writer options."""
    schema = arrow_schema(model)
    data = [{name: _arrow_value(getattr(row, name)) for name in schema.names} for row in rows]
    table = pa.Table.from_pylist(data, schema=schema)
    pq.write_table(table, path, **PARQUET_OPTIONS)


def _arrow_value(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _resource(model: type[Record], folder: Path, path: str, fmt: str, name: str) -> dict[str, Any]:
    data = (folder / path).read_bytes()
    descriptor = frictionless.resource(model, path=path, fmt=fmt)
    descriptor["name"] = name
    descriptor["bytes"] = len(data)
    descriptor["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    return descriptor
