"""The error every command raises for unusable input: a one-line message on stderr, exit code 2."""

from __future__ import annotations

import click


class InputError(click.ClickException):
    """A bad option, path or file: printed as ``Error: <message>``, exit code 2 (as click does for usage errors)."""

    exit_code = 2
