"""The package's CSV tables, read once, with values typed by the table models.

The checks read rows from here rather than from the CSV files, so each file is
read once however many checks use it. A cell that does not parse as its
column's type becomes ``None`` (Frictionless reports the cell itself).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from usiraq.schema import TABLE_NAMES, model_for
from usiraq.schema.introspect import ColumnSpec, columns
from usiraq.validation.package import LocalPackage, PackageError

FIRST_ROW = 2
"""Row number of the first data row (the header is row 1, as Frictionless counts)."""

_FIELD_LIMIT = 2**31 - 1
_INTEGER = re.compile(r"^[+-]?\d{1,18}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Row = dict[str, Any]


@dataclass
class Tables:
    """Lazily read, typed CSV tables of one package.

    A table the package does not have reads as no rows; the
    ``package-resources`` check reports it missing.
    """

    package: LocalPackage
    _rows: dict[str, list[Row]] = field(default_factory=dict)
    _headers: dict[str, list[str]] = field(default_factory=dict)

    def rows(self, name: str) -> list[Row]:
        """The rows of table ``name``, typed; empty if the package lacks the table.

        Raises:
            PackageError: if the CSV file is missing, not UTF-8 or not CSV.

        """
        if name not in self._rows:
            self._load(name)
        return self._rows[name]

    def numbered(self, name: str) -> Iterator[tuple[int, Row]]:
        """``(row number, row)`` for every row of table ``name``."""
        return enumerate(self.rows(name), start=FIRST_ROW)

    def header(self, name: str) -> list[str]:
        """The column names in the CSV file's header (empty if the table is missing)."""
        self.rows(name)
        return self._headers[name]

    def texts(self) -> dict[str, str]:
        """Article text by source_id."""
        return {row["source_id"]: row["text"] for row in self.rows("sources") if row.get("text") is not None}

    def load_all(self) -> dict[str, int]:
        """Read every table now; return the row count of each table present.

        Raises:
            PackageError: if a CSV file is missing, not UTF-8 or not CSV.

        """
        return {name: len(self.rows(name)) for name in TABLE_NAMES if self.present(name)}

    def present(self, name: str) -> bool:
        """True when the package has a CSV resource for table ``name``."""
        try:
            self.package.resource(name, "csv")
        except PackageError:
            return False
        return True

    def _load(self, name: str) -> None:
        if not self.present(name):
            self._rows[name], self._headers[name] = [], []
            return
        path = self.package.resource_path(name, "csv")
        header, raw = read_csv(path)
        specs = {spec.name: spec for spec in columns(model_for(name))}
        self._headers[name] = header
        self._rows[name] = [_typed(row, specs) for row in raw]


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows (as strings) of a UTF-8 CSV file.

    Raises:
        PackageError: if the file cannot be read, is not UTF-8 or is not CSV.

    """
    csv.field_size_limit(_FIELD_LIMIT)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter=",", quotechar='"', strict=True)
            lines = list(reader)
    except UnicodeDecodeError as error:
        raise PackageError(f"{path}: not UTF-8 (byte {error.start} of a chunk: {error.reason})") from None
    except csv.Error as error:
        raise PackageError(f"{path}: not a readable CSV file: {error}") from None
    except OSError as error:
        raise PackageError(f"{path}: cannot read: {error.strerror or error}") from None
    if not lines:
        return [], []
    header = lines[0]
    return header, [dict(zip(header, line, strict=False)) for line in lines[1:]]


def _typed(raw: dict[str, str], specs: dict[str, ColumnSpec]) -> Row:
    return {name: parse_cell(raw.get(name), spec) for name, spec in specs.items()}


def parse_cell(text: str | None, spec: ColumnSpec) -> Any:
    """A CSV cell as a Python value of its column's type; ``None`` for empty or unparsable."""
    if text is None or text == "":
        return None
    kind = spec.kind
    if kind == "integer":
        return int(text) if _INTEGER.match(text) else None
    if kind == "boolean":
        return {"true": True, "false": False}.get(text)
    if kind == "date":
        return _date(text)
    return text


def _date(text: str) -> dt.date | None:
    if not _DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
