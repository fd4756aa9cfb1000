"""Frictionless' primary-key, unique and foreign-key checks, as DuckDB SQL over whole columns.

Keys compare typed values, as Frictionless does: a cell that is not of its
field's type is missing (NULL) for the key. The typed values are
:func:`usiraq.validation.typer.value`'s (integers with ASCII digits; a key
cell only Frictionless' reader parses is taken as missing here). A duplicate primary key points at the
previous row with the same key; a key whose cells are all missing is an error;
a foreign key whose cells are all missing is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from usiraq.validation.report import Finding


def key_view(tables: Any, table: str, names: list[str], exprs: dict[str, str]) -> str:
    """A subquery of ``_row`` and the typed key columns ``k0``, ``k1``, ..."""
    selected = ", ".join(f"{exprs[name]} AS k{index}" for index, name in enumerate(names))
    return f'(SELECT _row, {selected} FROM "raw_{table}")'


def primary_key_errors(tables: Any, table: str, names: list[str], exprs: dict[str, str]) -> Iterator[Finding]:
    """Frictionless' ``primary-key`` errors: all-missing keys, and each repeat of an earlier row's key."""
    keys = [f"k{index}" for index in range(len(names))]
    source = key_view(tables, table, names, exprs)
    empty = " AND ".join(f"{key} IS NULL" for key in keys)
    for (row,) in tables.query(f"SELECT _row FROM {source} WHERE {empty} ORDER BY _row"):
        note = 'cells composing the primary keys are all "None"'
        yield Finding(table, f'Row at position "{row}" violates the primary key: {note}', row)
    grouped = ", ".join(keys)
    repeated = f"SELECT {grouped} FROM {source} WHERE NOT ({empty}) GROUP BY ALL HAVING count(*) > 1"
    if not tables.query(f"SELECT 1 FROM ({repeated}) LIMIT 1"):
        return
    query = (
        f"SELECT _row, previous FROM (SELECT _row, lag(_row) OVER (PARTITION BY {grouped} ORDER BY _row) AS previous "
        f"FROM {source} WHERE NOT ({empty})) WHERE previous IS NOT NULL ORDER BY _row"
    )
    for row, previous in tables.query(query):
        message = f'Row at position "{row}" violates the primary key: the same as in the row at position {previous}'
        yield Finding(table, message, row)


def unique_errors(tables: Any, table: str, name: str, position: int, expr: str) -> Iterator[Finding]:
    """Frictionless' ``unique-error`` on a field with ``constraints.unique``."""
    query = (
        f"SELECT _row, previous FROM (SELECT _row, lag(_row) OVER (PARTITION BY value ORDER BY _row) AS previous "
        f'FROM (SELECT _row, {expr} AS value FROM "raw_{table}") WHERE value IS NOT NULL) '
        "WHERE previous IS NOT NULL ORDER BY _row"
    )
    for row, previous in tables.query(query):
        message = (
            f'Row at position "{row}" has unique constraint violation in field "{name}" at position "{position}": '
            f"the same as in the row at position {previous}"
        )
        yield Finding(table, message, row, name)


def foreign_key_errors(
    tables: Any, table: str, key: dict[str, Any], child: dict[str, str], parent: dict[str, str] | None
) -> Iterator[Finding]:
    """Frictionless' ``foreign-key`` errors for one foreign key.

    ``child`` and ``parent`` map the key's field names to their typed SQL in
    this table and in the referenced one (``None``: the referenced table is missing).
    """
    names, reference = list(key["fields"]), key["reference"]
    target, target_names = str(reference.get("resource", "")), list(reference["fields"])
    keys = [f"k{index}" for index in range(len(names))]
    source = key_view(tables, table, names, child)
    some = " OR ".join(f"c.{name} IS NOT NULL" for name in keys)
    if parent is None:
        lookup = f"(SELECT {', '.join(f'NULL AS {name}' for name in keys)} WHERE false)"
    else:
        lookup = key_view(tables, target or table, target_names, parent)
    matched = " AND ".join(f"p.{name} IS NOT DISTINCT FROM c.{name}" for name in keys)
    any_parent = " OR ".join(f"p.{name} IS NOT NULL" for name in keys)
    query = (
        f"SELECT c._row, {', '.join(f'c.{name}' for name in keys)} FROM {source} c "
        f"ANTI JOIN (SELECT * FROM {lookup} p WHERE {any_parent}) p ON {matched} WHERE {some} ORDER BY c._row"
    )
    for row, *values in tables.query(query):
        shown = ", ".join(str(value) for value in values)
        note = (
            f'for "{", ".join(names)}": values "{shown}" not found in the lookup table "{target}" '
            f'as "{", ".join(target_names)}"'
        )
        yield Finding(table, f'Row at position "{row}" violates the foreign key: {note}', row, ",".join(names))
