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

    written = export(out, fmt)
    click.echo(f"wrote {len(written)} {fmt} files to {out}")
