"""The package's CSV tables, read once into an in-memory DuckDB database and typed by the table models.

Every check queries the same database, so each file is read once however many
checks use it, and large tables are checked column-wise in SQL rather than
row by row in Python. For each release table:

- ``raw_<table>``: the CSV cells as text by header position (see
  :mod:`usiraq.validation.loading`), with ``_row``, the row number as
  Frictionless counts it;
- ``<table>`` (a view): the model's columns by name, typed as read by the one
  typer (:func:`usiraq.validation.typer.value`) from the Table Schema fields
  the models generate; a cell that does not parse as its column's type is
  NULL there (the standards gate reports the cell itself);
- ``source_texts`` (a view): each source_id's text (the last row wins if the
  id repeats), and its length in code points, ``size`` (counted once, as
  checks join it to millions of rows).

A table the package does not have reads as no rows; the ``package-resources``
check reports it missing.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from usiraq.schema import TABLE_NAMES, model_for
from usiraq.schema.generate.frictionless import field_descriptor
from usiraq.schema.introspect import columns
from usiraq.validation.hashes import file_digest
from usiraq.validation.loading import column, load_raw
from usiraq.validation.package import LocalPackage, PackageError
from usiraq.validation.sqltext import identifier, identifiers
from usiraq.validation.typer import sql_type, value

FIRST_ROW = 2
"""Row number of the first data row (the header is row 1, as Frictionless counts)."""

READERS = 2
"""Threads reading CSV files into DuckDB at once."""
DUCKDB_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "preserve_insertion_order": True,
    "allocator_flush_threshold": "8MB",
    "allocator_background_threads": True,
}
"""Rows stay in file order (row numbers come from it); freed memory goes back to the system soon, which keeps the
peak down (1.6 GB rather than 1.75 GB validating a million claims)."""

Row = dict[str, Any]


@dataclass
class Tables:
    """The typed tables of one package, in DuckDB.

    Attributes:
        package: the package.

    """

    package: LocalPackage
    _connection: Any = None
    _owner: int = 0
    _cursors: dict[int, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _headers: dict[str, list[str]] = field(default_factory=dict)
    _digests: dict[tuple[Path, str], tuple[int, str]] = field(default_factory=dict)
    _pending: dict[tuple[Path, str], Future[tuple[int, str]]] = field(default_factory=dict)

    @property
    def connection(self) -> Any:
        """The DuckDB connection holding the tables: the thread's own cursor on it, in a thread that did not open it.

        DuckDB runs queries from different cursors of one database at the same
        time, so files can be read side by side (see :meth:`load_all`).
        """
        with self._lock:
            if self._connection is None:
                import duckdb

                self._connection = _quiet(duckdb.connect(":memory:", config=DUCKDB_CONFIG))
                self._owner = threading.get_ident()
            thread = threading.get_ident()
            if thread == self._owner:
                return self._connection
            if thread not in self._cursors:
                self._cursors[thread] = _quiet(self._connection.cursor())
            return self._cursors[thread]

    def view(self, name: str) -> str:
        """The quoted name of table ``name``'s typed view, reading the table first if need be.

        Raises:
            PackageError: if the CSV file is missing, not UTF-8 or not CSV.

        """
        if name not in self._headers:
            self._load(name)
        return identifier(name)

    def query(self, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
        """The rows ``sql`` selects (views are read first if the query names them as ``{table}``)."""
        found: list[tuple[Any, ...]] = self.connection.execute(self.expand(sql), list(parameters)).fetchall()
        return found

    def batches(self, sql: str, size: int = 2_000) -> Iterator[list[tuple[Any, ...]]]:
        """The rows ``sql`` selects, a batch at a time (for wide rows such as article texts)."""
        result = self.connection.execute(self.expand(sql))
        while batch := result.fetchmany(size):
            yield batch

    def expand(self, sql: str) -> str:
        """``sql`` with each ``{table}`` replaced by that table's view (read on first use)."""
        return re.sub(r"\{(\w+)\}", lambda match: self.view(match[1]) if match[1] in TABLE_NAMES else match[0], sql)

    def rows(self, name: str) -> list[Row]:
        """The rows of table ``name``, typed, as dicts (for small tables; checks of large ones use SQL)."""
        names = list(model_for(name).model_fields)
        selected = identifiers(names)
        found = self.query(f"SELECT {selected} FROM {{{name}}} ORDER BY _row")
        return [dict(zip(names, row, strict=True)) for row in found]

    def numbered(self, name: str) -> Iterator[tuple[int, Row]]:
        """``(row number, row)`` for every row of table ``name``."""
        return enumerate(self.rows(name), start=FIRST_ROW)

    def header(self, name: str) -> list[str]:
        """The column names in the CSV file's header (empty if the table is missing)."""
        self.view(name)
        return self._headers[name]

    def count(self, name: str) -> int:
        """The number of data rows of table ``name``."""
        return int(self.query(f"SELECT count(*) FROM {{{name}}}")[0][0])

    def texts(self) -> dict[str, str]:
        """Article text by source_id."""
        self.view("sources")
        return dict(self.query("SELECT source_id, text FROM source_texts"))

    def load_all(self) -> dict[str, int]:
        """Read every table now (a missing one as no rows); return the row count of each table present.

        :data:`READERS` threads read the files side by side, largest first
        (DuckDB reads one file in few threads when its buffers are large, and
        large buffers cost less work per byte), each through its own cursor.

        Raises:
            PackageError: if a CSV file is missing, not UTF-8 or not CSV (the
                first such table in release order).

        """
        present = [name for name in TABLE_NAMES if self.present(name)]
        largest = sorted(present, key=self._csv_bytes, reverse=True)
        with ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="usiraq-read") as pool:
            reads = {name: pool.submit(self.view, name) for name in largest}
        for name in present:  # the first failure in release order is the one reported
            reads[name].result()
        for name in TABLE_NAMES:
            self.view(name)
        return {name: self.count(name) for name in present}

    def _csv_bytes(self, name: str) -> int:
        try:
            return self.package.resource_path(name, "csv").stat().st_size
        except (PackageError, OSError):
            return 0

    def present(self, name: str) -> bool:
        """True when the package has a CSV resource for table ``name``."""
        try:
            self.package.resource(name, "csv")
        except PackageError:
            return False
        return True

    def digest(self, path: Path, algorithm: str = "sha256") -> tuple[int, str]:
        """(byte count, hex digest) of a file of the package, computed once per algorithm."""
        key = (path, algorithm)
        if key not in self._digests:
            pending = self._pending.pop(key, None)
            self._digests[key] = pending.result() if pending is not None else file_digest(path, algorithm)
        return self._digests[key]

    def prefetch(self, files: Iterable[tuple[Path, str]]) -> None:
        """Start hashing ``files`` ((path, algorithm) pairs) in a thread, while the tables are read."""
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="usiraq-digest")
        for key in files:
            if key not in self._digests and key not in self._pending:
                self._pending[key] = executor.submit(file_digest, *key)
        executor.shutdown(wait=False)

    def close(self) -> None:
        """Close the database."""
        for cursor in self._cursors.values():
            cursor.close()
        self._cursors.clear()
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _load(self, name: str) -> None:
        fields = [field_descriptor(spec) for spec in columns(model_for(name))]
        if self.present(name):
            header = load_raw(self.connection, name, self.package.resource_path(name, "csv"))
        else:
            header = []
            self.connection.execute(f'CREATE OR REPLACE VIEW "raw_{name}" AS SELECT NULL::BIGINT AS _row WHERE false')
        positions = {label: position for position, label in enumerate(header)}
        typed = ", ".join(_typed(field, positions.get(field["name"])) for field in fields)
        self.connection.execute(f'CREATE OR REPLACE VIEW "{name}" AS SELECT _row, {typed} FROM "raw_{name}"')
        if name == "sources":
            self._source_texts()
        self._headers[name] = header

    def _source_texts(self) -> None:
        """The view of each article's text: a plain filter when source_ids are unique, else the last row's."""
        counts = self.connection.execute('SELECT count(source_id), count(DISTINCT source_id) FROM "sources"').fetchall()
        unique = counts[0][0] == counts[0][1]
        body = _UNIQUE_TEXTS if unique else _LAST_TEXTS
        self.connection.execute(
            f"CREATE OR REPLACE TABLE source_sizes AS SELECT source_id, length(text) AS size FROM ({body})"
        )
        self.connection.execute(
            f"CREATE OR REPLACE VIEW source_texts AS SELECT * FROM ({body}) JOIN source_sizes USING (source_id)"
        )


def _quiet(connection: Any) -> Any:
    """``connection`` with DuckDB's progress bar off: stdout belongs to ``--json``."""
    connection.execute("SET enable_progress_bar = false")
    return connection


_UNIQUE_TEXTS = "SELECT source_id, text FROM sources WHERE source_id IS NOT NULL AND text IS NOT NULL"
_LAST_TEXTS = "SELECT source_id, arg_max(text, _row) AS text FROM sources WHERE text IS NOT NULL GROUP BY source_id"
_LAST_TEXTS = _LAST_TEXTS.replace("WHERE", "WHERE source_id IS NOT NULL AND")


def _typed(field: dict[str, Any], position: int | None) -> str:
    """The select item of one typed column: the raw cell at header ``position`` typed, or NULL if there is none."""
    typed = value(field, column(position)) if position is not None else f"NULL::{sql_type(field)}"
    return f"{typed} AS {identifier(field['name'])}"
