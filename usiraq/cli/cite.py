"""``usiraq cite``: how to cite the dataset, as APA, BibTeX or CITATION.cff."""

from __future__ import annotations

import click

from usiraq.citation import STYLES


@click.command("cite")
@click.option("--format", "style", type=click.Choice(STYLES), default="apa", show_default=True)
def command(style: str) -> None:
    """Print a citation of this version of the data."""
    from usiraq.citation import cite

    click.echo(cite(style).rstrip("\n"))
