"""The one list of checks, in the order they run and are reported.

To add a check: write a module in this folder with a ``CHECK`` (see
:class:`usiraq.validation.checks.base.Check`), list it here, and add a test
that breaks a copy of the release so that only the new check fails.
"""

from __future__ import annotations

from usiraq.validation.checks import (
    alias_occurs,
    date_order,
    evidence_phrases,
    evidence_span,
    figure_values,
    file_integrity,
    numbers_coded,
    package_resources,
    parquet_twin,
    source_text,
    tension_claims,
    tension_sides,
)
from usiraq.validation.checks.base import Check

PACKAGE_CHECKS: tuple[Check, ...] = (
    package_resources.CHECK,
    file_integrity.CHECK,
    parquet_twin.CHECK,
)
"""Checks of the package as files: resources, sizes and hashes, the Parquet twins."""

DATASET_CHECKS: tuple[Check, ...] = (
    source_text.CHECK,
    evidence_span.CHECK,
    evidence_phrases.CHECK,
    date_order.CHECK,
    figure_values.CHECK,
    tension_sides.CHECK,
    tension_claims.CHECK,
    alias_occurs.CHECK,
    numbers_coded.CHECK,
)
"""The dataset's own checks of the tables' content."""

CHECKS: tuple[Check, ...] = PACKAGE_CHECKS + DATASET_CHECKS
"""Every check, in run order."""


def check_for(code: str) -> Check:
    """The check with this code.

    Raises:
        KeyError: if no check has it; the message lists the codes.

    """
    for check in CHECKS:
        if check.code == code:
            return check
    raise KeyError(f"no check {code!r}; the checks are: {', '.join(check.code for check in CHECKS)}")
