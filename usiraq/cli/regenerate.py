"""``usiraq regenerate``: rewrite every file generated from the schema."""

from __future__ import annotations

import click


@click.command("regenerate")
def command() -> None:
    """Regenerate the files derived from the schema (JSON Schema, codebook)."""
    from usiraq.schema.generate.files import write_generated_files

    for path in write_generated_files():
        click.echo(f"wrote {path}")
