"""Seed Frictionless-visible faults into a large package's claims.csv, and compare two validators' findings.

The CSV is rewritten as a stream (a million rows never sit in memory) and
its ``bytes`` and ``hash`` in datapackage.json are re-stamped; the Parquet
twin is left as it was (the validators' standards errors are compared:
``parquet-twin`` reports the difference, Frictionless cannot see it).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from usiraq.builders.release import file_stamp

Key = tuple[str, str, int | None, str | None]
FAULTS = {
    # where in the table (a fraction of its rows): (column, new value), and the error Frictionless reports
    0.001: ("char_start", "many"),  # type-error
    0.2: ("modality", "certain"),  # constraint-error (enum)
    0.4: ("speaker_actor_id", "nobody-at-all"),  # foreign-key
    0.6: ("content", ""),  # constraint-error (required)
    0.8: ("claim_id", "Bad Id"),  # constraint-error (pattern), and foreign-key where other tables name the claim
}
REPEATED = 2
"""The record copied to the end of the table: a primary-key error."""


def seed(package: Path, rows: int) -> None:
    """Seed the faults into ``package``'s claims.csv, of ``rows`` data rows."""
    placed = {max(1, round(fraction * rows)): change for fraction, change in FAULTS.items()}
    path = package / "csv" / "claims.csv"
    staging = path.with_suffix(".seeding")
    with path.open(encoding="utf-8", newline="") as source, staging.open("w", encoding="utf-8", newline="") as target:
        reader, writer = csv.reader(source), csv.writer(target, lineterminator="\n")
        header = next(reader)
        writer.writerow(header)
        repeated: list[str] = []
        for number, record in enumerate(reader, start=1):
            if number in placed:
                column, value = placed[number]
                record[header.index(column)] = value
            repeated = record if number == REPEATED else repeated
            writer.writerow(record)
        writer.writerow(repeated)
    staging.replace(path)
    restamp(package, "csv/claims.csv")


def restamp(package: Path, relative: str) -> None:
    """Set the ``bytes`` and ``hash`` of the resource at ``relative`` to its file's."""
    descriptor_path = package / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource.get("path") == relative:
            resource |= file_stamp(package / relative)
    descriptor_path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def frictionless_keys(report: dict[str, Any]) -> set[Key]:
    """(table, error type, row, field) of every error in a ``frictionless validate --json`` report."""
    found = set()
    for task in report["tasks"]:
        for error in task["errors"]:
            field = error.get("fieldName") or ",".join(error.get("fieldNames") or []) or None
            found.add((task["name"], error["type"], error.get("rowNumber"), field))
    return found


def usiraq_keys(report: dict[str, Any]) -> set[Key]:
    """(table, error type, row, field) of every standards error in a ``usiraq validate --json`` report."""
    found = set()
    for check in report["checks"]:
        if check["code"].startswith("frictionless/") and check["code"] != "frictionless":
            kind = check["code"].removeprefix("frictionless/")
            found |= {(check["table"], kind, error["row"], error["field"]) for error in check["errors"]}
    return found
