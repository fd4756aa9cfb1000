"""Build the release tables: load the inputs, run every table builder in order, write the files.

The release as shipped (with croissant.json, validated before it is switched in)
is built by :func:`usiraq.release.build.build`, which calls :func:`build_release`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from usiraq.builders import review
from usiraq.builders.errors import BuildError, Problem, raise_if_any
from usiraq.builders.inputs import BuildInputs, load_inputs
from usiraq.builders.order import BUILD_ORDER, builder
from usiraq.builders.outdir import check_out_folder
from usiraq.builders.release import FolderStep, write_release
from usiraq.schema import TABLE_NAMES
from usiraq.schema.record import Record


@dataclass(frozen=True)
class BuildResult:
    """What a build made: where, how many rows per table, and the warnings to review."""

    out: Path
    rows: dict[str, int]
    warnings: list[str] = field(default_factory=list)


Progress = Callable[[str], None]
"""Told the name of each step of a build as it starts (see :data:`STEPS`)."""

STEPS: tuple[str, ...] = ("inputs", *BUILD_ORDER, "review", "release")
"""The steps of :func:`build_release`, in order: reading the inputs, each table, the warnings, writing the release."""


def build_release(
    root: Path,
    out: Path,
    version: str,
    progress: Progress | None = None,
    extra: FolderStep | None = None,
    check: FolderStep | None = None,
) -> BuildResult:
    """Build the release from the inputs under ``root`` and write it to ``out``, stamped with ``version``.

    Args:
        root: the dataset folder (sources.yaml, sources/, registry/, annotations/).
        out: where to write the release.
        version: the data version written into datapackage.json.
        progress: called with the name of each step in :data:`STEPS` as it starts.
        extra: writes further files into the release folder written, before it is flushed to disk.
        check: checks the release folder written before it replaces the previous one.

    Raises:
        RefusedError: ``root`` is not a dataset folder, or ``out`` is, holds or lies in the inputs, is not a release
            written by usiraq, or another build is writing it; nothing was read or written.
        BuildError: every problem with the inputs, each with file and line; the
            previous release is then left untouched.

    """
    step = progress or _quiet
    check_out_folder(out, root)
    with cyclic_gc_paused():
        step("inputs")
        inputs = load_inputs(root)
        built = build_tables(inputs, step)
        step("review")
        found = review.warnings(inputs, built)
        step("release")
        write_release(built, out, version, extra=extra, check=check)
    return BuildResult(out=out, rows={name: len(built[name]) for name in TABLE_NAMES}, warnings=found)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, restoring it after.

    A build makes millions of small objects (YAML nodes, input models, rows)
    that nearly all live until the release is written; the cyclic collector
    would walk them again and again (it takes 40% of a 5,000-article build).
    Reference counting still frees everything acyclic meanwhile.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _quiet(step: str) -> None:
    del step


def build_tables(inputs: BuildInputs, progress: Progress | None = None) -> dict[str, list[Record]]:
    """Every table's rows, built in :data:`BUILD_ORDER`.

    A failing builder does not stop the others, so one run reports every problem;
    only a table that reads a failed table is not built (its problems would be echoes).

    Raises:
        BuildError: the problems of every builder that failed.

    """
    built: dict[str, list[Record]] = {}
    problems: list[Problem] = []
    failed: set[str] = set()
    for name in BUILD_ORDER:
        (progress or _quiet)(name)
        built[name] = []
        if failed.intersection(builder(name).reads):
            failed.add(name)
            continue
        try:
            built[name] = builder(name).run(inputs, built)
        except BuildError as error:
            problems.extend(error.problems)
            failed.add(name)
    raise_if_any(problems)
    return built
