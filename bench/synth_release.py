"""Write a synthetic release directly: CSV, Parquet and datapackage.json, for corpora too large to build.

The rows come from synth_rows.py (the builders' rules, without YAML or
pydantic); each table is written as the builder writes it (UTF-8 CSV with
minimal quoting and LF line ends; Parquet with the models' Arrow schema) in
batches, so memory stays flat however many articles. Rows are in article
order, not sorted by key. A corpus of about 51,000 articles has a million
claims.

Usage:
    python bench/synth_release.py OUT --articles 51000 [--seed 0]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from synth_registry import make_registry
from synth_rows import Corpus, Row, registry_rows
from synthetic import articles
from usiraq.builders.release import PARQUET_OPTIONS, csv_cell
from usiraq.schema import TABLES
from usiraq.schema.generate import frictionless
from usiraq.schema.generate.arrow import arrow_schema
from usiraq.schema.record import Record
from usiraq.schema.version import data_version

BATCH = 50_000


class TableWriter:
    """Writes one table's CSV and Parquet files, a batch of rows at a time."""

    def __init__(self, model: type[Record], folder: Path) -> None:
        self.model, self.names = model, list(model.model_fields)
        self.schema = arrow_schema(model)
        self.handle = (folder / "csv" / f"{model.table_name}.csv").open("w", encoding="utf-8", newline="")
        self.csv = csv.writer(self.handle, delimiter=",", quotechar='"', lineterminator="\n")
        self.csv.writerow(self.names)
        self.parquet = pq.ParquetWriter(
            folder / "parquet" / f"{model.table_name}.parquet", self.schema, **PARQUET_OPTIONS
        )
        self.pending: list[Row] = []
        self.count = 0

    def add(self, rows: list[Row]) -> None:
        """Queue rows, writing a batch when enough are queued."""
        self.pending.extend(rows)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the queued rows."""
        if not self.pending:
            return
        columns = {name: [plain(row.get(name)) for row in self.pending] for name in self.names}
        self.csv.writerows(zip(*([csv_cell(value) for value in columns[name]] for name in self.names), strict=True))
        self.parquet.write_table(pa.Table.from_pydict(columns, schema=self.schema))
        self.count += len(self.pending)
        self.pending = []

    def close(self) -> None:
        """Write what is left and close both files."""
        self.flush()
        self.handle.close()
        self.parquet.close()


def plain(value: Any) -> Any:
    """An enum as its string value; anything else as it is."""
    return value.value if isinstance(value, Enum) else value


def write_release(out: Path, count: int, seed: int = 0) -> dict[str, int]:
    """Write the release of a corpus of ``count`` articles to ``out``; return the rows per table."""
    (out / "csv").mkdir(parents=True, exist_ok=True)
    (out / "parquet").mkdir(exist_ok=True)
    registry = make_registry(count, seed)
    writers = {model.table_name: TableWriter(model, out) for model in TABLES}
    corpus = Corpus(registry)
    for name, rows in registry_rows(registry).items():
        writers[name].add(rows)
    for article in articles(registry, seed):
        for name, rows in corpus.rows(article).items():
            writers[name].add(rows)
    writers["events"].add(corpus.event_rows())
    writers["propositions"].add(corpus.proposition_rows())
    for writer in writers.values():
        writer.close()
    write_descriptor(out)
    return {name: writer.count for name, writer in writers.items()}


def write_descriptor(out: Path) -> None:
    """datapackage.json, with every file's bytes and sha256, as the builder writes it."""
    resources = []
    for fmt in ("csv", "parquet"):
        for model in TABLES:
            path = f"{fmt}/{model.table_name}.{fmt}"
            resource = frictionless.resource(model, path=path, fmt=fmt)
            resource |= file_stamp(out / path)
            resources.append(resource)
    descriptor = frictionless.package_descriptor(data_version(), resources)
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    (out / "datapackage.json").write_text(text, encoding="utf-8", newline="\n")


def file_stamp(path: Path) -> dict[str, Any]:
    """``bytes`` and ``hash`` of a file, read in chunks."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return {"bytes": size, "hash": f"sha256:{digest.hexdigest()}"}


def main(argv: list[str] | None = None) -> int:
    """Write a release from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the release folder to write (created)")
    parser.add_argument("--articles", type=int, default=100, help="number of articles (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    rows = write_release(args.out, args.articles, args.seed)
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
