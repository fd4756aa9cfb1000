"""Validate a data package: read it once into DuckDB, then the standards gate and every check of the registry.

One path for every package, the shipped release as a million-claim one:

1. the CSV files are read once into one in-memory DuckDB database
   (:class:`usiraq.validation.tables.Tables`), while a thread hashes every
   resource file;
2. the standards gate (:mod:`usiraq.validation.standards`): the descriptor
   against the Data Package profile (by Frictionless), then every Table
   Schema rule of the descriptor as SQL from the one typer, with
   Frictionless' error types, rows and fields;
3. the dataset's own checks (:data:`usiraq.validation.checks.registry.CHECKS`),
   as SQL over the same tables.

Example:
    >>> report = validate_package()  # the shipped release
    >>> report.exit_code
    0

"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from usiraq.schema import TABLE_NAMES
from usiraq.validation.checks.base import Check
from usiraq.validation.checks.registry import CHECKS
from usiraq.validation.package import LocalPackage, PackageError, open_package
from usiraq.validation.report import CheckResult, Finding, Report
from usiraq.validation.standards import CODE_PREFIX, run_standards
from usiraq.validation.tables import Tables

STEPS: tuple[str, ...] = ("read", "standards", *(check.code for check in CHECKS))
"""The steps of a validation, in order: reading the tables, the standards gate, each check."""

_CHECK_ORDER = [CODE_PREFIX, *(check.code for check in CHECKS)]

Progress = Callable[[str], None]
Coded = tuple[str, Finding]


def validate_package(path: str | Path | None = None, progress: Progress | None = None) -> Report:
    """Validate the package at ``path`` (a datapackage.json or its folder; ``None``: the shipped release).

    Args:
        path: the package.
        progress: called with the name of each step in :data:`STEPS` as it starts.

    Never raises for a bad package: a package that cannot be used at all
    (missing or malformed descriptor, unsafe resource path, unreadable CSV)
    gives a report whose ``error`` says why and whose exit code is 2.
    """
    started = time.perf_counter()
    step = progress or _quiet
    try:
        package = open_package(path)
        step("read")
        tables = Tables(package)
        tables.prefetch(resource_files(package))
        rows = tables.load_all()
    except PackageError as error:
        return Report(package=_shown(path), error=str(error), seconds=time.perf_counter() - started)
    version = package.descriptor.get("version")
    report = Report(
        package=str(package.descriptor_path), version=version if isinstance(version, str) else None, rows=rows
    )
    try:
        _run_steps(report, tables, list(rows), step)
    finally:
        tables.close()
    report.checks.sort(key=_order)
    report.seconds = time.perf_counter() - started
    return report


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


def _run_steps(report: Report, tables: Tables, present: list[str], step: Progress) -> None:
    """Run the standards gate, then every check, one after another; add what they find in run order.

    The steps run in this thread: DuckDB spreads each query over the cores
    itself, and running two steps side by side in threads was slower on the
    million-claim release (docs/PERFORMANCE.md).
    """
    step("standards")
    found = [_standards(tables)]
    for check in CHECKS:
        step(check.code)
        found.append(_findings(check, tables))
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


def _standards(tables: Tables) -> list[Coded]:
    """The standards gate's errors; a gate that crashes on a hostile package reports the crash as its error."""
    try:
        return list(run_standards(tables))
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
