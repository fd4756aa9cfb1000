"""Validate a data package: the standards gate (Frictionless, or its DuckDB engine), then every check of the registry.

Two engines give the same report structure and codes:

- ``frictionless``: Frictionless validates the CSV resources row by row. The
  shipped release and every small package go this way.
- ``duckdb``: the same checks as SQL over whole columns
  (:mod:`usiraq.validation.duckdb_run`), and the CSV files read by DuckDB,
  for packages too large for Frictionless.

``auto`` picks ``duckdb`` above :data:`ROW_THRESHOLD` rows. The dataset's own
checks run on either, in SQL over the same DuckDB tables.

Example:
    >>> report = validate_package()  # the shipped release
    >>> report.exit_code
    0

"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

from usiraq.schema import TABLE_NAMES
from usiraq.validation.checks.base import Check
from usiraq.validation.checks.registry import CHECKS
from usiraq.validation.engines import ENGINES
from usiraq.validation.frictionless_run import CODE_PREFIX, run_frictionless
from usiraq.validation.package import LocalPackage, PackageError, open_package, resource_format
from usiraq.validation.report import CheckResult, Finding, Report
from usiraq.validation.tables import Tables

ROW_THRESHOLD = 100_000
"""Above this many CSV rows (all tables together), ``auto`` validates with the DuckDB engine."""
STEPS: tuple[str, ...] = ("read", "standards", *(check.code for check in CHECKS))
"""The steps of a validation, in order: reading the tables, the standards gate, each check."""

WORKERS = 2
"""Threads running the standards gate and the checks of a package read by DuckDB."""

_CHECK_ORDER = [CODE_PREFIX, *(check.code for check in CHECKS)]
_CHUNK = 1 << 20

Progress = Callable[[str], None]
Coded = tuple[str, Finding]


def validate_package(path: str | Path | None = None, engine: str = "auto", progress: Progress | None = None) -> Report:
    """Validate the package at ``path`` (a datapackage.json or its folder; ``None``: the shipped release).

    Args:
        path: the package.
        engine: ``frictionless``, ``duckdb``, or ``auto`` (by size, see :data:`ROW_THRESHOLD`).
        progress: called with the name of each step in :data:`STEPS` as it starts (steps after
            ``read`` may run side by side; calls never overlap).

    Never raises for a bad package: a package that cannot be used at all
    (missing or malformed descriptor, unsafe resource path, unreadable CSV)
    gives a report whose ``error`` says why and whose exit code is 2.

    Raises:
        ValueError: for an unknown engine.

    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    started = time.perf_counter()
    step = progress or _quiet
    try:
        package = open_package(path)
        chosen = choose_engine(package, engine)
        step("read")
        tables = Tables(package, reader="duckdb" if chosen == "duckdb" else "python")
        tables.prefetch(resource_files(package))
        rows = tables.load_all()
    except PackageError as error:
        return Report(package=_shown(path), error=str(error), seconds=time.perf_counter() - started)
    version = package.descriptor.get("version")
    report = Report(
        package=str(package.descriptor_path), version=version if isinstance(version, str) else None, rows=rows
    )
    report.engine = chosen
    try:
        _run_steps(report, tables, chosen, list(rows), step)
    finally:
        tables.close()
    report.checks.sort(key=_order)
    report.seconds = time.perf_counter() - started
    return report


def choose_engine(package: LocalPackage, engine: str) -> str:
    """The engine to use: as asked, or for ``auto`` by the number of CSV rows (counted by line breaks)."""
    if engine != "auto":
        return engine
    return "duckdb" if csv_lines(package) > ROW_THRESHOLD else "frictionless"


def csv_lines(package: LocalPackage) -> int:
    """The line breaks in the package's CSV files: an upper bound of their rows, found at disk speed."""
    total = 0
    for resource in package.resources:
        if resource_format(resource) != "csv" or not isinstance(resource.get("path"), str):
            continue
        try:
            with package.local_file(resource["path"]).open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    total += chunk.count(b"\n")
        except (PackageError, OSError):
            continue
    return total


def resource_files(package: LocalPackage) -> list[tuple[Path, str]]:
    """(file, hash algorithm) of every resource whose file is safely there, to hash ahead of the checks."""
    from usiraq.validation.hashes import ALGORITHMS, declared_hash

    found = []
    for resource in package.resources:
        declared = declared_hash(resource.get("hash"))
        algorithm = declared[0] if declared and declared[0] in ALGORITHMS else "sha256"
        try:
            found.append((package.local_file(str(resource.get("path"))), algorithm))
        except PackageError:
            continue
    return found


def _quiet(step: str) -> None:
    del step


def _shown(path: str | Path | None) -> str:
    if path is None:
        return "the shipped release"
    return str(path)


def _run_steps(report: Report, tables: Tables, engine: str, present: list[str], step: Progress) -> None:
    """Run the standards gate and every check, side by side on large packages; add what they find in run order.

    With DuckDB reading the tables, :data:`WORKERS` threads run the steps,
    each through its own cursor (DuckDB runs their queries at once, and
    Python work in one check overlaps SQL in another). Packages read by
    Python (the Frictionless engine's) run the steps one after another in
    this thread. The report is the same either way.
    """
    lock = threading.Lock()

    def started(name: str) -> None:
        with lock:
            step(name)

    tasks: list[tuple[str, Callable[[], list[Coded]]]] = [("standards", lambda: _standards(tables, engine))]
    tasks += [(check.code, partial(_findings, check, tables)) for check in CHECKS]
    if tables.reader == "duckdb":
        with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="usiraq-check") as pool:
            futures = [pool.submit(_started, started, name, task) for name, task in tasks]
            found = [future.result() for future in futures]
    else:
        found = [_started(started, name, task) for name, task in tasks]
    for code, finding in found[0]:
        report.result(code, finding.table).add(finding)
    failed = {check.table for check in report.checks}
    for table in present:
        if table not in failed:
            report.result(CODE_PREFIX, table)
    for check, findings in zip(CHECKS, found[1:], strict=True):
        for table in check.tables:
            report.result(check.code, table)
        report.extend(check.code, [finding for _, finding in findings])


def _started(started: Progress, name: str, task: Callable[[], list[Coded]]) -> list[Coded]:
    started(name)
    return task()


def _standards(tables: Tables, engine: str) -> list[Coded]:
    """The standards gate's errors; a gate that crashes on a hostile package reports the crash as its error."""
    try:
        if engine == "duckdb":
            from usiraq.validation.duckdb_run import run_duckdb

            return list(run_duckdb(tables))
        return list(run_frictionless(tables.package))
    except Exception as error:  # the gate must not crash the report on a hostile package
        return [(f"{CODE_PREFIX}/exception", Finding(None, _crash(error)))]


def _findings(check: Check, tables: Tables) -> list[Coded]:
    """What one check finds; a check that crashes on a hostile package reports the crash as its error."""
    try:
        return [(check.code, finding) for finding in check.run(tables)]
    except Exception as error:
        return [(check.code, Finding(None, _crash(error)))]


def _crash(error: Exception) -> str:
    return f"could not run on this package: {type(error).__name__}: {error}"


def _order(result: CheckResult) -> tuple[int, int, str]:
    """Package-wide results first, then by table in release order, then by check in run order."""
    table, family = result.table, result.code.split("/")[0]
    table_index = -1 if table is None else (TABLE_NAMES.index(table) if table in TABLE_NAMES else len(TABLE_NAMES))
    check_index = _CHECK_ORDER.index(family) if family in _CHECK_ORDER else len(_CHECK_ORDER)
    return table_index, check_index, result.code
