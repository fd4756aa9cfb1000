"""Refuse to go on with an invalid package: what build, release and export call before they ship anything."""

from __future__ import annotations

from pathlib import Path

from usiraq.validation.report import Report


class InvalidPackageError(Exception):
    """The package does not validate; ``report`` is the validation report and ``text`` its readable form."""

    def __init__(self, report: Report) -> None:
        from usiraq.validation.render import render

        self.report = report
        self.text = render(report)
        super().__init__(self.text)


def require_valid(path: str | Path | None = None, label: str | None = None) -> Report:
    """Validate the package at ``path`` (default: the shipped release) as ``usiraq validate`` does.

    ``label`` names the package in the report instead of its path (e.g. a release not yet in place).

    Raises:
        InvalidPackageError: if it is invalid or cannot be used.

    """
    from usiraq.validation.validate import validate_package

    report = validate_package(path)
    if label is not None:
        report.package = label
    if not report.valid:
        raise InvalidPackageError(report)
    return report
