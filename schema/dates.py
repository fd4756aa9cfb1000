"""The calendar units of a date's precision, shared by the builders and the checks.

A date's precision is the finest unit (day, ISO week, month, meteorological
season, year) one unit of which holds the whole interval; an interval across
two years is 'year', the coarsest there is. Seasons are meteorological:
Dec-Feb, Mar-May, Jun-Aug, Sep-Nov.
"""

from __future__ import annotations

import calendar
import datetime as dt

from usiraq.schema.enums import DatePrecision


def precision_of(start: dt.date, end: dt.date) -> DatePrecision:
    """The finest unit of which one contains the whole of ``start``..``end``.

    Example:
        >>> precision_of(dt.date(2024, 1, 1), dt.date(2024, 1, 7)).value
        'week'

    """
    if start == end:
        return DatePrecision.DAY
    if start.isocalendar()[:2] == end.isocalendar()[:2]:
        return DatePrecision.WEEK
    if (start.year, start.month) == (end.year, end.month):
        return DatePrecision.MONTH
    if season_of(start) == season_of(end):
        return DatePrecision.SEASON
    return DatePrecision.YEAR


def season_of(day: dt.date) -> tuple[int, int]:
    """(year of its first month, first month) of the meteorological season holding ``day``.

    Example:
        >>> season_of(dt.date(2024, 1, 15))
        (2023, 12)

    """
    first = 12 if day.month == 12 else (day.month // 3) * 3 or 12
    year = day.year - 1 if day.month in (1, 2) else day.year
    return year, first


def month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` in ``year``."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def season_interval(year: int, first: int) -> tuple[dt.date, dt.date]:
    """The first and last day of the season starting in month ``first`` of ``year``."""
    end_year, end_month = (year + 1, 2) if first == 12 else (year, first + 2)
    return dt.date(year, first, 1), month_end(end_year, end_month)
