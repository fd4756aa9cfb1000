"""Read CHANGELOG.md: the releases, each with its version and date.

Each release is a level-2 heading ``## [version] - YYYY-MM-DD`` (or
``- Unreleased`` before it is released), newest first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\] - (?P<date>\d{4}-\d{2}-\d{2}|Unreleased)\s*$")


@dataclass(frozen=True)
class Release:
    """One entry of the changelog."""

    version: str
    date: dt.date | None
    notes: str


def releases(text: str) -> list[Release]:
    r"""The releases in a changelog, in the order written (newest first).

    Example:
        >>> releases("## [0.2.0] - Unreleased\n\nMore.\n## [0.1.0] - 2024-05-01\nFirst.\n")[1].date
        datetime.date(2024, 5, 1)

    """
    found: list[Release] = []
    heading: re.Match[str] | None = None
    notes: list[str] = []
    for line in [*text.splitlines(), "## end"]:
        if not line.startswith("## "):
            notes.append(line)
            continue
        if heading is not None:
            found.append(_release(heading, notes))
        heading, notes = _HEADING.match(line), []
    return found


def release(text: str, version: str) -> Release | None:
    """The entry for ``version``, or ``None`` if the changelog has none."""
    return next((entry for entry in releases(text) if entry.version == version), None)


def _release(heading: re.Match[str], notes: list[str]) -> Release:
    date = heading["date"]
    parsed = None if date == "Unreleased" else dt.date.fromisoformat(date)
    return Release(heading["version"], parsed, "\n".join(notes).strip())
