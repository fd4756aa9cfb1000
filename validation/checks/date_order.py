"""``date-order``: intervals run forwards, fit their precision, and nothing reported happens later.

The precision rule is the builders' own (schema/dates.py): a date's precision is
the finest unit (day, ISO week, month, meteorological season, year) one unit
of which holds the whole interval (across two years: 'year'). A whole unit and
a hull of candidate answers both pass; a 'stated' date is never a hull, so it
must be one whole unit (for 'year', whole years). See docs/VALIDATION.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from usiraq.schema.dates import month_end, precision_of, season_interval, season_of
from usiraq.validation.checks.base import Check
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables

DATE_COLUMNS: dict[str, str] = {
    "sources": "published",
    "events": "date",
    "event_mentions": "date",
    "force_figures": "as_of",
}
"""Per table, the prefix of its ``<prefix>_start/_end/_precision/_basis`` columns."""
FUTURE_STATUSES = frozenset({"planned", "expected", "announced", "intended"})


def is_whole_unit(start: dt.date, end: dt.date, precision: str) -> bool:
    """True when ``start``..``end`` is exactly one whole unit (for 'year', whole years)."""
    shapes = {
        "day": start == end,
        "week": start.weekday() == 0 and end == start + dt.timedelta(days=6),
        "month": (start, end) == (start.replace(day=1), month_end(start.year, start.month)),
        "season": (start, end) == season_interval(*season_of(start)),
        "year": (start.month, start.day, end.month, end.day) == (1, 1, 12, 31),
    }
    return shapes.get(precision, False)


def interval_error(start: dt.date, end: dt.date, precision: str | None, basis: str | None) -> str | None:
    """Why an interval is out of order or does not fit its precision, or ``None``."""
    if start > end:
        return f"starts {start} after it ends {end}"
    if precision is None:
        return f"{start}..{end} has no precision"
    finest = precision_of(start, end).value
    if precision != finest:
        return f"{start}..{end} has precision {precision}, but the finest unit holding it is a {finest}"
    if basis == "stated" and not is_whole_unit(start, end, precision):
        return f"{start}..{end} is stated, so it must be one whole {precision}"
    return None


def run(tables: Tables) -> Iterator[Finding]:
    """Check each distinct interval once (SQL groups the rows), then every mention against its publication."""
    for table, prefix in DATE_COLUMNS.items():
        found = []
        columns = ", ".join(f"{prefix}_{part}" for part in ("start", "end", "precision", "basis"))
        for *interval, rows in tables.query(f"SELECT {columns}, list(_row) FROM {{{table}}} GROUP BY ALL"):
            message = _row_error(*interval)
            found += [Finding(table, f"{prefix}: {message}", row, f"{prefix}_start") for row in rows] if message else []
        yield from sorted(found, key=lambda finding: finding.row or 0)
    yield from _after_publication(tables)


def _row_error(start: dt.date | None, end: dt.date | None, precision: str | None, basis: str | None) -> str | None:
    if start is None and end is None:
        return "a precision but no dates" if precision is not None else None
    if start is None or end is None:
        return "only one end of the interval is set"
    return interval_error(start, end, precision, basis)


def _after_publication(tables: Tables) -> Iterator[Finding]:
    future = ", ".join(f"'{status}'" for status in sorted(FUTURE_STATUSES))
    last = "SELECT source_id, arg_max_null(published_end, _row) AS last FROM {sources} GROUP BY source_id"
    query = (
        f"SELECT m._row, m.date_start, m.status, p.last FROM {{event_mentions}} m JOIN ({last}) p USING (source_id) "
        f"WHERE m.date_start > p.last AND (m.status IS NULL OR m.status NOT IN ({future})) ORDER BY m._row"
    )
    for number, start, status, last in tables.query(query):
        message = f"dated from {start}, after its article's publication ({last}), but its status is {status}"
        yield Finding("event_mentions", message, number, "date_start")


CHECK = Check(
    code="date-order",
    description=(
        "Every interval starts on or before its end and fits its precision, and no event mention "
        "is dated after its article was published unless it is planned, expected, announced or intended."
    ),
    error="{prefix}: {start}..{end} has precision {precision}, but the finest unit holding it is a {finest}",
    tables=tuple(DATE_COLUMNS),
    run=run,
)
