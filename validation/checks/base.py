"""What a check is: a code, a one-line description, the error it raises, and a function.

Each check of the dataset is a module of :mod:`usiraq.validation.checks`
holding one :class:`Check` called ``CHECK``; the registry lists them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables

Run = Callable[[Tables], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """One of the dataset's own checks.

    Attributes:
        code: a stable kebab-case code, e.g. ``evidence-span``.
        description: what the check makes sure of, in one line.
        error: the message template of the error it raises.
        tables: the tables it reports on (one result each, passing or not).
        run: reads the package's tables and yields what is wrong.

    """

    code: str
    description: str
    error: str
    tables: tuple[str, ...]
    run: Run


def context(text: str, start: int, end: int, width: int = 30) -> str:
    """The text around ``text[start:end]``, on one line, the span marked with ``[[ ]]``."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return " ".join(f"{before}[[{text[start:end]}]]{after}".split())


def short(value: object, width: int = 60) -> str:
    """``repr`` of a value, cut to ``width`` characters."""
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def tables_with(*names: str) -> tuple[str, ...]:
    """The release tables that have every one of the columns ``names``."""
    from usiraq.schema import TABLES

    return tuple(model.table_name for model in TABLES if set(names) <= set(model.model_fields))
