"""Quoting names and values into SQL text (DuckDB and SQLite quote alike).

Light on purpose (no third-party imports): :mod:`usiraq.sql` and the web
pages quote with it too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def identifier(name: str) -> str:
    """A quoted SQL identifier.

    Example:
        >>> print(identifier('a "b" c'))
        "a ""b"" c"

    """
    return '"' + name.replace('"', '""') + '"'


def literal(value: Any) -> str:
    """A SQL string literal of ``str(value)``.

    Example:
        >>> literal("Iraq's")
        "'Iraq''s'"

    """
    return "'" + str(value).replace("'", "''") + "'"


def identifiers(names: Iterable[str]) -> str:
    """Quoted identifiers, comma-separated (a select list)."""
    return ", ".join(map(identifier, names))


def literals(values: Iterable[Any]) -> str:
    """String literals, comma-separated (the inside of ``IN (...)``)."""
    return ", ".join(map(literal, values))
