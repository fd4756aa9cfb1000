"""``usiraq info``: the version, the period covered, the articles, the tables with their row counts, the citation."""

from __future__ import annotations

from pathlib import Path

import click

from usiraq.cli.errors import InputError
from usiraq.cli.options import package_argument


@click.command("info")
@package_argument(required=False)
def command(path: Path | None) -> None:
    """Print the version, the period the events cover, each article and each table's row count, and a citation.

    PATH is a data package (its folder or datapackage.json); by default the
    release shipped with usiraq. A package that cannot be read exits with 2.
    """
    import pyarrow as pa

    from usiraq.info import render_summary, summary
    from usiraq.validation.package import PackageError

    try:
        click.echo(render_summary(summary(path)))
    except PackageError as error:
        raise InputError(str(error)) from None
    except (OSError, pa.ArrowException) as error:
        raise InputError(f"{path}: a Parquet file of the package cannot be read: {error}") from None
