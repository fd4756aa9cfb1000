"""Serve usiraq.sqlite with Datasette: read-only, on the loopback interface by default, offline.

:func:`database_for` finds the database of a release (its ``usiraq.sqlite``,
or one built from it into the user's cache); :func:`make_datasette` sets
Datasette up over it with the metadata generated from the schema, the plugin,
its templates and its static files; :func:`serve` checks the port and runs it.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from usiraq.release.database import FILE_NAME, MissingExtraError, cached_sqlite

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


class ServeError(RuntimeError):
    """The server cannot start: a busy port, an unreadable database or release."""


def require_extra() -> None:
    """Check that the ``web`` extra is installed.

    Raises:
        MissingExtraError: naming what to install.

    """
    try:
        import datasette  # noqa: F401
        import sqlite_utils  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as error:
        message = f"usiraq serve needs the web extra ({error.name} is missing): pip install 'usiraq[web]'"
        raise MissingExtraError(message) from None


def database_for(path: Path | None, cache_dir: Path | None = None) -> tuple[Path, str | None]:
    """The SQLite file to serve for ``path`` (a .sqlite file, a release folder or its datapackage.json).

    A release without a usiraq.sqlite gets one built into the user's cache
    (never into the release folder or the package).

    Returns:
        The database, and a note to print when it was just built.

    Raises:
        ServeError: if the database is not a readable SQLite file, or cannot be built into the cache.
        usiraq.validation.package.PackageError: if the release is unusable.

    """
    if path is not None and path.suffix in (".sqlite", ".db", ".sqlite3"):
        return check_sqlite(path), None
    folder = None if path is None else (path.parent if path.is_file() else path)
    if folder is not None and (folder / FILE_NAME).is_file():
        return check_sqlite(folder / FILE_NAME), None
    try:
        built, fresh = cached_sqlite(path, cache_dir)
    except OSError as error:
        where = error.filename or "the cache"
        raise ServeError(f"cannot build the database from the release into {where}: {error.strerror}") from None
    return built, (f"built {built} from the release" if fresh else None)


def check_sqlite(path: Path) -> Path:
    """``path`` if it is a readable SQLite database with a ``sources`` table, else a :class:`ServeError`."""
    import sqlite3

    if not path.is_file():
        raise ServeError(f"{path}: no such file")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            found = connection.execute("select 1 from sqlite_master where type = 'table' and name = 'sources'")
            if found.fetchone() is None:
                raise ServeError(f"{path}: not a usiraq database (it has no sources table)")
    except sqlite3.DatabaseError as error:
        raise ServeError(f"{path}: not a readable SQLite database ({error})") from None
    return path


def make_datasette(database: Path) -> Any:
    """A Datasette over ``database`` in immutable mode, with the usiraq metadata, plugin, templates and styles."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from usiraq.web import plugin
    from usiraq.web.metadata import metadata

    if pm.get_plugin("usiraq") is None:
        pm.register(plugin, name="usiraq")
    return Datasette(
        immutables=[str(database)],
        metadata=metadata(database.stem),
        template_dir=str(TEMPLATES),
        static_mounts=[(plugin.STATIC_MOUNT, str(STATIC))],
        settings={"truncate_cells_html": 400, "default_page_size": 50, "suggest_facets": False},
    )


def check_port(host: str, port: int) -> None:
    """Fail with a :class:`ServeError` if ``host:port`` cannot be bound (in use, or a host not on this machine)."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def url(host: str, port: int) -> str:
    """The address to open in a browser."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(database: Path, host: str, port: int) -> None:
    """Run the server until Ctrl-C (uvicorn stops it cleanly on SIGINT and SIGTERM)."""
    import uvicorn

    datasette = make_datasette(database)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
