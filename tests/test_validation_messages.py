"""Every validation message names the file and the line, row or field, and says plainly what is wrong."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fixtures.validation import mutate
from usiraq.validation.loading import read_csv
from usiraq.validation.package import PackageError
from usiraq.validation.render import render
from usiraq.validation.report import MAX_MESSAGE, Report
from usiraq.validation.validate import validate_package


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mutate.release_or_fresh_build(tmp_path_factory.mktemp("pristine"))


@pytest.fixture
def package(pristine: Path, tmp_path: Path) -> Path:
    return mutate.copy_package(pristine, tmp_path / "package")


def messages(report: Report) -> list[str]:
    return [error.message for check in report.checks for error in check.errors]


def test_an_unclosed_quote_is_reported_at_the_line_it_opens(package: Path) -> None:
    path = package / "csv" / "actors.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].rstrip("\n") + ',"never closed\n'
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(PackageError, match="line 5: a quote out of place in the row starting on this line"):
        read_csv(path)
    report = validate_package(package)
    assert report.exit_code == 2
    assert "actors.csv: not a readable CSV file: line 5:" in render(report)


def test_a_quote_left_open_to_the_end_is_reported_at_the_line_it_opens(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('a,b\n1,2\n3,"open\n4,5\n6,7\n8,9\n', encoding="utf-8")
    with pytest.raises(PackageError, match="line 3: a quoted cell that starts in the row on this line is never closed"):
        read_csv(path)


def test_a_byte_that_is_not_utf8_is_reported_at_its_line(package: Path) -> None:
    path = package / "csv" / "claims.csv"
    data = path.read_bytes()
    seventh = [index for index, byte in enumerate(data) if byte == ord("\n")][5] + 1
    path.write_bytes(data[:seventh] + b"\xff" + data[seventh:])
    report = validate_package(package)
    assert report.exit_code == 2
    shown = render(report)
    assert f"claims.csv: not UTF-8: line 7, byte offset {seventh}: byte 0xff" in shown
    assert "chunk" not in shown


def test_a_reversed_span_is_called_reversed(package: Path) -> None:
    number = mutate.set_cell(package, "claims", lambda row: int(row["char_start"]) > 10, "char_end", "5")
    report = validate_package(package)
    found = [error for check in report.checks if check.code == "evidence-span" for error in check.errors]
    assert [(error.row, error.message) for error in found if error.row == number]
    assert all("lies outside" not in error.message for error in found)
    assert any("is not before char_end 5: the span is empty or reversed" in error.message for error in found)


def test_a_huge_nested_descriptor_value_gives_a_short_message(package: Path) -> None:
    content = mutate.descriptor(package)
    nested: object = "deep"
    for _ in range(300):
        nested = {"x": [nested, "padding " * 50]}
    content["resources"][0]["title"] = nested
    mutate.write_descriptor(package, content)
    report = validate_package(package)
    assert not report.valid
    assert all(len(message) <= MAX_MESSAGE + 60 for message in messages(report))
    assert len(render(report)) < 20_000


def test_a_parquet_nullability_mismatch_says_which_is_nullable(package: Path) -> None:
    path = package / "parquet" / "claims.parquet"
    table = pq.read_table(path)
    index = table.schema.get_field_index("claim_id")
    field = table.schema.field(index)
    flipped = table.cast(table.schema.set(index, pa.field(field.name, field.type, nullable=not field.nullable)))
    pq.write_table(flipped, path)
    mutate.restamp(package)
    report = validate_package(package)
    twin = [error.message for check in report.checks if check.code == "parquet-twin" for error in check.errors]
    assert "Parquet column is string, nullable, the models give string, not null" in twin


def test_an_impossible_date_is_named_not_shown_as_none(package: Path) -> None:
    number = mutate.set_cell(package, "events", lambda row: bool(row["date_start"]), "date_start", "2024-02-30")
    report = validate_package(package)
    found = [(check.code, error) for check in report.checks for error in check.errors if error.field == "date_start"]
    assert found
    assert all(error.row == number for _, error in found)
    assert any("2024-02-30" in error.message for _, error in found)
    assert all("None" not in error.message for _, error in found)


def test_a_row_with_more_cells_than_the_header_is_reported_at_its_line(package: Path) -> None:
    path = package / "csv" / "actors.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    width = len(read_csv(path)[0])
    lines[3] = lines[3].rstrip("\n") + ",extra\n"
    path.write_text("".join(lines), encoding="utf-8")
    mutate.restamp(package)
    report = validate_package(package)
    assert report.exit_code == 2
    assert (
        f"actors.csv: not a readable CSV file: line 4: the row starting on this line has {width + 1} cells"
        in render(report)
    )


def test_a_blank_line_is_reported_at_its_line(package: Path) -> None:
    path = package / "csv" / "actors.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, "\n")
    path.write_text("".join(lines), encoding="utf-8")
    mutate.restamp(package)
    report = validate_package(package)
    assert report.exit_code == 2
    assert "actors.csv: not a readable CSV file: line 4: a blank line" in render(report)


def test_line_breaks_inside_cells_are_not_blank_lines(package: Path) -> None:
    assert "\n\n" in (package / "csv" / "sources.csv").read_text(encoding="utf-8")
    assert validate_package(package).valid
