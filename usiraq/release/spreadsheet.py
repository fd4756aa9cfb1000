"""usiraq.xlsx: the release as one spreadsheet, typed from datapackage.json, the same bytes from the same files.

One sheet per table, after a README sheet (title, version, citation, licence)
and a codebook sheet (every column of every table). Cells take their type from
the table's Table Schema: text is written as text (so "2,500" or "=x" stay
as written), dates as dates with a yyyy-mm-dd format, booleans as booleans,
integers as numbers, empty cells as blanks; long texts wrap. The workbook's
document properties carry a fixed date, so nothing in it depends on the clock.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from usiraq.validation.package import LocalPackage, resource_format

FIXED_DATE = dt.datetime(1980, 1, 1)
"""The created/modified date in the document properties (the zip's entries carry the same)."""
MAX_CELL = 32_767
"""The most characters a spreadsheet cell holds."""
WRAP_FROM = 60
"""Text columns whose longest cell is longer than this are wrapped, in a column this wide."""
_OPTIONS = {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}


class SpreadsheetError(ValueError):
    """A table that a spreadsheet cannot hold as it is (a cell too long, an unreadable value)."""


def workbook_bytes(package: LocalPackage, citation: str) -> bytes:
    """The bytes of usiraq.xlsx for the data package ``package``.

    Args:
        package: the release (its CSV resources and their Table Schemas are read).
        citation: how to cite the data, one line (``usiraq cite``).

    Raises:
        SpreadsheetError: naming the table, row and column of a cell the sheet cannot hold.

    """
    import xlsxwriter

    buffer = io.BytesIO()
    tables = [resource for resource in package.resources if resource_format(resource) == "csv"]
    workbook = xlsxwriter.Workbook(buffer, _OPTIONS)
    formats = _formats(workbook)
    descriptor = package.descriptor
    workbook.set_properties(
        {
            "title": str(descriptor.get("title", "")),
            "subject": f"version {descriptor.get('version', '')}",
            "author": "The usiraq team",
            "created": FIXED_DATE,
            "comments": citation,
        }
    )
    _readme_sheet(workbook, formats, descriptor, citation, [str(resource["name"]) for resource in tables])
    _codebook_sheet(workbook, formats, tables)
    for resource in tables:
        _table_sheet(workbook, formats, resource, package.local_file(str(resource["path"])))
    workbook.close()
    return buffer.getvalue()


def _formats(workbook: Any) -> dict[str, Any]:
    return {
        "header": workbook.add_format({"bold": True, "bottom": 1}),
        "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "bold": workbook.add_format({"bold": True, "valign": "top"}),
    }


def _readme_sheet(
    workbook: Any, formats: dict[str, Any], descriptor: dict[str, Any], citation: str, names: list[str]
) -> None:
    sheet = workbook.add_worksheet("README")
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 100, formats["wrap"])
    sheet.write_string(0, 0, str(descriptor.get("title", "")), formats["title"])
    licences = "; ".join(
        f"{item.get('title', item.get('name'))} ({item.get('path', '')})" for item in descriptor.get("licenses", [])
    )
    rows = [
        ("version", str(descriptor.get("version", ""))),
        ("description", str(descriptor.get("description", ""))),
        ("cite as", citation),
        ("licence", f"{licences}. The article texts remain their publishers' (see LICENSE-DATA)."),
        (
            "codebook",
            "The sheet 'codebook' lists every column of every table: its type, whether it is required, its meaning.",
        ),
        ("tables", ", ".join(names)),
        (
            "types",
            "Text is text, dates are dates (yyyy-mm-dd), true/false are booleans; an empty cell is a missing value.",
        ),
    ]
    for index, (key, value) in enumerate(rows, start=2):
        sheet.write_string(index, 0, key, formats["bold"])
        sheet.write_string(index, 1, value, formats["wrap"])


CODEBOOK_COLUMNS = ("table", "column", "type", "required", "description", "allowed values", "example")


def _codebook_sheet(workbook: Any, formats: dict[str, Any], tables: list[dict[str, Any]]) -> None:
    sheet = workbook.add_worksheet("codebook")
    for column, name in enumerate(CODEBOOK_COLUMNS):
        sheet.write_string(0, column, name, formats["header"])
    row = 1
    for resource in tables:
        for field in resource["schema"]["fields"]:
            constraints = field.get("constraints", {})
            cells = (
                str(resource["name"]),
                str(field["name"]),
                str(field.get("type", "string")),
                "yes" if constraints.get("required") else "no",
                str(field.get("description", "")),
                ", ".join(map(str, constraints.get("enum", []))),
                str(field.get("example", "")),
            )
            for column, text in enumerate(cells):
                sheet.write_string(row, column, text)
            row += 1
    sheet.set_column(0, 1, 20)
    sheet.set_column(4, 5, 70, formats["wrap"])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, row - 1, len(CODEBOOK_COLUMNS) - 1)


def _table_sheet(workbook: Any, formats: dict[str, Any], resource: dict[str, Any], path: Path) -> None:
    name = str(resource["name"])
    fields = resource["schema"]["fields"]
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    if header != [str(field.get("name")) for field in fields]:
        raise SpreadsheetError(f"{path.name}: the CSV header differs from its Table Schema's fields")
    sheet = workbook.add_worksheet(name)
    kinds = [str(field.get("type", "string")) for field in fields]
    for column, label in enumerate(header):
        sheet.write_string(0, column, label, formats["header"])
    for number, cells in enumerate(body, start=1):
        if len(cells) != len(header):
            raise SpreadsheetError(f"{path.name} row {number + 1}: {len(cells)} cells, the header has {len(header)}")
        for column, text in enumerate(cells):
            if text != "":
                _write_cell(
                    sheet, formats, (number, column), kinds[column], text, f"{name} row {number + 1} {header[column]}"
                )
    for column, kind in enumerate(kinds):
        longest = max((len(cells[column]) for cells in body), default=0)
        if kind == "string" and longest > WRAP_FROM:
            sheet.set_column(column, column, WRAP_FROM, formats["wrap"])
        else:
            sheet.set_column(column, column, min(max(longest, len(header[column])) + 2, WRAP_FROM))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(body), len(header) - 1)


def _write_cell(sheet: Any, formats: dict[str, Any], at: tuple[int, int], kind: str, text: str, where: str) -> None:
    """One non-empty CSV cell, as the type its Table Schema field gives."""
    row, column = at
    try:
        if kind == "integer":
            sheet.write_number(row, column, int(text))
        elif kind == "boolean":
            sheet.write_boolean(row, column, {"true": True, "false": False}[text])
        elif kind == "date":
            sheet.write_datetime(row, column, dt.date.fromisoformat(text), formats["date"])
        elif len(text) > MAX_CELL:
            raise SpreadsheetError(f"{where}: {len(text)} characters, more than a spreadsheet cell holds ({MAX_CELL})")
        else:
            sheet.write_string(row, column, text, formats["wrap"] if len(text) > WRAP_FROM else None)
    except (KeyError, ValueError) as error:
        if isinstance(error, SpreadsheetError):
            raise
        raise SpreadsheetError(f"{where}: {text!r} is not a {kind}") from None
