"""``usiraq export``: copy every table, as CSV or Parquet, into a folder, with datapackage.json and the codebook."""

from __future__ import annotations

from pathlib import Path

import click

from usiraq.cli.errors import InputError
from usiraq.cli.options import out_option
from usiraq.release.export import EXPORT_FORMATS


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="csv", show_default=True)
@out_option("The folder to write.", required=True)
def command(fmt: str, out: Path) -> None:
    """Write <OUT>/<table>.<format> for every table of the shipped release, datapackage.json and CODEBOOK.md.

    The datapackage.json describes the copies (their names, schemas, bytes and
    hashes), so `frictionless validate OUT/datapackage.json` checks them.
    """
    from usiraq.release.export import export
    from usiraq.validation.package import PackageError
    from usiraq.validation.require import InvalidPackageError

    try:
        written = export(out, fmt)
    except InvalidPackageError as error:
        click.echo(error.text, err=True)
        click.echo("export refused: the package does not validate; nothing was written", err=True)
        raise click.exceptions.Exit(1) from None
    except (PackageError, ValueError) as error:
        raise InputError(str(error)) from None
    except OSError as error:
        raise InputError(f"{error.filename or out}: cannot write: {error.strerror or error}") from None
    tables = len(written) - 2
    click.echo(f"wrote {tables} {fmt} files, datapackage.json and CODEBOOK.md to {out}")
