"""Query the release with SQL: an in-memory DuckDB database with one view per table.

DuckDB is an optional dependency: ``pip install 'usiraq[duckdb]'``.

Example:
    >>> con = usiraq.connect()  # doctest: +SKIP
    >>> con.sql("SELECT modality, count(*) FROM claims GROUP BY 1").fetchall()  # doctest: +SKIP

"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from usiraq.loader import parquet_file, tables
from usiraq.validation.sqltext import identifier, literal

EXTRA_HINT = "usiraq.connect() needs DuckDB, an optional extra: pip install 'usiraq[duckdb]'"


def connect(path: str | Path | None = None) -> Any:
    """An in-memory DuckDB connection with a view per release table over its Parquet file.

    It also holds ``conflicts``: every row of :func:`usiraq.compare.conflicts`
    with ``all=True``; ``WHERE shown_by_default`` keeps the conflicts proper.

    Args:
        path: another copy of the data package; by default the shipped release.

    Raises:
        ImportError: if DuckDB is not installed; the message names the extra.

    """
    try:
        import duckdb
    except ImportError as error:
        raise ImportError(EXTRA_HINT) from error
    connection = duckdb.connect(":memory:")
    for name in tables():
        file = literal(parquet_file(name, path))
        connection.execute(f"CREATE VIEW {identifier(name)} AS SELECT * FROM read_parquet({file})")
    connection.register("conflicts", _conflicts(path))
    return connection


def _conflicts(path: str | Path | None) -> Any:
    """Every conflict and lesser difference inside and between articles (see usiraq.compare), as a frame."""
    from usiraq.compare import SOURCE_TABLES, conflicts
    from usiraq.loader import load

    return conflicts({name: load(name, path=path) for name in SOURCE_TABLES}, all=True)
