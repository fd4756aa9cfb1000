"""The result of validating a package: checks, their errors, and the JSON form of it all.

The JSON form (:meth:`Report.to_dict`) is documented in docs/VALIDATION.md and
kept stable: new keys may be added, none are renamed or removed within a major
version.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

MAX_KEPT_ERRORS = 1000
"""Errors kept per check and table; ``error_count`` still counts them all."""
MAX_MESSAGE = 600
"""The longest message kept; a longer one (a hostile value quoted whole) is cut, saying how much was cut."""
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def one_line(message: str) -> str:
    """``message`` on one line (each line break written as an escape), cut to :data:`MAX_MESSAGE` characters.

    Example:
        >>> len(one_line("x" * 10_000)) < 700
        True

    """
    text = _LINE_BREAKS.sub(lambda match: repr(match[0])[1:-1], message)
    if len(text) <= MAX_MESSAGE:
        return text
    return f"{text[:MAX_MESSAGE]}... ({len(text) - MAX_MESSAGE:,} more characters cut)"


@dataclass(frozen=True)
class Finding:
    """One thing wrong, as a check reports it.

    Attributes:
        table: the table the error is in, or ``None`` for the package as a whole.
        message: what is wrong, in one line.
        row: the row number as Frictionless counts it (the header is row 1,
            the first data row is row 2), or ``None``.
        field: the column, or ``None``.

    """

    table: str | None
    message: str
    row: int | None = None
    field: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The error as the JSON report writes it."""
        return {"row": self.row, "field": self.field, "message": self.message}


@dataclass
class CheckResult:
    """The outcome of one check on one table (or on the package, when ``table`` is ``None``)."""

    code: str
    table: str | None
    errors: list[Finding] = field(default_factory=list)
    error_count: int = 0

    @property
    def valid(self) -> bool:
        """True when the check found nothing wrong."""
        return self.error_count == 0

    def add(self, finding: Finding) -> None:
        """Count ``finding``, and keep it if fewer than :data:`MAX_KEPT_ERRORS` are kept."""
        self.error_count += 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            self.errors.append(replace(finding, message=one_line(finding.message)))

    def to_dict(self) -> dict[str, Any]:
        """The check as the JSON report writes it."""
        return {
            "code": self.code,
            "table": self.table,
            "errors": [error.to_dict() for error in self.errors],
            "error_count": self.error_count,
        }


@dataclass
class Report:
    """Everything :func:`usiraq.validation.validate.validate_package` found.

    ``error`` is set (and ``checks`` empty) when the package could not be used
    at all: a missing or malformed descriptor, an unsafe path, an unreadable CSV.
    """

    package: str
    version: str | None = None
    checks: list[CheckResult] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None

    @property
    def valid(self) -> bool:
        """True when the package was usable and every check passed."""
        return self.error is None and all(check.valid for check in self.checks)

    @property
    def usable(self) -> bool:
        """False when the package could not be read at all."""
        return self.error is None

    @property
    def exit_code(self) -> int:
        """0 valid, 1 invalid, 2 unusable input."""
        if not self.usable:
            return 2
        return 0 if self.valid else 1

    def failed(self) -> list[CheckResult]:
        """The checks that found errors, in report order."""
        return [check for check in self.checks if not check.valid]

    def codes_failed(self) -> set[str]:
        """The codes of the checks that found errors."""
        return {check.code for check in self.failed()}

    def result(self, code: str, table: str | None) -> CheckResult:
        """The result for ``code`` on ``table``, added to the report if new."""
        for check in self.checks:
            if check.code == code and check.table == table:
                return check
        check = CheckResult(code, table)
        self.checks.append(check)
        return check

    def extend(self, code: str, findings: Iterable[Finding]) -> None:
        """Add the findings of check ``code``, grouped by their table."""
        for finding in findings:
            self.result(code, finding.table).add(finding)

    def to_dict(self) -> dict[str, Any]:
        """The report in the documented JSON structure (docs/VALIDATION.md)."""
        return {
            "valid": self.valid,
            "package": self.package,
            "version": self.version,
            "error": one_line(self.error) if self.error is not None else None,
            "checks": [check.to_dict() for check in self.checks],
            "summary": self.summary(),
        }

    def summary(self) -> dict[str, Any]:
        """Counts over the whole report."""
        failed = self.failed()
        return {
            "checks": len(self.checks),
            "checks_failed": len(failed),
            "errors": sum(check.error_count for check in self.checks),
            "failed_codes": sorted({check.code for check in failed}),
            "rows": dict(self.rows),
            "seconds": round(self.seconds, 3),
        }
