"""``usiraq regenerate``: rewrite every file generated from the schema."""

from __future__ import annotations

from pathlib import Path

import click

from usiraq.cli.errors import InputError


@click.command("regenerate")
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="The source checkout to write into. Default: the checkout usiraq runs from.",
)
def command(root: Path | None) -> None:
    """Regenerate the files derived from the schema (JSON Schemas, table schemas, codebook).

    Runs in a source checkout only: an installed usiraq is refused with exit code 2.
    """
    from usiraq.generated import NotACheckoutError, write_generated_files

    try:
        changed = write_generated_files(root)
    except NotACheckoutError as error:
        raise InputError(str(error)) from None
    for path in changed:
        click.echo(f"updated {path.as_posix()}")
    if not changed:
        click.echo("all generated files are up to date")
