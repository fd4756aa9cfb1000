"""``usiraq release``: write the downloadable dist/usiraq-data-<version>.zip."""

from __future__ import annotations

import hashlib
from pathlib import Path

import click


@click.command("release")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The folder to write the zip into. Default: dist/ in the checkout.",
)
def command(out: Path | None) -> None:
    """Write usiraq-data-<version>.zip: CSV, Parquet, datapackage.json, docs, citation, licences.

    Runs from a source checkout (the codebook and coding docs are not in the
    wheel); the same files always give the same zip.
    """
    from usiraq.distribution import NotACheckoutError, build_zip
    from usiraq.validation.package import PackageError
    from usiraq.validation.require import InvalidPackageError

    try:
        made = build_zip(out)
    except InvalidPackageError as error:
        click.echo(error.text, err=True)
        click.echo("release refused: the package does not validate; no zip was written", err=True)
        raise click.exceptions.Exit(1) from None
    except (NotACheckoutError, PackageError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    digest = hashlib.sha256(made.path.read_bytes()).hexdigest()
    click.echo(f"wrote {made.path} ({len(made.members)} files, sha256 {digest})")
