"""The ``usiraq`` command line: one thin module per command."""

from __future__ import annotations

import click

from usiraq.schema.version import data_version


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(data_version(), "--version", "-V", prog_name="usiraq", message="%(prog)s %(version)s")
def main() -> None:
    """Build, validate and use the usiraq dataset.

    Evidence-linked tables on the 2024 talks on the future of US troops in
    Iraq: sources, actors, claims, force figures and events.
    """


def _register() -> None:
    """Attach every command module's command to the group."""
    from usiraq.cli import (
        build,
        cite,
        conflicts,
        coverage,
        diff,
        draft,
        export,
        info,
        plot,
        regenerate,
        release,
        serve,
        validate,
    )

    commands = (build, regenerate, validate, info, export, release, diff, cite, conflicts, plot, serve, draft, coverage)
    for module in commands:
        main.add_command(module.command)


_register()
