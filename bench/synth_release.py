"""Write a synthetic release directly: CSV, Parquet and datapackage.json, for corpora too large to build.

The rows come from synth_rows.py (the builders' functions, without YAML or
pydantic models); each table is written by the builders' own release writer
(:class:`usiraq.builders.release.TableWriter`, then ``write_descriptor``) in
batches, so memory stays flat however many articles. Rows are in article
order, not sorted by key. A corpus of about 51,000 articles has a million
claims.

Usage:
    python bench/synth_release.py OUT --articles 51000 [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from synth_registry import make_registry
from synth_rows import Corpus, Row, registry_rows
from synthetic import articles
from usiraq.builders.release import TableWriter, make_folders, write_descriptor
from usiraq.schema import TABLES
from usiraq.schema.version import data_version

BATCH = 50_000


class BatchWriter:
    """Queues one table's rows and writes them a batch at a time with the builders' :class:`TableWriter`."""

    def __init__(self, writer: TableWriter) -> None:
        self.writer, self.names = writer, list(writer.model.model_fields)
        self.pending: list[Row] = []

    def add(self, rows: list[Row]) -> None:
        """Queue rows, writing a batch when enough are queued."""
        self.pending.extend(rows)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the queued rows."""
        if self.pending:
            self.writer.write({name: [row.get(name) for row in self.pending] for name in self.names})
            self.pending = []

    def close(self) -> int:
        """Write what is left, close the files and return the rows written."""
        self.flush()
        self.writer.close()
        return self.writer.count


def write_release(out: Path, count: int, seed: int = 0) -> dict[str, int]:
    """Write the release of a corpus of ``count`` articles to ``out``; return the rows per table."""
    make_folders(out)
    registry = make_registry(count, seed)
    writers = {model.table_name: BatchWriter(TableWriter(model, out)) for model in TABLES}
    corpus = Corpus(registry)
    for name, rows in registry_rows(registry).items():
        writers[name].add(rows)
    for article in articles(registry, seed):
        for name, rows in corpus.rows(article).items():
            writers[name].add(rows)
    writers["events"].add(corpus.event_rows())
    writers["propositions"].add(corpus.proposition_rows())
    counts = {name: writer.close() for name, writer in writers.items()}
    write_descriptor(out, data_version())
    return counts


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
