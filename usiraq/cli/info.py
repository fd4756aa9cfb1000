"""``usiraq info``: the version, the tables with their row counts, and how to cite the data."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("info")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
def command(path: Path | None) -> None:
    """Print the version, each table's row count and a citation.

    PATH is a data package (its folder or datapackage.json); by default the
    release shipped with usiraq.
    """
    from usiraq.info import render_summary, summary
    from usiraq.validation.package import PackageError

    try:
        click.echo(render_summary(summary(path)))
    except PackageError as error:
        raise click.ClickException(str(error)) from None
