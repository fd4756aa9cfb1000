"""A suite of broken packages, one fault each, through our validator and the real Frictionless CLI.

For every fault Frictionless covers, both must flag it; for the faults only
the dataset's own checks cover, ours must flag it (and Frictionless, which
cannot, passes the table: the reason those checks exist).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixtures.validation import mutate
from usiraq.validation.validate import validate_package


@dataclass(frozen=True)
class Fault:
    name: str
    table: str
    apply: Callable[[Path], None]
    ours: str
    frictionless: str | None


def wrong_type(folder: Path) -> None:
    mutate.set_cell(folder, "force_figures", lambda row: not row["value_high"], "value_high", "many")


def bad_enum(folder: Path) -> None:
    mutate.set_cell(folder, "claims", lambda row: True, "modality", "certain")


def missing_required(folder: Path) -> None:
    mutate.set_cell(folder, "claims", lambda row: True, "content", "")


def duplicate_primary_key(folder: Path) -> None:
    mutate.edit(folder, "source_flags", lambda rows: rows.insert(1, dict(rows[0])))


def dangling_foreign_key(folder: Path) -> None:
    mutate.set_cell(folder, "claims", lambda row: bool(row["speaker_actor_id"]), "speaker_actor_id", "nobody-at-all")


def pattern_violation(folder: Path) -> None:
    mutate.set_cell(folder, "source_flags", lambda row: True, "flag_id", "Flag #1")


def off_by_one_span(folder: Path) -> None:
    def change(rows: mutate.Rows) -> None:
        rows[0]["char_end"] = str(int(rows[0]["char_end"]) - 1)
        rows[0]["char_start"] = str(int(rows[0]["char_start"]) - 1)

    mutate.edit(folder, "claims", change)


def wrong_hash(folder: Path) -> None:
    content = mutate.descriptor(folder)
    resource = next(item for item in content["resources"] if item["name"] == "claims")
    resource["hash"] = "sha256:" + "f" * 64
    mutate.write_descriptor(folder, content)


def wrong_number(folder: Path) -> None:
    def change(rows: mutate.Rows) -> None:
        index = mutate.first(rows, lambda row: not row["value_low"] and not row["value_high"])
        rows[index]["value"] = str(int(rows[index]["value"]) * 10)

    mutate.edit(folder, "force_figures", change)


FAULTS = [
    Fault("wrong type", "force_figures", wrong_type, "frictionless/type-error", "type-error"),
    Fault("bad enum", "claims", bad_enum, "frictionless/constraint-error", "constraint-error"),
    Fault("missing required", "claims", missing_required, "frictionless/constraint-error", "constraint-error"),
    Fault("duplicate primary key", "source_flags", duplicate_primary_key, "frictionless/primary-key", "primary-key"),
    Fault("dangling foreign key", "claims", dangling_foreign_key, "frictionless/foreign-key", "foreign-key"),
    Fault("pattern violation", "source_flags", pattern_violation, "frictionless/constraint-error", "constraint-error"),
    Fault("wrong hash", "claims", wrong_hash, "frictionless/hash-count", "hash-count"),
    Fault("off-by-one span", "claims", off_by_one_span, "evidence-span", None),
    Fault("wrong number", "force_figures", wrong_number, "figure-values", None),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mutate.release_or_fresh_build(tmp_path_factory.mktemp("pristine"))


def frictionless_cli(folder: Path, table: str) -> dict:
    """The Frictionless CLI's JSON report on one CSV resource of the package (foreign keys included)."""
    command = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(command), "validate", str(folder / "datapackage.json"), "--resource-name", table, "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.stdout.strip(), done.stderr
    return json.loads(done.stdout)


def frictionless_error_types(report: dict) -> set[str]:
    return {error["type"] for task in report["tasks"] for error in task["errors"]} | {
        error["type"] for error in report["errors"]
    }


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.name for fault in FAULTS])
def test_fault_is_flagged(pristine: Path, tmp_path: Path, fault: Fault) -> None:
    package = mutate.copy_package(pristine, tmp_path / "package")
    fault.apply(package)

    ours = validate_package(package)
    assert ours.exit_code == 1
    assert fault.ours in ours.codes_failed()
    flagged = {check.table for check in ours.failed() if check.code == fault.ours}
    assert fault.table in flagged

    theirs = frictionless_cli(package, fault.table)
    if fault.frictionless is None:
        assert theirs["valid"], frictionless_error_types(theirs)
    else:
        assert not theirs["valid"]
        assert fault.frictionless in frictionless_error_types(theirs)
        assert f"frictionless/{fault.frictionless}" in ours.codes_failed()


@pytest.mark.parametrize("table", sorted({fault.table for fault in FAULTS}))
def test_frictionless_cli_passes_the_unbroken_tables(pristine: Path, table: str) -> None:
    report = frictionless_cli(pristine, table)
    assert report["valid"], frictionless_error_types(report)
