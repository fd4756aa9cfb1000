"""``usiraq release``: write the downloadable dist/usiraq-data-<version>.zip and the wheel beside it."""

from __future__ import annotations

from pathlib import Path

import click

from usiraq.cli.errors import InputError
from usiraq.cli.options import out_option


@click.command("release")
@out_option("The folder to write the zip and the wheel into. Default: dist/ in the checkout.")
@click.option("--no-wheel", is_flag=True, help="Write only the zip, not the wheel beside it.")
def command(out: Path | None, no_wheel: bool) -> None:
    """Write usiraq-data-<version>.zip (CSV, Parquet, usiraq.xlsx, datapackage.json, docs, citation, licences).

    The wheel of the same version is built beside it (the zip's README says how
    to install it). Runs from a source checkout (the codebook and coding docs are
    not in the wheel); the same files always give the same zip.
    """
    from usiraq.release.database import MissingExtraError
    from usiraq.release.distribution import NotACheckoutError, build_wheel, build_zip
    from usiraq.release.spreadsheet import SpreadsheetError
    from usiraq.validation.package import PackageError
    from usiraq.validation.require import InvalidPackageError

    try:
        made = build_zip(out)
        written = [made.path] if no_wheel else [made.path, build_wheel(out)]
    except InvalidPackageError as error:
        click.echo(error.text, err=True)
        click.echo("release refused: the package does not validate; no zip was written", err=True)
        raise click.exceptions.Exit(1) from None
    except (NotACheckoutError, MissingExtraError, PackageError, SpreadsheetError, ValueError) as error:
        raise InputError(str(error)) from None
    except OSError as error:
        raise InputError(f"{error.filename or out}: cannot write: {error.strerror or error}") from None
    except RuntimeError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"wrote {made.path} ({len(made.members)} files, sha256 {_sha256(made.path)})")
    for path in written[1:]:
        click.echo(f"wrote {path} (sha256 {_sha256(path)})")


def _sha256(path: Path) -> str:
    from usiraq.validation.hashes import file_digest

    return file_digest(path, "sha256")[1]
