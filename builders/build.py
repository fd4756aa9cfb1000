"""Build the release tables: load the inputs, run every table builder in order, write the files.

Each table, once built, is kept as an Arrow table (:func:`usiraq.builders.release.arrow_table`)
and its row models are dropped, unless a later builder reads them (the ``reads`` of
its entry in :data:`usiraq.builders.order.BUILDERS`); those
are dropped once the last builder that reads them has run. The inputs are dropped once the
warnings are made, so the release is written and checked with neither inputs nor models held.

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
from usiraq.builders.release import FolderStep, Tables, arrow_table, write_release
from usiraq.schema import TABLE_NAMES, model_for
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
        tables = build_tables(inputs, step)
        step("review")
        found = review.warnings(inputs, tables)
        del inputs  # freed here: the release is written and checked without them
    step("release")
    write_release(tables, out, version, extra=extra, check=check)
    return BuildResult(out=out, rows={name: tables[name].num_rows for name in TABLE_NAMES}, warnings=found)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, restoring it after.

    A build makes millions of small objects (YAML nodes, input models, rows)
    that nearly all live until the last table is built; the cyclic collector
    would walk them again and again (it took 40% of a 5,000-article build).
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


def build_tables(inputs: BuildInputs, progress: Progress | None = None) -> Tables:
    """Every table, built in :data:`BUILD_ORDER`, as an Arrow table in primary key order.

    A failing builder does not stop the others, so one run reports every problem;
    only a table that reads a failed table is not built (its problems would be echoes).

    Raises:
        BuildError: the problems of every builder that failed.

    """
    last_reader = {table: name for name in BUILD_ORDER for table in builder(name).reads}
    tables: Tables = {}
    held: dict[str, list[Record]] = {}
    problems: list[Problem] = []
    failed: set[str] = set()
    for name in BUILD_ORDER:
        (progress or _quiet)(name)
        reads = builder(name).reads
        if failed.intersection(reads):
            failed.add(name)
            rows: list[Record] = []
        else:
            rows = _rows(name, inputs, {table: held[table] for table in reads}, problems, failed)
        tables[name] = arrow_table(model_for(name), rows)
        if name in last_reader:
            held[name] = rows
        del rows
        for table in [table for table, reader in last_reader.items() if reader == name]:
            held.pop(table, None)
    raise_if_any(problems)
    return tables


def _rows(
    name: str, inputs: BuildInputs, reads: dict[str, list[Record]], problems: list[Problem], failed: set[str]
) -> list[Record]:
    """The rows builder ``name`` makes; or none, its problems added to ``problems`` and ``name`` to ``failed``."""
    try:
        return builder(name).run(inputs, reads)
    except BuildError as error:
        problems.extend(error.problems)
        failed.add(name)
        return []
