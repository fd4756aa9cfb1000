"""The DuckDB engine finds what Frictionless finds: the real CLIs on the same broken CSV package.

One synthetic package gets six faults, a few rows each; the Frictionless CLI
(``frictionless validate --json``, one resource at a time, foreign keys
included) and ``usiraq validate --engine duckdb --json`` must flag the same
rows and fields with the same error types.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fixtures.bench import bench_module
from fixtures.validation import mutate
from usiraq.validation.validate import validate_package

from usiraq.cli import main

Key = tuple[str, int | None, str | None]


def set_cells(folder: Path, table: str, column: str, value: str, count: int = 2) -> list[int]:
    """Set ``column`` to ``value`` in the first ``count`` rows that have the column filled; return their rows."""
    changed: list[int] = []

    def change(rows: mutate.Rows) -> None:
        for index, row in enumerate(rows):
            if row[column] and len(changed) < count:
                row[column] = value
                changed.append(index + 2)

    mutate.edit(folder, table, change)
    return changed


def repeat_rows(folder: Path, table: str) -> list[int]:
    """Copy rows 2 and 3 to the end of the table; return the rows of the copies."""
    added: list[int] = []

    def change(rows: mutate.Rows) -> None:
        rows.extend([dict(rows[0]), dict(rows[1])])
        added.extend([len(rows), len(rows) + 1])

    mutate.edit(folder, table, change)
    return added


FAULTS: dict[str, tuple[str, str, Any]] = {
    "bad type": ("force_figures", "type-error", lambda f: set_cells(f, "force_figures", "value", "many")),
    "bad enum": ("claims", "constraint-error", lambda f: set_cells(f, "claims", "modality", "certain")),
    "duplicate primary key": ("source_flags", "primary-key", lambda f: repeat_rows(f, "source_flags")),
    "dangling foreign key": ("claims", "foreign-key", lambda f: set_cells(f, "claims", "speaker_actor_id", "nobody")),
    "missing required": ("force_figures", "constraint-error", lambda f: set_cells(f, "force_figures", "quantity", "")),
    "pattern": ("event_mentions", "constraint-error", lambda f: set_cells(f, "event_mentions", "event_id", "Event #1")),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[int]]]:
    folder = tmp_path_factory.mktemp("engines") / "package"
    bench_module("synth_release").write_release(folder, 6, seed=11)
    assert validate_package(folder, engine="duckdb").valid
    rows = {name: apply(folder) for name, (_, _, apply) in FAULTS.items()}
    return folder, rows


@pytest.fixture(scope="module")
def theirs(broken: tuple[Path, dict[str, list[int]]]) -> dict[str, set[Key]]:
    """The Frictionless CLI's errors, by table, for the tables the faults are in."""
    folder, _ = broken
    command = Path(sys.executable).with_name("frictionless")
    found = {}
    for table in sorted({table for table, _, _ in FAULTS.values()}):
        done = subprocess.run(
            [str(command), "validate", str(folder / "datapackage.json"), "--resource-name", table, "--json"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        report = json.loads(done.stdout)
        errors = [error for task in report["tasks"] for error in task["errors"]]
        found[table] = {
            (e["type"], e.get("rowNumber"), e.get("fieldName") or ",".join(e.get("fieldNames") or []) or None)
            for e in errors
        }
    return found


@pytest.fixture(scope="module")
def ours(broken: tuple[Path, dict[str, list[int]]]) -> dict[str, set[Key]]:
    """``usiraq validate --engine duckdb --json``'s standards errors, by table."""
    folder, _ = broken
    result = CliRunner().invoke(main, ["validate", str(folder), "--engine", "duckdb", "--json"])
    assert result.exit_code == 1, result.output
    found: dict[str, set[Key]] = {}
    for check in json.loads(result.output)["checks"]:
        if check["code"].startswith("frictionless/") and check["table"]:
            kind = check["code"].removeprefix("frictionless/")
            found.setdefault(check["table"], set()).update((kind, e["row"], e["field"]) for e in check["errors"])
    return found


def test_both_engines_report_the_same_errors_table_by_table(
    theirs: dict[str, set[Key]], ours: dict[str, set[Key]]
) -> None:
    for table, errors in theirs.items():
        assert errors, table
        assert ours.get(table, set()) == errors, table


@pytest.mark.parametrize("fault", list(FAULTS))
def test_each_fault_is_flagged_on_its_rows_by_both(
    broken: tuple[Path, dict[str, list[int]]], theirs: dict[str, set[Key]], ours: dict[str, set[Key]], fault: str
) -> None:
    table, kind, _ = FAULTS[fault]
    rows = broken[1][fault]
    assert rows
    for found in (theirs[table], ours[table]):
        assert set(rows) <= {row for error_kind, row, _ in found if error_kind == kind}, (fault, found)


def test_steps_side_by_side_report_what_they_report_one_after_another(
    broken: tuple[Path, dict[str, list[int]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from usiraq.validation import validate

    folder, _ = broken
    side_by_side = validate_package(folder, engine="duckdb").to_dict()
    monkeypatch.setattr(validate, "WORKERS", 1)
    in_a_row = validate_package(folder, engine="duckdb").to_dict()
    for report in (side_by_side, in_a_row):
        del report["summary"]["seconds"]
    assert side_by_side == in_a_row
    assert not side_by_side["valid"]
    assert {check["code"] for check in side_by_side["checks"] if check["errors"]} >= {
        "frictionless/type-error",
        "frictionless/primary-key",
        "frictionless/foreign-key",
        "id-format",
        "references-resolve",
    }
