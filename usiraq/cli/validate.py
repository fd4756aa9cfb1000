"""``usiraq validate``: check a data package (by default the shipped release)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command("validate")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (see docs/VALIDATION.md).")
def command(path: Path | None, as_json: bool) -> None:
    """Validate a data package: its Table Schemas' rules plus the dataset's own checks.

    PATH is a datapackage.json or the folder holding one; without it, the
    release shipped with usiraq is validated. Exit code 0: valid; 1: invalid;
    2: the package cannot be used (missing, malformed, unsafe or unreadable).
    On a terminal a progress bar shows the check under way.
    """
    from usiraq.cli.progress import progress_bar
    from usiraq.validation.render import render
    from usiraq.validation.report import Report
    from usiraq.validation.validate import STEPS, validate_package

    try:
        with progress_bar("validating", STEPS) as step:
            report = validate_package(path, progress=step)
    except Exception as error:  # the report covers every bad package; this is a last guard
        report = Report(package=str(path), error=f"unexpected {type(error).__name__}: {error}")
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(render(report), err=not report.usable)
    sys.exit(report.exit_code)
