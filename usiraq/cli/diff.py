"""``usiraq diff OLD NEW``: what changed between two data packages, table by table."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("diff")
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON.")
def command(old: Path, new: Path, as_json: bool) -> None:
    """List the rows added, removed and changed (by primary key) from OLD to NEW.

    OLD and NEW are data packages: folders holding a datapackage.json, or the
    files themselves. The exit code is 0 whether or not they differ.
    """
    from usiraq.diff import diff_as_json, diff_packages, render_diff
    from usiraq.validation.package import PackageError

    try:
        found = diff_packages(old, new)
    except PackageError as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(diff_as_json(found), indent=2, ensure_ascii=False) if as_json else render_diff(found))
