"""Make release rows through their pydantic models, and gather problems item by item."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from pydantic import ValidationError
from usiraq.builders.errors import InputError, Problem, raise_if_any
from usiraq.builders.fieldsets import share_fields_set
from usiraq.builders.inputs import Item
from usiraq.builders.messages import error_messages
from usiraq.schema.record import Record

R = TypeVar("R", bound=Record)
T = TypeVar("T")


def make(model: type[R], **values: Any) -> R:
    """A row of ``model``, validated.

    Raises:
        InputError: the values do not make a valid row; the message names each column at fault.

    """
    try:
        row = model(**values)
    except ValidationError as error:
        details = "; ".join(message for _, message in error_messages(error, model))
        raise InputError(f"this makes an invalid {model.table_name} row: {details}") from None
    share_fields_set(row)
    return row


def gather(items: Iterable[Item], produce: Callable[[Item], T]) -> list[T]:
    """``produce(item)`` for every item; an :class:`InputError` becomes a problem at the item's file and line.

    Raises:
        BuildError: with every item's problem, once all items are tried.

    """
    results: list[T] = []
    problems: list[Problem] = []
    for item in items:
        try:
            results.append(produce(item))
        except InputError as error:
            problems.append(item.at(error.field).problem(str(error)))
    raise_if_any(problems)
    return results


def collect_rows(items: Iterable[Item], produce: Callable[[Item], Record | list[Record]]) -> list[Record]:
    """The rows ``produce`` makes from every item, checked for a repeated primary key.

    Raises:
        BuildError: an item failed, or two items made rows with the same primary key.

    """
    items = list(items)
    produced = gather(items, produce)
    rows: list[Record] = []
    problems: list[Problem] = []
    first: dict[tuple[Any, ...], Item] = {}
    for item, result in zip(items, produced, strict=True):
        for row in result if isinstance(result, list) else [result]:
            key = primary_key(row)
            if key in first:
                message = (
                    f"{row.table_name} key {key} is already made by {first[key].where.label} at {first[key].where}"
                )
                problems.append(item.where.problem(message))
                continue
            first[key] = item
            rows.append(row)
    raise_if_any(problems)
    return rows


def primary_key(row: Record) -> tuple[Any, ...]:
    """The values of the row's primary key columns."""
    return tuple(getattr(row, name) for name in row.primary_key)


def require_in_quote(name: str, value: str | None, quote: str) -> None:
    """Check that ``value`` (words as written) occurs in ``quote``.

    Raises:
        InputError: it does not.

    """
    if value is not None and value not in quote:
        raise InputError(f"{value!r} is not in the quote {quote!r}", (name,))
