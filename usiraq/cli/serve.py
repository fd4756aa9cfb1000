"""``usiraq serve``: browse the release in a web browser (Datasette, the ``web`` extra)."""

from __future__ import annotations

from pathlib import Path

import click


class ServeFailure(click.ClickException):
    """A reason the server cannot start; exit code 2 (unusable input)."""

    exit_code = 2


@click.command("serve")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--port", "-p", type=click.IntRange(1, 65535), default=8001, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
def command(path: Path | None, port: int, host: str) -> None:
    """Serve the release in a web browser: tables, the articles marked up, conflicts, search.

    PATH is a usiraq.sqlite file or a release (its folder or datapackage.json);
    by default the shipped release. A release without usiraq.sqlite gets one
    built into the user's cache. Read-only; nothing is fetched. Ctrl-C stops it.
    """
    from usiraq.release.database import MissingExtraError
    from usiraq.validation.package import PackageError
    from usiraq.web.server import ServeError, check_port, database_for, require_extra, serve, url

    try:
        require_extra()
        check_port(host, port)
        database, note = database_for(path)
    except (MissingExtraError, ServeError, PackageError) as error:
        raise ServeFailure(str(error)) from None
    if note:
        click.echo(note, err=True)
    click.echo(f"usiraq serve: {url(host, port)} (Ctrl-C stops it)")
    serve(database, host, port)
