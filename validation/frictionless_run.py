"""Frictionless validation of the descriptor and of the CSV resources.

Parquet resources are not given to Frictionless: frictionless-py 5 reads
Parquet through pandas row by row (slowly), reports a ``byte-count`` error
on every Parquet resource because it does not count the bytes it read, and a
``type-error`` on every null of a nullable integer column (pandas reads it as
the float "nan").
The ``parquet-twin`` check compares each Parquet file with its CSV twin
instead, and ``file-integrity`` checks their sizes and hashes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from frictionless import FrictionlessException, Package
from frictionless import Report as FrictionlessReport
from usiraq.validation.package import LocalPackage, resource_format, table_name
from usiraq.validation.report import Finding

CODE_PREFIX = "frictionless"


def code_of(error_type: str) -> str:
    """Our report's code for a Frictionless error type, e.g. ``frictionless/type-error``."""
    return f"{CODE_PREFIX}/{error_type}"


def csv_descriptor(package: LocalPackage) -> dict[str, Any]:
    """The package descriptor with only its CSV resources."""
    descriptor = dict(package.descriptor)
    descriptor["resources"] = [resource for resource in package.resources if resource_format(resource) == "csv"]
    return descriptor


def run_frictionless(package: LocalPackage) -> Iterator[tuple[str, Finding]]:
    """``(code, finding)`` for every error Frictionless finds in the descriptor and the CSV tables."""
    yield from _findings(Package.validate_descriptor(package.descriptor), None)
    try:
        frictionless_package = Package(csv_descriptor(package), basepath=str(package.root))
        report = frictionless_package.validate()
    except FrictionlessException as exception:
        error = exception.error
        yield code_of(error.type), Finding(None, error.message)
        return
    yield from _findings(report, None)
    for task in report.tasks:
        yield from _task_findings(task)


def _findings(report: FrictionlessReport, table: str | None) -> Iterator[tuple[str, Finding]]:
    for error in report.errors:
        yield code_of(error.type), Finding(table, error.message)


def _task_findings(task: Any) -> Iterator[tuple[str, Finding]]:
    table = table_name({"name": task.name})
    for error in task.errors:
        row = getattr(error, "row_number", None)
        field = getattr(error, "field_name", None) or ",".join(getattr(error, "field_names", None) or []) or None
        yield code_of(error.type), Finding(table, error.message, row, field)
