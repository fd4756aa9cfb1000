"""usiraq diff OLD NEW: rows added, removed and changed by primary key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
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


def rewrite(root: Path, name: str, change) -> None:
    path = root / "parquet" / f"{name}.parquet"
    table = pq.read_table(path)
    pq.write_table(change(table), path)


def set_cell(table: pa.Table, row: int, column: str, value: object) -> pa.Table:
    values = table.column(column).to_pylist()
    values[row] = value
    index = table.column_names.index(column)
    return table.set_column(index, table.schema.field(column), pa.array(values, type=table.schema.field(column).type))


def test_a_package_against_itself_is_empty() -> None:
    found = diff_packages(RELEASE, RELEASE)
    assert found.empty
    assert [table.name for table in found.tables] == list(TABLE_NAMES)
    assert render_diff(found).endswith("no differences")


def test_one_changed_cell_is_exactly_that_change(tmp_path: Path) -> None:
    new = copy_release(tmp_path)
    claims = pq.read_table(RELEASE / "parquet" / "claims.parquet")
    claim_id, content = claims.column("claim_id")[4].as_py(), claims.column("content")[4].as_py()
    rewrite(new, "claims", lambda table: set_cell(table, 4, "content", "A corrected content line."))
    found = diff_packages(RELEASE, new)
    changed = {table.name: table for table in found.tables if not table.empty}
    assert list(changed) == ["claims"]
    claims_diff = changed["claims"]
    assert claims_diff.changed == [CellChange((claim_id,), "content", content, "A corrected content line.")]
    assert claims_diff.added == claims_diff.removed == []
    assert claims_diff.changed_rows == [(claim_id,)]


def test_rows_added_and_removed(tmp_path: Path) -> None:
    new = copy_release(tmp_path)
    figures = pq.read_table(RELEASE / "parquet" / "force_figures.parquet")
    first, last = figures.column("figure_id")[0].as_py(), figures.column("figure_id")[-1].as_py()
    renamed = set_cell(figures.slice(1), len(figures) - 2, "figure_id", "999-a-new-figure")
    rewrite(new, "force_figures", lambda _: renamed)
    table = next(table for table in diff_packages(RELEASE, new).tables if table.name == "force_figures")
    assert table.removed == [(first,), (last,)]
    assert table.added == [("999-a-new-figure",)]
    assert table.changed == []


def test_cli_prints_the_change_and_exits_0(tmp_path: Path) -> None:
    new = copy_release(tmp_path)
    rewrite(new, "claims", lambda table: set_cell(table, 0, "note", "checked again"))
    runner = CliRunner()
    same = runner.invoke(main, ["diff", str(RELEASE), str(RELEASE)])
    assert same.exit_code == 0 and "no differences" in same.output
    result = runner.invoke(main, ["diff", str(RELEASE), str(new)])
    assert result.exit_code == 0, result.output
    assert "claims: 0 added, 0 removed, 1 changed" in result.output
    assert "-> 'checked again'" in result.output
    as_json = runner.invoke(main, ["diff", "--json", str(RELEASE), str(new / "datapackage.json")])
    assert as_json.exit_code == 0
    tables = json.loads(as_json.output)["tables"]
    assert [change["new"] for change in tables["claims"]["changed"]] == ["checked again"]
    assert all(not entry["changed"] for name, entry in tables.items() if name != "claims")


def test_cli_refuses_an_unsafe_package(tmp_path: Path) -> None:
    new = copy_release(tmp_path)
    descriptor = json.loads((new / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "../../secret.csv"
    (new / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(RELEASE), str(new)])
    assert result.exit_code == 1
    assert "refused" in result.output
