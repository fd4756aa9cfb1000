"""Compare two usiraq data packages table by table: rows added, removed and changed, by primary key.

Rows are matched on each table's primary key as the newer package declares it
(the older one's if the newer lacks the table); values are compared as read
from the Parquet files, so a changed type or an edited cell both show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Key = tuple[Any, ...]


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
    """The differences from the package at ``old`` to the one at ``new``.

    Raises:
        usiraq.validation.package.PackageError: if either package is unusable or unsafe.

    """
    from usiraq.validation.package import open_package

    before, after = open_package(old), open_package(new)
    names = before.resource_names() + [name for name in after.resource_names() if name not in before.resource_names()]
    tables = [_diff_table(name, _rows(before, name), _rows(after, name), _key(after, before, name)) for name in names]
    return PackageDiff(str(before.descriptor.get("version")), str(after.descriptor.get("version")), tables)


def _key(after: Any, before: Any, name: str) -> tuple[str, ...]:
    package = after if name in after.resource_names() else before
    return tuple(package.resource(name, "csv").get("schema", {}).get("primaryKey", []))


def _rows(package: Any, name: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The column names and rows of a table (none if the package lacks it)."""
    import pyarrow.parquet as pq

    if name not in package.resource_names():
        return [], []
    table = pq.ParquetFile(package.resource_path(name, "parquet")).read()
    return table.column_names, table.to_pylist()


def _diff_table(
    name: str, old: tuple[list[str], list[dict[str, Any]]], new: tuple[list[str], list[dict[str, Any]]], key: Key
) -> TableDiff:
    (old_columns, old_rows), (new_columns, new_rows) = old, new
    key_columns = tuple(key) or tuple(column for column in new_columns if column in old_columns)
    before = {tuple(row.get(column) for column in key_columns): row for row in old_rows}
    after = {tuple(row.get(column) for column in key_columns): row for row in new_rows}
    shared = [column for column in new_columns if column in old_columns]
    changed = [
        CellChange(row_key, column, before[row_key][column], after[row_key][column])
        for row_key in sorted(before.keys() & after.keys(), key=_sortable)
        for column in shared
        if before[row_key][column] != after[row_key][column]
    ]
    return TableDiff(
        name=name,
        primary_key=key_columns,
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
        lines += [f"  ~ {_show(table, c.key)} {c.column}: {c.old!r} -> {c.new!r}" for c in table.changed]
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
    return ", ".join(f"{column}={value}" for column, value in zip(table.primary_key, key, strict=True))


def _key_object(table: TableDiff, key: Key) -> dict[str, Any]:
    return {column: _plain(value) for column, value in zip(table.primary_key, key, strict=True)}


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
