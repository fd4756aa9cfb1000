"""The standards gate finds what Frictionless finds: both real command lines on copies of the shipped release.

One copy of the release gets one fault of every kind the Table Schemas
rule on, each in its own place (a bad integer, date and boolean, an
undeclared enum value, a missing required cell, a pattern mismatch, a too
long and an out-of-bounds cell, a repeated primary key, a dangling foreign
key, a wrong header label, a wrong byte count and a wrong hash); another
copy stays clean. ``frictionless validate --json`` on the whole package and
``usiraq validate --json`` must report the same errors: the same error
types, resources, rows and fields, and each seeded fault among them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fixtures.validation import mutate
from usiraq.validation.package import table_name

Key = tuple[str | None, str, int | None, str | None]
"""(table, error type, row, field) of one error."""


def set_first(table: str, column: str, value: str, where: str | None = None) -> Callable[[Path], set[Key]]:
    """A fault: ``column`` set to ``value`` in the first row with ``where`` (default: ``column``) filled."""

    def apply(folder: Path) -> set[Key]:
        row = mutate.set_cell(folder, table, lambda cells: bool(cells[where or column]), column, value)
        return {(table, "", row, column)}

    return apply


def repeated_key(folder: Path) -> set[Key]:
    mutate.edit(folder, "source_flags", lambda rows: rows.append(dict(rows[0])))
    _, rows = mutate.read_rows(folder, "source_flags")
    return {("source_flags", "primary-key", len(rows) + 1, None)}


def wrong_label(folder: Path) -> set[Key]:
    path = folder / "csv" / "event_actors.csv"
    header, rest = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(header.replace(",role,", ",rol,") + "\n" + rest, encoding="utf-8", newline="\n")
    mutate.restamp(folder)
    return {("event_actors", "incorrect-label", None, "role")}


def descriptor_fault(resource: str, key: str, change: Callable[[Any], Any], error: str) -> Callable[[Path], set[Key]]:
    """A fault in the descriptor: ``key`` of ``resource`` changed (applied after the CSV faults' re-stamping)."""

    def apply(folder: Path) -> set[Key]:
        content = mutate.descriptor(folder)
        found = next(item for item in content["resources"] if item["name"] == resource)
        found[key] = change(found[key])
        mutate.write_descriptor(folder, content)
        return {(table_name(found), error, None, None)}

    return apply


FAULTS: dict[str, tuple[str, Callable[[Path], set[Key]]]] = {
    "bad integer": ("type-error", set_first("force_figures", "value", "many")),
    "bad date": ("type-error", set_first("force_figures", "as_of_start", "2024-02-30")),
    "bad boolean": ("type-error", set_first("force_figures", "approximate", "yes")),
    "undeclared enum value": ("constraint-error", set_first("claims", "modality", "certain")),
    "missing required cell": ("constraint-error", set_first("claims", "content", "")),
    "pattern mismatch": ("constraint-error", set_first("event_mentions", "event_id", "Event #1")),
    "too long": ("constraint-error", set_first("source_flags", "flag_id", "a" * 81)),
    "out of bounds": ("constraint-error", set_first("uncoded_numbers", "char_start", "-1")),
    "repeated primary key": ("primary-key", repeated_key),
    "dangling foreign key": ("foreign-key", set_first("claims", "speaker_actor_id", "nobody-at-all")),
    "wrong header label": ("incorrect-label", wrong_label),
    "wrong byte count": ("byte-count", descriptor_fault("sources", "bytes", lambda size: size + 1, "byte-count")),
    "wrong hash": ("hash-count", descriptor_fault("claims-parquet", "hash", lambda _: "sha256:" + "0" * 64, "")),
}
"""Each fault's error type, and how to seed it (returning where it is, an empty type or field: any)."""


def frictionless_keys(folder: Path) -> set[Key]:
    """The errors ``frictionless validate --json`` reports on the whole package."""
    command = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(command), "validate", "--json", str(folder / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads(done.stdout)
    found: set[Key] = {(None, error["type"], None, None) for error in report["errors"]}
    for task in report["tasks"]:
        for error in task["errors"]:
            field = error.get("fieldName") or ",".join(error.get("fieldNames") or []) or None
            found.add((table_name({"name": task["name"]}), error["type"], error.get("rowNumber"), field))
    return found


def usiraq_keys(folder: Path) -> tuple[int, set[Key]]:
    """The exit code of ``usiraq validate --json`` and the standards errors it reports."""
    script = Path(sys.executable).with_name("usiraq")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "usiraq.cli"]
    done = subprocess.run(
        [*command, "validate", "--json", str(folder)], capture_output=True, text=True, timeout=600, check=False
    )
    report = json.loads(done.stdout)
    found: set[Key] = set()
    for check in report["checks"]:
        if check["code"].startswith("frictionless/"):
            kind = check["code"].removeprefix("frictionless/")
            found |= {(check["table"], kind, error["row"], error["field"]) for error in check["errors"]}
    return done.returncode, found


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mutate.release_or_fresh_build(tmp_path_factory.mktemp("pristine"))


@pytest.fixture(scope="module")
def broken(pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[Key]]]:
    folder = mutate.copy_package(pristine, tmp_path_factory.mktemp("differential") / "package")
    return folder, {name: apply(folder) for name, (_, apply) in FAULTS.items()}


@pytest.fixture(scope="module")
def findings(broken: tuple[Path, dict[str, set[Key]]]) -> tuple[set[Key], int, set[Key]]:
    folder, _ = broken
    return frictionless_keys(folder), *usiraq_keys(folder)


def test_a_clean_copy_is_clean_for_both(pristine: Path, tmp_path: Path) -> None:
    folder = mutate.copy_package(pristine, tmp_path / "package")
    assert frictionless_keys(folder) == set()
    assert usiraq_keys(folder) == (0, set())


def test_both_report_the_same_errors(findings: tuple[set[Key], int, set[Key]]) -> None:
    theirs, code, ours = findings
    assert code == 1
    assert ours == theirs, {"only frictionless": theirs - ours, "only usiraq": ours - theirs}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_each_fault_is_found_by_both(
    broken: tuple[Path, dict[str, set[Key]]], findings: tuple[set[Key], int, set[Key]], fault: str
) -> None:
    error = FAULTS[fault][0]
    theirs, _, ours = findings
    for table, _, row, field in broken[1][fault]:
        for found in (theirs, ours):
            assert any(
                key[0] == table and key[1] == error and row in (None, key[2]) and field in (None, key[3])
                for key in found
            ), (fault, sorted(found, key=str))
