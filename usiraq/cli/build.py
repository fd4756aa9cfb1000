"""``usiraq build``: build the release from the articles and their coding."""

from __future__ import annotations

from pathlib import Path

import click

from usiraq.cli.options import dataset_root_option, out_option


@click.command("build")
@dataset_root_option
@out_option("Where to write the release. Default: <root>/release.")
def command(root: Path, out: Path | None) -> None:
    """Build the release tables (CSV, Parquet, datapackage.json) from the inputs.

    Every problem with the inputs is printed as file:line: message, and the
    previous release is left untouched; the exit code is then 1. The release
    written is validated as `usiraq validate` does before it replaces the old
    one; if it is invalid the report is printed and the exit code is 1. An
    out folder that is, holds or lies inside the inputs, or that exists and
    is not a release written by usiraq, is refused with exit code 2, as is a
    second build while one is writing. On a terminal a progress bar shows the
    step under way.
    """
    import yaml

    from usiraq.builders.errors import BuildError, RefusedError, display_path
    from usiraq.cli.progress import progress_bar
    from usiraq.release.build import STEPS, build
    from usiraq.validation.require import InvalidPackageError

    try:
        with progress_bar("building", STEPS) as step:
            result = build(root, out, progress=step)
    except RefusedError as error:
        click.echo(f"build refused: {error}", err=True)
        raise click.exceptions.Exit(2) from None
    except InvalidPackageError as error:
        click.echo(error.text, err=True)
        click.echo("build failed: the release written does not validate; the release was not changed", err=True)
        raise click.exceptions.Exit(1) from None
    except BuildError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        count = len(error.problems)
        click.echo(f"build failed: {count} problem{'' if count == 1 else 's'}; the release was not changed", err=True)
        raise click.exceptions.Exit(1) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        name = getattr(error, "filename", None)
        where = f"{display_path(Path(name))}: " if name else ""
        click.echo(f"{where}build failed: {error}", err=True)
        raise click.exceptions.Exit(1) from None
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    width = max(len(name) for name in result.rows)
    click.echo(f"{'table':<{width}}  {'rows':>5}")
    for name, count in result.rows.items():
        click.echo(f"{name:<{width}}  {count:>5}")
    click.echo(f"wrote {display_path(result.out)}")
