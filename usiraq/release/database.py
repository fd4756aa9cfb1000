"""usiraq.sqlite: the release as one SQLite database, built with sqlite-utils, the same bytes every time.

Every table of the schema becomes a table with its column types (text,
integer; dates as ISO 8601 text, booleans as 0/1), NOT NULL where the schema
requires a value, its primary key and its foreign keys. Full-text search
(FTS5) covers the columns named in :data:`SEARCHABLE`: quotes, claim contents,
event summaries, article texts and headlines, proposition statements. The rows
come from the release's Parquet files, so the database holds exactly the
release. sqlite-utils is a main dependency of usiraq.

Example:
    >>> import sqlite3, tempfile, pathlib
    >>> path = build_sqlite(pathlib.Path(tempfile.mkdtemp()) / "usiraq.sqlite")
    >>> connection = sqlite3.connect(path)
    >>> connection.execute("select count(*) from claims_fts where claims_fts match 'troops'").fetchone()[0] > 0
    True

"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FILE_NAME = "usiraq.sqlite"
SEARCHABLE = ("headline", "text", "name", "statement", "summary", "content", "description", "quote")
_SQL_TYPES = {"string": str, "enum": str, "date": str, "integer": int, "boolean": int}


class MissingExtraError(RuntimeError):
    """A package of the ``web`` extra is not installed."""


def sqlite_utils_module() -> Any:
    """The sqlite_utils module, or a :class:`MissingExtraError` that says how to install it."""
    try:
        import sqlite_utils
    except ImportError:
        raise MissingExtraError("the SQLite database needs sqlite-utils: pip install sqlite-utils") from None
    return sqlite_utils


def build_sqlite(target: Path, package: str | Path | None = None) -> Path:
    """Write the release at ``package`` (default: the shipped one) as a SQLite database at ``target``.

    The file is written beside ``target`` under a temporary name and moved into
    place once complete, so a failed build leaves no half-written database.

    Raises:
        MissingExtraError: if sqlite-utils is not installed.
        usiraq.validation.package.PackageError: if the package is unusable.

    """
    sqlite_utils = sqlite_utils_module()
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        connection = sqlite3.connect(partial, isolation_level=None)
        db = sqlite_utils.Database(connection)
        _fill(db, package)
        connection.execute("vacuum")
        connection.close()
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def sqlite_bytes(package: str | Path | None = None) -> bytes:
    """The bytes of the database built from ``package``, for the release zip."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return build_sqlite(Path(folder) / FILE_NAME, package).read_bytes()


def cached_sqlite(package: str | Path | None = None, cache_dir: Path | None = None) -> tuple[Path, bool]:
    """The database of a release in the user's cache, built there first if it is not yet.

    The cache entry is named after the sha256 of the release's datapackage.json
    (which records every file's hash), so a changed release gets a new database.

    Returns:
        The path of the database, and whether it was built by this call.

    """
    from usiraq.validation.hashes import file_digest
    from usiraq.validation.package import open_package

    descriptor = open_package(package).descriptor_path
    digest = file_digest(Path(descriptor), "sha256")[1][:16]
    folder = (cache_dir or user_cache_dir()) / digest
    path = folder / FILE_NAME
    if path.is_file():
        return path, False
    folder.mkdir(parents=True, exist_ok=True)
    return build_sqlite(path, package), True


def user_cache_dir() -> Path:
    """Where built databases are kept: ``$XDG_CACHE_HOME/usiraq`` (by default ``~/.cache/usiraq``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "usiraq"


def _fill(db: Any, package: str | Path | None) -> None:
    from usiraq.loader import load
    from usiraq.schema import TABLES
    from usiraq.schema.introspect import columns

    for model in TABLES:
        specs = columns(model)
        table = db[model.table_name]
        table.create(
            {spec.name: _SQL_TYPES[spec.kind] for spec in specs},
            pk=model.primary_key if len(model.primary_key) > 1 else model.primary_key[0],
            not_null={spec.name for spec in specs if not spec.nullable},
            foreign_keys=[_foreign_key(fk) for fk in model.foreign_keys],
        )
        arrow = load(model.table_name, format="arrow", path=package)
        table.insert_all(_rows(arrow.to_pylist()), batch_size=1000)
        searchable = [spec.name for spec in specs if spec.name in SEARCHABLE]
        if searchable:
            table.enable_fts(searchable, fts_version="FTS5", tokenize="porter")


def _foreign_key(fk: Any) -> tuple[str, str, str]:
    """A one-column foreign key as sqlite-utils takes it (the schema has no other kind)."""
    if len(fk.fields) != 1:
        columns = ", ".join(fk.fields)
        raise ValueError(f"a foreign key of {len(fk.fields)} columns ({columns}) cannot go into SQLite here")
    return fk.fields[0], fk.table, fk.reference_fields[0]


def _rows(records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows as SQLite stores them: dates as ISO text, booleans as 0/1."""
    for record in records:
        yield {key: _cell(value) for key, value in record.items()}


def _cell(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value
