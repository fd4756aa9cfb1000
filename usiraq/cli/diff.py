"""``usiraq diff OLD NEW``: what changed between two data packages, table by table."""

from __future__ import annotations

import json
from pathlib import Path

import click

from usiraq.cli.options import json_option, package_argument


@click.command("diff")
@package_argument("old")
@package_argument("new")
@json_option("Print the differences as JSON.")
def command(old: Path, new: Path, as_json: bool) -> None:
    """List the rows added, removed and changed (by primary key) from OLD to NEW.

    OLD and NEW are data packages: folders holding a datapackage.json, or the
    files themselves; their CSV resources are compared. The exit code is 0
    whether or not they differ, and 2 if either cannot be read (not a
    package, a missing, empty, truncated or non-UTF-8 CSV file, a repeated
    primary key).
    """
    from usiraq.diff import diff_as_json, diff_packages, render_diff
    from usiraq.validation.package import PackageError
    from usiraq.validation.report import one_line

    try:
        found = diff_packages(old, new)
    except (PackageError, OSError) as error:
        click.echo(f"usiraq diff: cannot compare: {one_line(str(error))}", err=True)
        raise click.exceptions.Exit(2) from None
    click.echo(json.dumps(diff_as_json(found), indent=2, ensure_ascii=False) if as_json else render_diff(found))
