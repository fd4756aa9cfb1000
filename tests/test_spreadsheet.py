"""usiraq.xlsx: every cell of every sheet equals its CSV cell, typed; the same bytes from the same release;
LibreOffice reads the same cells."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from fixtures import tools
from fixtures.validation import mutate
from usiraq.schema import TABLE_NAMES
from usiraq.validation.package import open_package

from usiraq.citation import cite
from usiraq.release.spreadsheet import CODEBOOK_COLUMNS, SpreadsheetError, workbook_bytes

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "dataset" / "release"


@pytest.fixture(scope="module")
def workbook_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "usiraq.xlsx"
    path.write_bytes(workbook_bytes(open_package(RELEASE), cite("apa")))
    return path


def csv_rows(table: str) -> list[list[str]]:
    with (RELEASE / "csv" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def field_types(table: str) -> list[str]:
    return [field["type"] for field in open_package(RELEASE).resource(table)["schema"]["fields"]]


def expected_cell(text: str, kind: str) -> Any:
    """The value a spreadsheet reader should give for a CSV cell of this Table Schema type."""
    if text == "":
        return None
    if kind == "integer":
        return int(text)
    if kind == "boolean":
        return {"true": True, "false": False}[text]
    if kind == "date":
        return dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
    return text


def assert_sheets_equal_the_csv(book: Any, source: str) -> None:
    for table in TABLE_NAMES:
        rows, kinds = csv_rows(table), field_types(table)
        sheet = book[table]
        assert sheet.max_row == len(rows) and sheet.max_column == len(rows[0]), (source, table)
        for number, (cells, found) in enumerate(zip(rows, sheet.iter_rows(values_only=True), strict=True), start=1):
            expected = (
                cells if number == 1 else [expected_cell(text, kind) for text, kind in zip(cells, kinds, strict=True)]
            )
            for column, (want, got) in enumerate(zip(expected, found, strict=True)):
                assert got == want and type(got) is type(want), (
                    f"{source} {table} row {number} {rows[0][column]}: {got!r}"
                )


def test_every_cell_equals_its_csv_cell_with_its_type(workbook_file: Path) -> None:
    book = openpyxl.load_workbook(workbook_file)
    assert book.sheetnames == ["README", "codebook", *TABLE_NAMES]
    assert_sheets_equal_the_csv(book, "openpyxl")


def test_text_stays_text_and_dates_are_shown_as_dates(workbook_file: Path) -> None:
    book = openpyxl.load_workbook(workbook_file)
    figures = book["force_figures"]
    header = [cell.value for cell in figures[1]]
    number_text = [row[header.index("number_text")] for row in figures.iter_rows(min_row=2)]
    assert "2,500" in [cell.value for cell in number_text]
    assert all(cell.data_type == "s" for cell in number_text)
    dates = [
        row[header.index("as_of_start")]
        for row in figures.iter_rows(min_row=2)
        if row[header.index("as_of_start")].value
    ]
    assert dates and all(cell.is_date and cell.number_format == "yyyy-mm-dd" for cell in dates)
    texts = [row[[c.value for c in book["sources"][1]].index("text")] for row in book["sources"].iter_rows(min_row=2)]
    assert all(cell.alignment.wrap_text for cell in texts), "long texts wrap"
    assert "\u00a0" in "".join(cell.value for cell in texts), "the no-break space survives"


def test_readme_and_codebook_sheets(workbook_file: Path) -> None:
    book = openpyxl.load_workbook(workbook_file)
    readme = {row[0]: row[1] for row in book["README"].iter_rows(min_row=2, values_only=True) if row[0]}
    descriptor = open_package(RELEASE).descriptor
    assert book["README"]["A1"].value == descriptor["title"]
    assert readme["version"] == descriptor["version"]
    assert readme["cite as"] == cite("apa")
    assert "Creative Commons Attribution 4.0" in readme["licence"]
    codebook = list(book["codebook"].iter_rows(values_only=True))
    assert codebook[0] == CODEBOOK_COLUMNS
    fields = [
        (r["name"], f["name"]) for r in descriptor["resources"] if r["type"] == "table" for f in r["schema"]["fields"]
    ]
    assert [(row[0], row[1]) for row in codebook[1:]] == fields
    assert all(row[4] for row in codebook[1:]), "every column has a description"
    assert book.properties.created == book.properties.modified == dt.datetime(1980, 1, 1)


def test_same_release_gives_the_same_bytes(workbook_file: Path) -> None:
    assert workbook_bytes(open_package(RELEASE), cite("apa")) == workbook_file.read_bytes()
    with zipfile.ZipFile(workbook_file) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
    stamps = re.findall(r"<dcterms:(\w+) [^>]*>([^<]*)<", core)
    assert stamps == [("created", "1980-01-01T00:00:00Z"), ("modified", "1980-01-01T00:00:00Z")]
    with zipfile.ZipFile(workbook_file) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_cell_a_sheet_cannot_hold_is_named(tmp_path: Path) -> None:
    package = mutate.copy_package(RELEASE, tmp_path / "package")
    row = mutate.set_cell(package, "sources", lambda _: True, "text", "x" * 40_000)
    with pytest.raises(SpreadsheetError, match=rf"sources row {row} text: 40000 characters"):
        workbook_bytes(open_package(package), "cite")


def test_libreoffice_reads_the_same_cells(workbook_file: Path, tmp_path: Path) -> None:
    """LibreOffice Calc opens the workbook headless and saves it again; every cell keeps its value and type."""
    soffice = tools.require("soffice", "libreoffice-calc-nogui")
    out = tmp_path / "converted"
    env = {**os.environ, "HOME": str(tmp_path / "home")}  # a profile of its own, not the user's
    done = subprocess.run(
        [soffice, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", str(out), str(workbook_file)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    assert done.returncode == 0 and (out / "usiraq.xlsx").is_file(), done.stdout + done.stderr
    book = openpyxl.load_workbook(io.BytesIO((out / "usiraq.xlsx").read_bytes()), data_only=True)
    assert book.sheetnames == ["README", "codebook", *TABLE_NAMES]
    assert_sheets_equal_the_csv(book, "LibreOffice")


def test_a_csv_that_does_not_fit_its_schema_is_named(tmp_path: Path) -> None:
    package = mutate.copy_package(RELEASE, tmp_path / "package")
    claims = package / "csv" / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8").replace("claim_id,", "claim,", 1), encoding="utf-8")
    with pytest.raises(SpreadsheetError, match=r"claims\.csv: the CSV header differs from its Table Schema's fields"):
        workbook_bytes(open_package(package), "cite")
