"""Resolve a date as an article writes it ("on Monday", "last summer", "Jan. 6") to an interval.

A relative phrase is resolved against the article's publication date from
sources.yaml. When that date is itself an interval (precision month or year),
the phrase is resolved for every possible publication day and the result is
the hull of those answers.

Rules (``direction`` is 'past' unless the annotation says 'future'):

- a weekday ("on Monday", "Thursday"): past, the latest such day on or before
  the publication day; future, the earliest on or after it. The publication
  day itself counts, as news style names today by its weekday.
- "yesterday", "today", "tomorrow"; "currently", "presently", "at present",
  "now": the publication day.
- "last week" / "this week" / "next week": Monday-to-Sunday weeks;
  "last/this/next month" and "last/this/next year": calendar months and years.
- a season ("last summer"): meteorological seasons (Dec-Feb, Mar-May, Jun-Aug,
  Sep-Nov); "last X" is the latest complete one ending before publication,
  "next X" the first starting after it, a bare "summer" works like a month.
- a month without a year ("in October"): past, the latest such month starting
  on or before publication; future, the earliest ending on or after it.
- a day without a year ("January 10th", "Jan. 6", "Christmas Day"): past, the
  latest such day on or before publication; future, the earliest on or after.
- full dates are 'stated' and need no publication date: "January 10, 2024",
  "August 2023", "summer 2023", "in 2014", "2024-01-25", "2024-01". "The end of
  2021" is read as December 2021 (the end of a year is its last month).
- "soon", "recently", "the coming days" and the like have no honest interval:
  they are errors asking for an explicit date.

Phrases without a year get basis 'relative'; full dates 'stated'. A phrase
resolved against a publication date known only from outside the articles
gets basis 'outside_knowledge', its note starting "Outside knowledge:". The
precision is the finest of day, week (Monday-Sunday), month, season and year
whose single unit contains the whole interval; an interval across two years
is 'year', the coarsest there is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from usiraq.builders.errors import InputError, inside
from usiraq.schema.dates import month_end, precision_of, season_interval
from usiraq.schema.enums import DateBasis, DatePrecision
from usiraq.schema.inputs import DateSpec, PublishedEntry

Interval = tuple[dt.date, dt.date]
Resolver = Callable[[re.Match[str], dt.date, str], Interval]

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
SEASONS = {"winter": 12, "spring": 3, "summer": 6, "autumn": 9, "fall": 9}
HOLIDAYS = {"christmas day": (12, 25), "christmas": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1)}
VAGUE = (
    r"soon|shortly|recently|lately|later|earlier|upcoming|in the near future|the near future"
    r"|(?:the )?(?:coming|next|past|last|previous) (?:few )?(?:days|weeks|months|years)|several (?:days|weeks|months)"
)
NOW = r"currently|presently|at present|present|now|right now|today|at the moment|at this time"

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
PREPOSITION = re.compile(r"^(?:on|in|since|by|during|from|until|as of|at|of)\s+")


@dataclass(frozen=True)
class ResolvedDate:
    """A date interval with its precision, basis and the note saying how it was reached."""

    start: dt.date
    end: dt.date
    precision: DatePrecision
    basis: DateBasis
    note: str | None = None


class DateParts(Protocol):
    """A resolved or explicit date: a :class:`ResolvedDate`, the ``published`` date of an article, an event's date."""

    @property
    def start(self) -> dt.date: ...  # noqa: D102
    @property
    def end(self) -> dt.date: ...  # noqa: D102
    @property
    def precision(self) -> DatePrecision: ...  # noqa: D102
    @property
    def basis(self) -> DateBasis: ...  # noqa: D102
    @property
    def note(self) -> str | None: ...  # noqa: D102


class Written(Protocol):
    """A date as the article writes it: a :class:`DateSpec`, the ``published`` date of an article."""

    @property
    def as_written(self) -> str | None: ...  # noqa: D102


DATE_PARTS = ("start", "end", "precision", "basis", "note")
"""The parts of a date, each the release column ``<name>_<part>`` (``date_start``, ``as_of_basis``, ...)."""


def interval_columns(prefix: str, date: DateParts | None) -> dict[str, object]:
    """The release columns ``<prefix>_start`` ... ``<prefix>_note`` of ``date``, all empty when there is none.

    Example:
        >>> sorted(interval_columns("date", None))[:2]
        ['date_basis', 'date_end']

    """
    return {f"{prefix}_{part}": getattr(date, part) if date else None for part in DATE_PARTS}


def date_columns(prefix: str, spec: Written | None, resolved: DateParts | None) -> dict[str, object]:
    """The release columns of one date as written and resolved: ``<prefix>_as_written``, ``<prefix>_start`` ...

    Example:
        >>> sorted(date_columns("as_of", None, None))[:2]
        ['as_of_as_written', 'as_of_basis']

    """
    return {f"{prefix}_as_written": spec.as_written if spec else None, **interval_columns(prefix, resolved)}


Explainer = Callable[[re.Match[str], str], str]


@dataclass(frozen=True)
class Rule:
    """One supported form of date phrase.

    A relative rule is resolved against the publication date and ``explain``
    says how; a stated rule needs no publication date and ``explain``, if
    given, states the reading it applies (as for "the end of 2021").
    """

    form: str
    pattern: re.Pattern[str]
    resolve: Resolver
    relative: bool
    explain: Explainer | None = None


# -- calendar units ------------------------------------------------------------


def _month(year: int, month: int) -> Interval:
    return dt.date(year, month, 1), month_end(year, month)


def _latest_or_earliest(candidates: list[Interval], day: dt.date, direction: str) -> Interval:
    """Past: the latest candidate starting on or before ``day``; future: the earliest ending on or after it."""
    if direction == "future":
        return min(c for c in candidates if c[1] >= day)
    return max(c for c in candidates if c[0] <= day)


# -- resolvers ----------------------------------------------------------------


def _weekday(match: re.Match[str], day: dt.date, direction: str) -> Interval:
    target = WEEKDAYS[match["weekday"]]
    shift = (target - day.weekday()) % 7 if direction == "future" else -((day.weekday() - target) % 7)
    found = day + dt.timedelta(days=shift)
    return found, found


def _offset_day(match: re.Match[str], day: dt.date, direction: str) -> Interval:
    del direction
    offset = {"yesterday": -1, "tomorrow": 1}.get(match["word"], 0)
    found = day + dt.timedelta(days=offset)
    return found, found


def _relative_unit(match: re.Match[str], day: dt.date, direction: str) -> Interval:
    del direction
    step = {"last": -1, "this": 0, "next": 1}[match["which"]]
    unit = match["unit"]
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=step)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        index = day.year * 12 + day.month - 1 + step
        return _month(index // 12, index % 12 + 1)
    return dt.date(day.year + step, 1, 1), dt.date(day.year + step, 12, 31)


def _season_relative(match: re.Match[str], day: dt.date, direction: str) -> Interval:
    first = SEASONS[match["season"]]
    candidates = [season_interval(year, first) for year in range(day.year - 2, day.year + 2)]
    which = match["which"]
    if which == "last":
        return max(c for c in candidates if c[1] < day)
    if which == "next":
        return min(c for c in candidates if c[0] > day)
    return _latest_or_earliest(candidates, day, direction)


def _month_relative(match: re.Match[str], day: dt.date, direction: str) -> Interval:
    month = MONTHS[match["month"]]
    return _latest_or_earliest([_month(year, month) for year in range(day.year - 1, day.year + 2)], day, direction)


def _day_relative(match: re.Match[str], day: dt.date, direction: str) -> Interval:
    month, number = _month_and_day(match)
    candidates = []
    for year in range(day.year - 4, day.year + 5):
        if 1 <= number <= calendar.monthrange(year, month)[1]:
            candidates.append((dt.date(year, month, number),) * 2)
    if not candidates:
        raise InputError(f"{match.string!r}: {calendar.month_name[month]} has no day {number}")
    return _latest_or_earliest(candidates, day, direction)


def _month_and_day(match: re.Match[str]) -> tuple[int, int]:
    groups = match.groupdict()
    if groups.get("holiday"):
        return HOLIDAYS[groups["holiday"]]
    month = int(groups["month_number"]) if groups.get("month_number") else MONTHS[groups["month"]]
    return month, int(groups["day"])


def _full_day(match: re.Match[str], day: dt.date, direction: str) -> Interval:
    del day, direction
    month, number = _month_and_day(match)
    try:
        found = dt.date(int(match["year"]), month, number)
    except ValueError as error:
        raise InputError(f"{match.string!r} is not a date: {error}") from None
    return found, found


def _full_month(match: re.Match[str], day: dt.date, direction: str) -> Interval:
    del day, direction
    groups = match.groupdict()
    month = int(groups["month_number"]) if groups.get("month_number") else MONTHS[groups["month"]]
    if not 1 <= month <= 12:
        raise InputError(f"{match.string!r}: {month} is not a month")
    return _month(int(match["year"]), month)


def _full_season(match: re.Match[str], day: dt.date, direction: str) -> Interval:
    del day, direction
    return season_interval(int(match["year"]), SEASONS[match["season"]])


def _full_year(match: re.Match[str], day: dt.date, direction: str) -> Interval:
    del day, direction
    year = int(match["year"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _end_of_year(match: re.Match[str], day: dt.date, direction: str) -> Interval:
    del day, direction
    return _month(int(match["year"]), 12)


def _now(match: re.Match[str], day: dt.date, direction: str) -> Interval:
    del match, direction
    return day, day


# -- explanations of relative rules --------------------------------------------


def _explain_weekday(match: re.Match[str], direction: str) -> str:
    name = match["weekday"].capitalize()
    return f"the {name} on or {'after' if direction == 'future' else 'before'} it"


def _explain_direction(what: Callable[[re.Match[str]], str]) -> Explainer:
    def explain(match: re.Match[str], direction: str) -> str:
        if direction == "future":
            return f"the earliest {what(match)} ending on or after it"
        return f"the latest {what(match)} starting on or before it"

    return explain


def _explain_unit(match: re.Match[str], direction: str) -> str:
    del direction
    unit = {"week": "Monday-to-Sunday week", "month": "calendar month", "year": "calendar year"}[match["unit"]]
    return {"last": f"the {unit} before the one holding it", "this": f"the {unit} holding it"}.get(
        match["which"], f"the {unit} after the one holding it"
    )


def _explain_season(match: re.Match[str], direction: str) -> str:
    season = f"meteorological {match['season']}"
    if match["which"] == "last":
        return f"the latest complete {season} ending before it"
    if match["which"] == "next":
        return f"the first {season} starting after it"
    return _explain_direction(lambda m: season)(match, direction)


def _explain_day(match: re.Match[str], direction: str) -> str:
    month, number = _month_and_day(match)
    if direction == "future":
        return f"the earliest {number} {calendar.month_name[month]} on or after it"
    return f"the latest {number} {calendar.month_name[month]} on or before it"


def _explain_fixed(text: str) -> Explainer:
    return lambda match, direction: text


# -- the rules, in the order they are tried -------------------------------------


def _relative(form: str, pattern: str, resolve: Resolver, explain: Explainer) -> Rule:
    return Rule(form, re.compile(pattern), resolve, relative=True, explain=explain)


def _stated(form: str, pattern: str, resolve: Resolver, explain: Explainer | None = None) -> Rule:
    return Rule(form, re.compile(pattern), resolve, relative=False, explain=explain)


_MONTH_DAY = rf"{_MONTH} {_DAY}"
_DAY_MONTH = rf"(?:the )?{_DAY} (?:of )?{_MONTH}"
RULES: tuple[Rule, ...] = (
    _relative(
        "currently / presently / at present / now / today",
        rf"(?:{NOW})",
        _now,
        _explain_fixed("the publication day itself"),
    ),
    _relative(
        "yesterday / tomorrow",
        r"(?P<word>yesterday|tomorrow)",
        _offset_day,
        lambda m, d: f"the day {'before' if m['word'] == 'yesterday' else 'after'} it",
    ),
    _relative(
        "on Monday / Thursday",
        r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?: (?:morning|afternoon|evening|night))?",
        _weekday,
        _explain_weekday,
    ),
    _relative(
        "last / this / next week, month or year",
        r"(?P<which>last|this|next) (?P<unit>week|month|year)",
        _relative_unit,
        _explain_unit,
    ),
    _relative(
        "last summer (spring, autumn, fall, winter; this / next)",
        r"(?:(?P<which>last|this|next) )?(?P<season>winter|spring|summer|autumn|fall)",
        _season_relative,
        _explain_season,
    ),
    _stated("2024-01-25", rf"{_YEAR}-(?P<month_number>\d\d)-(?P<day>\d\d)", _full_day),
    _stated("2024-01", rf"{_YEAR}-(?P<month_number>\d\d)", _full_month),
    _stated("January 10, 2024", rf"{_MONTH_DAY},? {_YEAR}", _full_day),
    _stated("10 January 2024", rf"{_DAY_MONTH},? {_YEAR}", _full_day),
    _stated("August 2023", rf"{_MONTH},? (?:of )?{_YEAR}", _full_month),
    _stated("summer 2023", rf"(?:the )?(?P<season>winter|spring|summer|autumn|fall),? (?:of )?{_YEAR}", _full_season),
    _stated(
        "the end of 2021 (read as December)",
        rf"(?:the )?(?:end|close) of {_YEAR}",
        _end_of_year,
        lambda m, d: f"read as December {m['year']}: the end of a year is taken to be its last month",
    ),
    _stated("2014 / in 2014", _YEAR, _full_year),
    _relative("January 10th / Jan. 6", _MONTH_DAY, _day_relative, _explain_day),
    _relative("6 January / the 6th of January", _DAY_MONTH, _day_relative, _explain_day),
    _relative(
        "Christmas Day / Christmas Eve / New Year's Day",
        r"(?P<holiday>christmas day|christmas eve|christmas|new year's day)",
        _day_relative,
        _explain_day,
    ),
    _relative(
        "in October / January",
        _MONTH,
        _month_relative,
        _explain_direction(lambda m: calendar.month_name[MONTHS[m["month"]]]),
    ),
)


def supported_forms() -> str:
    """The supported phrase forms, for error messages and documentation."""
    return "; ".join(rule.form for rule in RULES)


# -- resolving a DateSpec -------------------------------------------------------


def resolve(spec: DateSpec, published: PublishedEntry | None, quote: str | None = None) -> ResolvedDate:
    """Resolve ``spec`` against the publication date ``published``.

    ``as_written`` must occur in ``quote`` when a quote is given. An explicit
    spec (start, end, precision, basis) is returned as given.

    Raises:
        InputError: ``as_written`` is not in the quote, the phrase is unknown
            or vague, or a relative phrase meets an article without a
            publication date.

    """
    if spec.as_written is not None and quote is not None and spec.as_written not in quote:
        raise InputError(f"{spec.as_written!r} is not in the quote {quote!r}", ("as_written",))
    if spec.start is not None and spec.end is not None and spec.precision is not None and spec.basis is not None:
        return ResolvedDate(spec.start, spec.end, spec.precision, spec.basis, spec.note)
    if spec.as_written is None:
        raise InputError("a date needs as_written, or an explicit start, end, precision and basis")
    with inside("as_written"):
        found = resolve_phrase(spec.as_written, published, spec.direction)
    if spec.note:
        found = ResolvedDate(found.start, found.end, found.precision, found.basis, _join(found.note, spec.note))
    return found


def resolve_phrase(phrase: str, published: PublishedEntry | None, direction: str = "past") -> ResolvedDate:
    """Resolve one date phrase (see the module docstring for the rules).

    Raises:
        InputError: the phrase is unknown or vague, or is relative and there is no publication date.

    """
    text = normalise(phrase)
    if re.fullmatch(VAGUE, text):
        raise InputError(
            f"{phrase!r} has no definite interval; give the date explicitly: start, end, precision, "
            "basis (inferred) and a note saying how it was reasoned"
        )
    for rule in RULES:
        match = rule.pattern.fullmatch(text)
        if match is not None:
            return _apply(rule, match, phrase, published, direction)
    raise InputError(
        f"unknown date phrase {phrase!r}; the supported forms are: {supported_forms()}. "
        "For anything else give start, end, precision, basis and a note"
    )


def normalise(phrase: str) -> str:
    """Lower case, one space between words, straight apostrophes, no leading preposition or trailing comma."""
    text = " ".join(phrase.replace("\u2019", "'").lower().split())
    text = text.rstrip(",;:!?")
    return PREPOSITION.sub("", text, count=1)


def _apply(
    rule: Rule, match: re.Match[str], phrase: str, published: PublishedEntry | None, direction: str
) -> ResolvedDate:
    if not rule.relative:
        start, end = rule.resolve(match, dt.date.min, direction)
        note = f"{phrase!r} {rule.explain(match, direction)}." if rule.explain else None
        return ResolvedDate(start, end, precision_of(start, end), DateBasis.STATED, note)
    if published is None:
        raise InputError(
            f"{phrase!r} is relative, but the article has no publication date in sources.yaml; "
            "give the date explicitly (start, end, precision, basis, note)"
        )
    start, end = _hull(rule, match, published, direction)
    note = _note(rule.explain(match, direction) if rule.explain else "", phrase, published)
    if published.basis is DateBasis.OUTSIDE_KNOWLEDGE:
        note = f"Outside knowledge: the article's publication date (see sources). {note}"
        return ResolvedDate(start, end, precision_of(start, end), DateBasis.OUTSIDE_KNOWLEDGE, note)
    return ResolvedDate(start, end, precision_of(start, end), DateBasis.RELATIVE, note)


def _hull(rule: Rule, match: re.Match[str], published: PublishedEntry, direction: str) -> Interval:
    """The hull of the rule's answers for every possible publication day."""
    starts, ends = [], []
    day = published.start
    while day <= published.end:
        start, end = rule.resolve(match, day, direction)
        starts.append(start)
        ends.append(end)
        day += dt.timedelta(days=1)
    return min(starts), max(ends)


def _note(how: str, phrase: str, published: PublishedEntry) -> str:
    if published.start == published.end:
        return f"{phrase!r} resolved against publication {published.start.isoformat()}: {how}."
    return (
        f"{phrase!r} resolved against publication {published.start.isoformat()}..{published.end.isoformat()} "
        f"(precision {published.precision.value}): {how}, for every possible publication day; this is their hull."
    )


def _join(first: str | None, second: str) -> str:
    return f"{first} {second}" if first else second
