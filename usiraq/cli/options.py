"""The options and arguments that several commands share, each defined once.

Example:
    >>> @click.command()
    ... @dataset_root_option
    ... @json_option("Print the result as JSON.")
    ... def command(root: Path, as_json: bool) -> None: ...
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

FC = TypeVar("FC", bound=Callable[..., Any])


def _dataset_root(_context: click.Context, _parameter: click.Parameter, value: Path | None) -> Path:
    """``value``, or the package's dataset folder when the option is not given."""
    if value is not None:
        return value
    from usiraq.release.build import default_root

    return default_root()


def dataset_root_option(command: FC) -> FC:
    """``--root``: the dataset folder, which must exist; the command receives the package's dataset/ without it."""
    return click.option(
        "--root",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=None,
        callback=_dataset_root,
        help="The dataset folder (sources.yaml, sources/, registry/, annotations/). Default: the package's dataset/.",
    )(command)


def out_option(help: str, *, folder: bool = True, required: bool = False) -> Callable[[FC], FC]:
    """``--out``: where a command writes, a folder (or, with ``folder=False``, a file); None when not given.

    Args:
        help: what is written there, and the default.
        folder: whether ``--out`` names a folder (a file is refused) or a file (a folder is refused).
        required: whether the option must be given.
    """
    kind = click.Path(file_okay=not folder, dir_okay=folder, path_type=Path)
    return click.option("--out", type=kind, required=required, help=help)


def json_option(help: str) -> Callable[[FC], FC]:
    """``--json``: a flag passed as ``as_json``; ``help`` says what is printed as JSON."""
    return click.option("--json", "as_json", is_flag=True, help=help)


def package_argument(name: str = "path", *, required: bool = True) -> Callable[[FC], FC]:
    """A data package argument (a datapackage.json or the folder holding one) that must exist."""
    return click.argument(name, required=required, type=click.Path(exists=True, path_type=Path))
