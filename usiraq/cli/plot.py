"""``usiraq plot``: the timeline of events and the force figures by article."""

from __future__ import annotations

from pathlib import Path

import click

from usiraq.cli.errors import InputError


@click.command("plot")
@click.argument("figure", type=click.Choice(["timeline", "figures"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Image file.")
def command(figure: str, output: Path) -> None:
    """Draw FIGURE (timeline or figures) from the shipped release into an image file.

    The suffix of the output file picks the format (.png, .svg, .pdf, ...);
    an unknown suffix or a missing folder is refused before anything is drawn.
    """
    from usiraq import plots
    from usiraq.loader import load

    try:
        plots.check_output(output)
        drawn = (
            plots.timeline(load("events")) if figure == "timeline" else plots.figures_by_article(load("force_figures"))
        )
        click.echo(f"wrote {plots.save(drawn, output)}")
    except (ImportError, ValueError) as error:
        raise InputError(str(error)) from None
    except OSError as error:
        raise InputError(f"{output}: cannot write: {error.strerror or error}") from None
