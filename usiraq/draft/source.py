"""Read a new article and its command-line facts, refusing unusable input with a clear message."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from usiraq.builders.errors import BuildError
from usiraq.builders.inputs import MAX_ARTICLE_BYTES, article_text_problems
from usiraq.builders.yamlload import read_text
from usiraq.schema.enums import DateBasis, DatePrecision
from usiraq.schema.fields import SLUG_PATTERN
from usiraq.schema.inputs import YEARS, PublishedEntry


class UnusableInput(ValueError):
    """An article, a date or an id the draft cannot use; the message says what and where."""


def read_article(path: Path) -> str:
    """The article's text as UTF-8, exactly; refused if unreadable, too large, not UTF-8, binary or empty.

    It is read as the build reads an article: a regular file of at most the build's size limit.
    """
    try:
        text = read_text(path, MAX_ARTICLE_BYTES)
    except BuildError as error:
        if path.is_file() and _holds_nul(path):
            raise UnusableInput(f"{path}: a binary file (it holds NUL bytes), not an article's text") from None
        raise UnusableInput(f"cannot read the article: {error}") from None
    if "\x00" in text:
        raise UnusableInput(f"{path}: a binary file (it holds NUL bytes), not an article's text")
    if not text.strip():
        raise UnusableInput(f"{path}: the article is empty")
    problems = article_text_problems(path, text)  # the build's rule: a BOM, a CR or a control character
    if problems:
        raise UnusableInput(str(problems[0]))
    return text


def check_out(target: Path, article: Path, *, force: bool) -> None:
    """Refuse an output file that is the article itself, or that exists when ``force`` is not given."""
    if target.exists() and target.samefile(article):
        raise UnusableInput(f"{target}: is the article itself; choose another --out")
    if target.exists() and not force:
        raise UnusableInput(f"{target}: exists; give --force to overwrite it, or another --out")


def _holds_nul(path: Path) -> bool:
    """Whether the start of the regular file ``path`` holds a NUL byte (a binary file, not text)."""
    with path.open("rb") as handle:
        return b"\x00" in handle.read(8192)


def parse_published(value: str) -> PublishedEntry:
    """``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY`` for an article dated only to the month or year).

    Example:
        >>> parse_published("2024-02").end.isoformat()
        '2024-02-29'

    """
    parts = value.strip().split("-")
    if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value.strip()):
        raise UnusableInput(f"--published {value!r}: give the publication date as YYYY-MM-DD (or YYYY-MM, YYYY)")
    numbers = [int(part) for part in parts]
    if numbers[0] not in YEARS:
        raise UnusableInput(f"--published {value!r}: the year must lie between {YEARS[0]} and {YEARS[-1]}")
    try:
        if len(numbers) == 3:
            day = dt.date(*numbers)
            return PublishedEntry(start=day, end=day, precision=DatePrecision.DAY, basis=DateBasis.STATED)
        if len(numbers) == 2:
            start = dt.date(numbers[0], numbers[1], 1)
            following = dt.date(numbers[0] + numbers[1] // 12, numbers[1] % 12 + 1, 1)
            end = following - dt.timedelta(days=1)
            return PublishedEntry(start=start, end=end, precision=DatePrecision.MONTH, basis=DateBasis.STATED)
        start, end = dt.date(numbers[0], 1, 1), dt.date(numbers[0], 12, 31)
        return PublishedEntry(start=start, end=end, precision=DatePrecision.YEAR, basis=DateBasis.STATED)
    except ValueError as error:
        raise UnusableInput(f"--published {value!r} is not a date: {error}") from None


def source_id_for(path: Path, given: str | None) -> str:
    """The source id: ``given``, or the article's file name without '.txt', as a slug."""
    if given is not None:
        if not re.fullmatch(SLUG_PATTERN, given) or len(given) > 80:
            raise UnusableInput(f"--source-id {given!r}: an id is lower-case letters and digits joined by - or _")
        return given
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:80].strip("-")
    if not slug:
        raise UnusableInput(f"{path}: no id can be made from the file name; give --source-id")
    return slug
