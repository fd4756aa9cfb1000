"""The readable form of a validation report, grouped by table and check."""

from __future__ import annotations

from usiraq.validation.report import CheckResult, Finding, Report, one_line

SHOWN_ERRORS = 5
"""Errors shown per check and table; the rest are counted."""


def render(report: Report) -> str:
    """The report as text: a verdict line, then each failing check's first errors, by table."""
    if not report.usable:
        return f"cannot use the package: {one_line(report.error or '')}"
    summary = report.summary()
    total_rows = sum(report.rows.values())
    where = f"{report.package} (version {report.version or 'unknown'})"
    if report.valid:
        return (
            f"VALID {where}: {len(report.rows)} tables, {total_rows} rows; "
            f"{summary['checks']} checks passed in {report.seconds:.1f} s"
        )
    lines = [
        f"INVALID {where}: {plural(summary['errors'], 'error')} in {summary['checks_failed']} of "
        f"{plural(summary['checks'], 'check')} "
        f"({len(report.rows)} tables, {total_rows} rows, {report.seconds:.1f} s)"
    ]
    table: object = object()
    for check in report.failed():
        if check.table != table:
            table = check.table
            lines.append("")
            lines.append(check.table or "(package)")
        lines.extend(_check_lines(check))
    return "\n".join(lines)


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, with an s unless the count is one.

    Example:
        >>> plural(1, "error"), plural(3, "check")
        ('1 error', '3 checks')

    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _check_lines(check: CheckResult) -> list[str]:
    lines = [f"  {check.code}: {plural(check.error_count, 'error')}"]
    lines.extend(f"    {_where(error)}{error.message}" for error in check.errors[:SHOWN_ERRORS])
    rest = check.error_count - min(len(check.errors), SHOWN_ERRORS)
    if rest > 0:
        lines.append(f"    ... and {rest} more")
    return lines


def _where(error: Finding) -> str:
    parts = []
    if error.row is not None:
        parts.append(f"row {error.row}")
    if error.field is not None:
        parts.append(error.field)
    return f"{', '.join(parts)}: " if parts else ""
