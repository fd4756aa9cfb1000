"""usiraq diff OLD NEW: rows added, removed and changed by primary key."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from usiraq.dataset import release_root
from usiraq.schema import TABLE_NAMES

from usiraq.cli import main
from usiraq.diff import CellChange, diff_packages, render_diff

RELEASE = Path(str(release_root()))


def copy_release(tmp_path: Path) -> Path:
    target = tmp_path / "new"
    shutil.copytree(RELEASE, target)
    return target


def read_rows(root: Path, name: str) -> list[list[str]]:
    with (root / "csv" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def rewrite(root: Path, name: str, change) -> None:
    """Change the rows (header first) of a CSV resource in place."""
    rows = change(read_rows(root, name))
    with (root / "csv" / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(rows: list[list[str]], row: int, column: str, value: str) -> list[list[str]]:
    """``rows`` with data row ``row`` (0 = first after the header) given ``value`` in ``column``."""
    rows[row + 1][rows[0].index(column)] = value
    return rows


def test_a_package_against_itself_is_empty() -> None:
    found = diff_packages(RELEASE, RELEASE)
    assert found.empty
    assert [table.name for table in found.tables] == list(TABLE_NAMES)
    assert render_diff(found).endswith("no differences")


def test_one_changed_cell_is_exactly_that_change(tmp_path: Path) -> None:
    new = copy_release(tmp_path)
    claims = pq.read_table(RELEASE / "parquet" / "claims.parquet")
    claim_id, content = claims.column("claim_id")[4].as_py(), claims.column("content")[4].as_py()
    rewrite(new, "claims", lambda rows: set_cell(rows, 4, "content", "A corrected content line."))
    found = diff_packages(RELEASE, new)
    changed = {table.name: table for table in found.tables if not table.empty}
    assert list(changed) == ["claims"]
    claims_diff = changed["claims"]
    assert claims_diff.changed == [CellChange((claim_id,), "content", content, "A corrected content line.")]
    assert claims_diff.added == claims_diff.removed == []
    assert claims_diff.changed_rows == [(claim_id,)]


def test_an_edit_of_the_csv_alone_is_found(tmp_path: Path) -> None:
    new = copy_release(tmp_path)
    events = read_rows(RELEASE, "events")
    dated = next(number for number, row in enumerate(events[1:]) if row[events[0].index("date_start")])
    rewrite(new, "events", lambda rows: set_cell(rows, dated, "date_start", "2023-12-31"))
    table = next(table for table in diff_packages(RELEASE, new).tables if table.name == "events")
    assert [change.column for change in table.changed] == ["date_start"]


def test_rows_added_and_removed(tmp_path: Path) -> None:
    new = copy_release(tmp_path)
    rows = read_rows(RELEASE, "force_figures")
    first, last = rows[1][0], rows[-1][0]
    rewrite(new, "force_figures", lambda rows: set_cell([rows[0], *rows[2:]], len(rows) - 3, "figure_id", "999-new"))
    table = next(table for table in diff_packages(RELEASE, new).tables if table.name == "force_figures")
    assert table.removed == [(first,), (last,)]
    assert table.added == [("999-new",)]
    assert table.changed == []


def test_cli_prints_the_change_and_exits_0(tmp_path: Path) -> None:
    new = copy_release(tmp_path)
    rewrite(new, "claims", lambda rows: set_cell(rows, 0, "note", "checked again"))
    events = read_rows(RELEASE, "events")
    dated = next(number for number, row in enumerate(events[1:]) if row[events[0].index("date_start")])
    rewrite(new, "events", lambda rows: set_cell(rows, dated, "date_start", "2023-12-31"))
    rewrite(new, "force_figures", lambda rows: set_cell(rows, 0, "value", "2600"))
    runner = CliRunner()
    same = runner.invoke(main, ["diff", str(RELEASE), str(RELEASE)])
    assert same.exit_code == 0 and "no differences" in same.output
    result = runner.invoke(main, ["diff", str(RELEASE), str(new)])
    assert result.exit_code == 0, result.output
    assert "claims: 0 added, 0 removed, 1 changed" in result.output
    assert '-> "checked again"' in result.output
    assert re.search(r"date_start: \d{4}-\d{2}-\d{2} -> 2023-12-31$", result.output, re.MULTILINE)
    assert re.search(r"value: \d+ -> 2600$", result.output, re.MULTILINE)
    assert "datetime" not in result.output and "'" not in result.output.split("\n", 1)[1].replace("'s", "")
    as_json = runner.invoke(main, ["diff", "--json", str(RELEASE), str(new / "datapackage.json")])
    assert as_json.exit_code == 0
    tables = json.loads(as_json.output)["tables"]
    assert [change["new"] for change in tables["claims"]["changed"]] == ["checked again"]
    assert [change["new"] for change in tables["force_figures"]["changed"]] == [2600]
    assert all(
        not entry["changed"] for name, entry in tables.items() if name not in ("claims", "events", "force_figures")
    )


def damage_truncated(root: Path) -> None:
    path = root / "csv" / "claims.csv"
    data = path.read_bytes()
    cut = data.index(b',"', len(data) // 2) + 2  # just inside a quoted cell
    path.write_bytes(data[:cut] + b"never closed\n" * 6)


def damage_empty(root: Path) -> None:
    (root / "csv" / "claims.csv").write_bytes(b"")


def damage_binary(root: Path) -> None:
    (root / "csv" / "claims.csv").write_bytes((RELEASE / "parquet" / "claims.parquet").read_bytes())


def damage_missing(root: Path) -> None:
    (root / "csv" / "claims.csv").unlink()


def damage_duplicate_key(root: Path) -> None:
    rewrite(root, "claims", lambda rows: [*rows, rows[3]])


def damage_key_column(root: Path) -> None:
    rewrite(root, "claims", lambda rows: [row[1:] for row in rows])


def damage_not_a_package(root: Path) -> None:
    (root / "datapackage.json").write_text("[1, 2]", encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (damage_truncated, "a quoted cell that starts in the row on this line is never closed"),
        (damage_empty, "empty, without even a header row"),
        (damage_binary, "not UTF-8"),
        (damage_missing, "does not exist"),
        (damage_duplicate_key, "have the same primary key (claim_id="),
        (damage_key_column, "no column claim_id, which the primary key needs"),
        (damage_not_a_package, "must be a JSON object"),
    ],
)
@pytest.mark.parametrize("side", ["old", "new"])
def test_an_unreadable_package_is_a_clear_message_and_exit_2(tmp_path: Path, damage, expected: str, side: str) -> None:
    broken = copy_release(tmp_path)
    damage(broken)
    arguments = [str(broken), str(RELEASE)] if side == "old" else [str(RELEASE), str(broken)]
    result = CliRunner().invoke(main, ["diff", *arguments])
    assert result.exit_code == 2, result.output
    assert "usiraq diff: cannot compare:" in result.output
    assert expected in result.output
    assert "Traceback" not in result.output


def test_cli_refuses_an_unsafe_package(tmp_path: Path) -> None:
    new = copy_release(tmp_path)
    descriptor = json.loads((new / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "../../secret.csv"
    (new / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(RELEASE), str(new)])
    assert result.exit_code == 2
    assert "refused" in result.output
