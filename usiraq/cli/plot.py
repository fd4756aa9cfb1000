"""``usiraq plot``: the timeline of events and the force figures by article."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("plot")
@click.argument("figure", type=click.Choice(["timeline", "figures"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Image file.")
def command(figure: str, output: Path) -> None:
    """Draw FIGURE (timeline or figures) from the shipped release into an image file."""
    from usiraq import plots
    from usiraq.loader import load

    try:
        drawn = (
            plots.timeline(load("events")) if figure == "timeline" else plots.figures_by_article(load("force_figures"))
        )
    except ImportError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"wrote {plots.save(drawn, output)}")
