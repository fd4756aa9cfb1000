"""Compare two usiraq data packages table by table: rows added, removed and changed, by primary key.

Rows are matched on each table's primary key as the newer package declares it
(the older one's if the newer lacks the table); values are compared as read
from the CSV files, the primary format (validation checks each Parquet file
equal to its CSV twin). A package that cannot be read, a CSV file without a
header or a key column, and a repeated primary key are errors
(:class:`~usiraq.validation.package.PackageError`), never a silent result.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Key = tuple[Any, ...]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class CellChange:
    """One cell whose value differs between the two packages."""

    key: Key
    column: str
    old: Any
    new: Any


@dataclass(frozen=True)
class TableDiff:
    """How one table differs: rows by primary key, and columns present in only one package."""

    name: str
    primary_key: tuple[str, ...]
    added: list[Key] = field(default_factory=list)
    removed: list[Key] = field(default_factory=list)
    changed: list[CellChange] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Whether the table is the same in both packages."""
        return not (self.added or self.removed or self.changed or self.columns_added or self.columns_removed)

    @property
    def changed_rows(self) -> list[Key]:
        """The keys of the rows with at least one changed cell, in order."""
        return sorted({change.key for change in self.changed})


@dataclass(frozen=True)
class PackageDiff:
    """The differences between two packages, one entry per table in either."""

    old_version: str
    new_version: str
    tables: list[TableDiff]

    @property
    def empty(self) -> bool:
        """Whether every table is the same in both packages."""
        return all(table.empty for table in self.tables)


def diff_packages(old: str | Path, new: str | Path) -> PackageDiff:
    """The differences from the package at ``old`` to the one at ``new``, read from their CSV resources.

    Raises:
        usiraq.validation.package.PackageError: if either package is unusable or unsafe, a CSV
            file cannot be read, lacks a key column, or repeats a primary key.

    """
    from usiraq.validation.package import open_package

    before, after = open_package(old), open_package(new)
    names = before.resource_names() + [name for name in after.resource_names() if name not in before.resource_names()]
    tables = []
    for name in names:
        key = _key(after, before, name)
        tables.append(_diff_table(name, read_table(before, name, key), read_table(after, name, key), key))
    return PackageDiff(str(before.descriptor.get("version")), str(after.descriptor.get("version")), tables)


def _key(after: Any, before: Any, name: str) -> tuple[str, ...]:
    package = after if name in after.resource_names() else before
    schema = package.resource(name, "csv").get("schema")
    key = schema.get("primaryKey", []) if isinstance(schema, dict) else []
    return tuple(key) if isinstance(key, list) else (key,)


Rows = tuple[list[str], dict[Key, dict[str, Any]]]
"""A table as diff compares it: its columns, and its rows by primary key."""


def read_table(package: Any, name: str, key: tuple[str, ...]) -> Rows:
    """The columns and rows (by key, values typed from the CSV) of table ``name`` (none if the package lacks it).

    Raises:
        PackageError: the CSV file cannot be read, has no header, lacks a key column, or repeats a key.

    """
    from usiraq.validation.loading import read_csv
    from usiraq.validation.package import PackageError

    if name not in package.resource_names():
        return [], {}
    path = package.resource_path(name, "csv")
    header, records = read_csv(path)
    if header:  # a spreadsheet may save the CSV with a byte order mark: part of the encoding, not of the first name
        header[0] = header[0].removeprefix("\ufeff")
    if not header:
        raise PackageError(f"{path}: empty, without even a header row")
    missing = [column for column in key if column not in header]
    if missing:
        raise PackageError(f"{path}: no column {', '.join(missing)}, which the primary key needs")
    kinds = _field_types(package.resource(name, "csv"))
    rows: dict[Key, dict[str, Any]] = {}
    first_row: dict[Key, int] = {}
    for number, record in enumerate(records, start=2):
        if len(record) != len(header):
            raise PackageError(f"{path}: row {number} has {len(record)} cells, the header {len(header)}")
        row = {column: typed(cell, kinds.get(column)) for column, cell in zip(header, record, strict=True)}
        row_key = tuple(row[column] for column in key) if key else tuple(row.values())
        if row_key in rows:
            shown = ", ".join(f"{column}={show(value)}" for column, value in zip(key or header, row_key, strict=False))
            raise PackageError(
                f"{path}: rows {first_row[row_key]} and {number} have the same primary key ({shown}); "
                "diff matches rows by key, so the package must not repeat one"
            )
        rows[row_key], first_row[row_key] = row, number
    return header, rows


def _field_types(resource: dict[str, Any]) -> dict[str, str]:
    schema = resource.get("schema")
    fields = schema.get("fields", []) if isinstance(schema, dict) else []
    return {str(item.get("name")): str(item.get("type", "string")) for item in fields if isinstance(item, dict)}


def typed(cell: str, kind: str | None) -> Any:
    """A CSV cell as a value of its Table Schema type: empty is None, integers int, booleans bool, others text.

    Example:
        >>> typed("12", "integer"), typed("true", "boolean"), typed("", "date"), typed("2024-01-09", "date")
        (12, True, None, '2024-01-09')

    """
    if cell == "":
        return None
    if kind == "integer" and cell.lstrip("-").isdigit():
        return int(cell)
    if kind == "boolean" and cell in ("true", "false"):
        return cell == "true"
    return cell


def _diff_table(name: str, old: Rows, new: Rows, key: tuple[str, ...]) -> TableDiff:
    (old_columns, before), (new_columns, after) = old, new
    shared = [column for column in new_columns if column in old_columns]
    changed = [
        CellChange(row_key, column, before[row_key].get(column), after[row_key].get(column))
        for row_key in sorted(before.keys() & after.keys(), key=_sortable)
        for column in shared
        if before[row_key].get(column) != after[row_key].get(column)
    ]
    return TableDiff(
        name=name,
        primary_key=key or tuple(new_columns or old_columns),
        added=sorted(after.keys() - before.keys(), key=_sortable),
        removed=sorted(before.keys() - after.keys(), key=_sortable),
        changed=changed,
        columns_added=[column for column in new_columns if column not in old_columns] if old_columns else [],
        columns_removed=[column for column in old_columns if column not in new_columns] if new_columns else [],
    )


def _sortable(key: Key) -> tuple[str, ...]:
    return tuple("" if part is None else str(part) for part in key)


def render_diff(diff: PackageDiff) -> str:
    """The differences as text: a line per table, then one line per row or cell."""
    lines = [f"usiraq diff: {diff.old_version} -> {diff.new_version}"]
    if diff.empty:
        return "\n".join([*lines, "no differences"])
    for table in diff.tables:
        counts = f"{len(table.added)} added, {len(table.removed)} removed, {len(table.changed_rows)} changed"
        lines.append(f"{table.name}: {counts}")
        lines += [f"  + column {column}" for column in table.columns_added]
        lines += [f"  - column {column}" for column in table.columns_removed]
        lines += [f"  + {_show(table, key)}" for key in table.added]
        lines += [f"  - {_show(table, key)}" for key in table.removed]
        lines += [f"  ~ {_show(table, c.key)} {c.column}: {show(c.old)} -> {show(c.new)}" for c in table.changed]
    return "\n".join(lines)


def diff_as_json(diff: PackageDiff) -> dict[str, Any]:
    """The differences as plain JSON values (keys as objects from column to value)."""
    return {
        "old_version": diff.old_version,
        "new_version": diff.new_version,
        "tables": {
            table.name: {
                "added": [_key_object(table, key) for key in table.added],
                "removed": [_key_object(table, key) for key in table.removed],
                "changed": [
                    {"key": _key_object(table, c.key), "column": c.column, "old": _plain(c.old), "new": _plain(c.new)}
                    for c in table.changed
                ],
                "columns_added": table.columns_added,
                "columns_removed": table.columns_removed,
            }
            for table in diff.tables
        },
    }


def _show(table: TableDiff, key: Key) -> str:
    return ", ".join(f"{column}={show(value)}" for column, value in zip(table.primary_key, key, strict=True))


def show(value: Any) -> str:
    """A value as the diff prints it: text in double quotes, numbers and ISO dates as written, empty as null.

    Example:
        >>> print(show("about 2,500"), show(3), show(True), show(None), show(dt.date(2024, 1, 9)))
        "about 2,500" 3 true null 2024-01-09

    """
    if value is None or isinstance(value, bool | int | float):
        return json.dumps(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    return json.dumps(str(value), ensure_ascii=False)


def _key_object(table: TableDiff, key: Key) -> dict[str, Any]:
    return {column: _plain(value) for column, value in zip(table.primary_key, key, strict=True)}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value
