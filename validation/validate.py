"""Validate a data package: Frictionless, then every check of the registry.

Example:
    >>> report = validate_package()  # the shipped release
    >>> report.exit_code
    0

"""

from __future__ import annotations

import time
from pathlib import Path

from usiraq.schema import TABLE_NAMES
from usiraq.validation.checks.base import Check
from usiraq.validation.checks.registry import CHECKS
from usiraq.validation.frictionless_run import CODE_PREFIX, run_frictionless
from usiraq.validation.package import LocalPackage, PackageError, open_package
from usiraq.validation.report import CheckResult, Finding, Report
from usiraq.validation.tables import Tables

_CHECK_ORDER = [CODE_PREFIX, *(check.code for check in CHECKS)]


def validate_package(path: str | Path | None = None) -> Report:
    """Validate the package at ``path`` (a datapackage.json or its folder; ``None``: the shipped release).

    Never raises for a bad package: a package that cannot be used at all
    (missing or malformed descriptor, unsafe resource path, unreadable CSV)
    gives a report whose ``error`` says why and whose exit code is 2.
    """
    started = time.perf_counter()
    try:
        package = open_package(path)
        tables = Tables(package)
        rows = tables.load_all()
    except PackageError as error:
        return Report(package=_shown(path), error=str(error), seconds=time.perf_counter() - started)
    version = package.descriptor.get("version")
    report = Report(
        package=str(package.descriptor_path), version=version if isinstance(version, str) else None, rows=rows
    )
    _frictionless(report, package, list(rows))
    for check in CHECKS:
        _run(report, check, tables)
    report.checks.sort(key=_order)
    report.seconds = time.perf_counter() - started
    return report


def _shown(path: str | Path | None) -> str:
    if path is None:
        return "the shipped release"
    return str(path)


def _frictionless(report: Report, package: LocalPackage, tables: list[str]) -> None:
    """Add Frictionless' errors; a table it found nothing wrong with gets a passing ``frictionless`` entry."""
    try:
        for code, finding in run_frictionless(package):
            report.result(code, finding.table).add(finding)
    except Exception as error:  # Frictionless must not crash the report on a hostile package
        report.result(f"{CODE_PREFIX}/exception", None).add(Finding(None, _crash(error)))
    failed = {check.table for check in report.checks}
    for table in tables:
        if table not in failed:
            report.result(CODE_PREFIX, table)


def _run(report: Report, check: Check, tables: Tables) -> None:
    """Run one check; a check that crashes on a hostile package reports the crash as its error."""
    for table in check.tables:
        report.result(check.code, table)
    try:
        findings = list(check.run(tables))
    except Exception as error:
        findings = [Finding(None, _crash(error))]
    report.extend(check.code, findings)


def _crash(error: Exception) -> str:
    return f"could not run on this package: {type(error).__name__}: {error}"


def _order(result: CheckResult) -> tuple[int, int, str]:
    """Package-wide results first, then by table in release order, then by check in run order."""
    table, family = result.table, result.code.split("/")[0]
    table_index = -1 if table is None else (TABLE_NAMES.index(table) if table in TABLE_NAMES else len(TABLE_NAMES))
    check_index = _CHECK_ORDER.index(family) if family in _CHECK_ORDER else len(_CHECK_ORDER)
    return table_index, check_index, result.code
