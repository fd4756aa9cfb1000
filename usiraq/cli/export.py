"""``usiraq export``: copy every table, as CSV or Parquet, into a folder."""

from __future__ import annotations

from pathlib import Path

import click

from usiraq.export import EXPORT_FORMATS


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="csv", show_default=True)
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="The folder to write.")
def command(fmt: str, out: Path) -> None:
    """Write <OUT>/<table>.<format> for every table of the shipped release."""
    from usiraq.export import export
    from usiraq.validation.require import InvalidPackageError

    try:
        written = export(out, fmt)
    except InvalidPackageError as error:
        click.echo(error.text, err=True)
        click.echo("export refused: the package does not validate; nothing was written", err=True)
        raise click.exceptions.Exit(1) from None
    click.echo(f"wrote {len(written)} {fmt} files to {out}")
