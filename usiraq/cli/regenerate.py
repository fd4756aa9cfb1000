"""``usiraq regenerate``: rewrite every file generated from the schema."""

from __future__ import annotations

import click


@click.command("regenerate")
def command() -> None:
    """Regenerate the files derived from the schema (JSON Schemas, table schemas, codebook)."""
    from usiraq.schema.generate.files import write_generated_files

    changed = write_generated_files()
    for path in changed:
        click.echo(f"updated {path.as_posix()}")
    if not changed:
        click.echo("all generated files are up to date")
