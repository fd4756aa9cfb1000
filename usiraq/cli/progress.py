"""A progress bar for long commands: drawn on a terminal, silent otherwise (pipes, CI logs, tests)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import click

Step = Callable[[str], None]


@contextmanager
def progress_bar(label: str, steps: Sequence[str]) -> Iterator[Step]:
    """Yield a function to call with each step's name as it starts; a bar on stderr only if it is a terminal."""
    if not sys.stderr.isatty():
        yield _silent
        return
    started = [False]
    with click.progressbar(length=len(steps), label=label, file=sys.stderr, item_show_func=_shown) as bar:

        def step(name: str) -> None:
            bar.update(1 if started[0] else 0, name)
            started[0] = True

        yield step


def _silent(name: str) -> None:
    del name


def _shown(name: str | None) -> str | None:
    return name
