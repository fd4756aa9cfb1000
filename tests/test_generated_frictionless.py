"""The generated descriptors, run through the real `frictionless validate` CLI.

Each test writes a tiny data package with the generated descriptor and a
hand-made CSV, breaks one rule, and checks that frictionless reports it.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from usiraq.schema import TABLES, model_for
from usiraq.schema.generate.frictionless import package_descriptor, resource
from usiraq.schema.introspect import columns

FRICTIONLESS = Path(sys.executable).parent / "frictionless"

ACTORS = [
    {"actor_id": "us-department-of-defense", "name": "US Department of Defense", "actor_type": "government_body",
     "country": "USA", "description": "The US defence ministry."},
    {"actor_id": "pat-ryder", "name": "Pat Ryder", "actor_type": "person", "country": "USA",
     "parent_actor_id": "us-department-of-defense", "title": "Major General", "description": "Pentagon spokesman."},
]  # fmt: skip
ALIASES = [
    {"alias": "Pentagon", "actor_id": "us-department-of-defense", "alias_kind": "metonym"},
    {"alias": "Ryder", "actor_id": "pat-ryder", "alias_kind": "short_form"},
]
FIGURE = {
    "figure_id": "004-attacks-over-120", "source_id": "004_da6def8141b84164", "quantity": "attacks",
    "counted_as_written": "attacks", "number_text": "120", "value": "120", "value_low": "120",
    "approximate": "false", "qualifier": "more than", "location_country": "IRQ", "as_of_start": "2023-10-17",
    "as_of_end": "2024-01-31", "as_of_precision": "day", "as_of_basis": "stated",
    "quote": "more than 120 attacks", "char_start": "10", "char_end": "31",
}  # fmt: skip


def write_package(root: Path, tables: dict[str, list[dict[str, Any]]]) -> Path:
    """Write the generated descriptor and one CSV per table; foreign keys to absent tables are dropped."""
    (root / "csv").mkdir(parents=True, exist_ok=True)
    resources = []
    for name, rows in tables.items():
        model = model_for(name)
        descriptor = resource(model, path=f"csv/{name}.csv")
        descriptor["schema"]["foreignKeys"] = [
            fk for fk in descriptor["schema"].get("foreignKeys", []) if fk["reference"]["resource"] in ("", *tables)
        ]
        resources.append(descriptor)
        header = [column.name for column in columns(model)]
        with (root / descriptor["path"]).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    path = root / "datapackage.json"
    path.write_text(json.dumps(package_descriptor("0.0.0", resources), indent=2), encoding="utf-8")
    return path


def validate(path: Path) -> list[tuple[str, str | None]]:
    """Run `frictionless validate --json`; return (error type, field name) pairs."""
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", str(path)], capture_output=True, text=True, check=False
    )
    report = json.loads(result.stdout)
    assert result.returncode == int(not report["valid"])
    errors = [(error["type"], error.get("fieldName")) for error in report["errors"]]
    for task in report["tasks"]:
        errors += [(error["type"], error.get("fieldName")) for error in task["errors"]]
    return errors


def actors_package(tmp_path: Path, actors: list[dict] | None = None, aliases: list[dict] | None = None) -> Path:
    return write_package(tmp_path, {"actors": actors or ACTORS, "actor_aliases": aliases or ALIASES})


def changed(rows: list[dict], index: int, **values: str) -> list[dict]:
    rows = [dict(row) for row in rows]
    rows[index].update(values)
    return rows


def test_frictionless_accepts_the_valid_package(tmp_path: Path) -> None:
    assert validate(actors_package(tmp_path)) == []


def test_frictionless_accepts_every_table_descriptor(tmp_path: Path) -> None:
    path = write_package(tmp_path, {model.table_name: [] for model in TABLES})
    assert validate(path) == []


def test_frictionless_enforces_enum(tmp_path: Path) -> None:
    path = actors_package(tmp_path, actors=changed(ACTORS, 0, actor_type="ministry"))
    assert validate(path) == [("constraint-error", "actor_type")]


def test_frictionless_enforces_country_codes(tmp_path: Path) -> None:
    path = actors_package(tmp_path, actors=changed(ACTORS, 0, country="XXX"))
    assert validate(path) == [("constraint-error", "country")]


def test_frictionless_enforces_pattern(tmp_path: Path) -> None:
    path = write_package(tmp_path, {"force_figures": [{**FIGURE, "figure_id": "004 attacks"}]})
    assert validate(path) == [("constraint-error", "figure_id")]


def test_frictionless_enforces_pattern_on_every_key_column(tmp_path: Path) -> None:
    actors = changed(ACTORS, 1, actor_id="Pat Ryder")
    aliases = changed(ALIASES, 1, actor_id="Pat Ryder")
    errors = validate(actors_package(tmp_path, actors=actors, aliases=aliases))
    assert errors == [("constraint-error", "actor_id"), ("constraint-error", "actor_id")]


def test_frictionless_enforces_required(tmp_path: Path) -> None:
    path = actors_package(tmp_path, actors=changed(ACTORS, 1, description=""))
    assert validate(path) == [("constraint-error", "description")]


def test_frictionless_enforces_primary_key(tmp_path: Path) -> None:
    path = actors_package(tmp_path, aliases=changed(ALIASES, 1, alias="Pentagon"))
    assert [error for error, _ in validate(path)] == ["primary-key"]


def test_frictionless_enforces_foreign_key(tmp_path: Path) -> None:
    path = actors_package(tmp_path, aliases=changed(ALIASES, 1, actor_id="patrick-ryder"))
    assert [error for error, _ in validate(path)] == ["foreign-key"]


def test_frictionless_enforces_self_reference(tmp_path: Path) -> None:
    path = actors_package(tmp_path, actors=changed(ACTORS, 1, parent_actor_id="us-department-of-war"))
    assert [error for error, _ in validate(path)] == ["foreign-key"]


def test_frictionless_accepts_a_valid_figure(tmp_path: Path) -> None:
    assert validate(write_package(tmp_path, {"force_figures": [FIGURE]})) == []


@pytest.mark.parametrize(
    ("column", "value", "error"),
    [
        ("approximate", "yes", "type-error"),
        ("approximate", "True", "type-error"),
        ("as_of_start", "2024-13-01", "type-error"),
        ("value", "2,500", "type-error"),
        ("value", "-1", "constraint-error"),
        ("char_end", "0", "constraint-error"),
        ("source_id", "x" * 81, "constraint-error"),
    ],
)
def test_frictionless_enforces_types_and_bounds(tmp_path: Path, column: str, value: str, error: str) -> None:
    path = write_package(tmp_path, {"force_figures": [{**FIGURE, column: value}]})
    assert validate(path) == [(error, column)]
