"""Each check fails on a copy of the release broken in exactly its way, and only it fails."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fixtures.validation import mutate
from usiraq.validation.checks.registry import CHECKS, DATASET_CHECKS, PACKAGE_CHECKS
from usiraq.validation.report import Report
from usiraq.validation.validate import validate_package


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mutate.release_or_fresh_build(tmp_path_factory.mktemp("pristine"))


@pytest.fixture(scope="session")
def baseline(pristine: Path) -> Report:
    return validate_package(pristine)


@pytest.fixture
def package(pristine: Path, tmp_path: Path) -> Path:
    return mutate.copy_package(pristine, tmp_path / "package")


def error_counts(report: Report) -> Counter[str]:
    counts: Counter[str] = Counter()
    for check in report.checks:
        counts[check.code] += check.error_count
    return counts


def rising(baseline: Report, broken: Report) -> set[str]:
    """The codes with more errors in ``broken`` than in ``baseline``."""
    before, after = error_counts(baseline), error_counts(broken)
    return {code for code in after if after[code] > before[code]}


def non_empty(column: str) -> Callable[[dict[str, str]], bool]:
    return lambda row: bool(row[column])


# -- one fault per check ----------------------------------------------------------


def shift_first_span(folder: Path, table: str) -> None:
    def change(rows: mutate.Rows) -> None:
        row = rows[0]
        row["char_start"] = str(int(row["char_start"]) + 1)
        row["char_end"] = str(int(row["char_end"]) + 1)

    mutate.edit(folder, table, change)


def shift_claim_span(folder: Path) -> None:
    shift_first_span(folder, "claims")


def shift_tension_span(folder: Path) -> None:
    shift_first_span(folder, "tension_sides")


def cue_not_in_quote(folder: Path) -> None:
    mutate.set_cell(folder, "claims", non_empty("cue"), "cue", "proclaimed loudly")


def wrong_word_count(folder: Path) -> None:
    _, rows = mutate.read_rows(folder, "sources")
    mutate.set_cell(folder, "sources", lambda row: True, "word_count", str(int(rows[0]["word_count"]) + 1))


def malformed_flag_id(folder: Path) -> None:
    mutate.set_cell(folder, "source_flags", lambda row: True, "flag_id", "Not A Slug")


def duplicate_flag_row(folder: Path) -> None:
    mutate.edit(folder, "source_flags", lambda rows: rows.insert(1, dict(rows[0])))


def undeclared_topic(folder: Path) -> None:
    mutate.set_cell(folder, "claims", lambda row: True, "topic", "weather")


def day_called_year(folder: Path) -> None:
    mutate.set_cell(folder, "event_mentions", lambda row: row["date_precision"] == "day", "date_precision", "year")


def occurred_after_publication(folder: Path) -> None:
    _, sources = mutate.read_rows(folder, "sources")
    published = {row["source_id"]: row["published_end"] for row in sources}

    def change(rows: mutate.Rows) -> None:
        index = mutate.first(rows, lambda row: row["status"] == "occurred" and row["date_precision"] == "day")
        row = rows[index]
        later = (dt.date.fromisoformat(published[row["source_id"]]) + dt.timedelta(days=30)).isoformat()
        row["date_start"] = row["date_end"] = later

    mutate.edit(folder, "event_mentions", change)


def wrong_figure_value(folder: Path) -> None:
    def change(rows: mutate.Rows) -> None:
        index = mutate.first(rows, lambda row: not row["value_high"] and not row["value_low"])
        rows[index]["value"] = str(int(rows[index]["value"]) + 1)

    mutate.edit(folder, "force_figures", change)


def alias_found_nowhere(folder: Path) -> None:
    def change(rows: mutate.Rows) -> None:
        rows.append({**rows[0], "alias": "Zzyzx Command", "alias_kind": "name", "note": ""})

    mutate.edit(folder, "actor_aliases", change)


def mention_of_another_actor(folder: Path) -> None:
    _, actors = mutate.read_rows(folder, "actors")

    def change(rows: mutate.Rows) -> None:
        row = rows[0]
        row["actor_id"] = next(actor["actor_id"] for actor in actors if actor["actor_id"] != row["actor_id"])

    mutate.edit(folder, "actor_mentions", change)


def uncoded_number_dropped(folder: Path) -> None:
    # The first listed passage with a digit in it: a listed duration such as "a year-long
    # assessment" holds no number the check can see, so dropping it would break nothing.
    def has_digit(row: dict[str, str]) -> bool:
        return any(character.isdigit() for character in row["quote"])

    mutate.edit(folder, "uncoded_numbers", lambda rows: rows.pop(mutate.first(rows, has_digit)))


def tension_without_side_b(folder: Path) -> None:
    def change(rows: mutate.Rows) -> None:
        tension = rows[mutate.first(rows, lambda row: row["side"] == "b")]["tension_id"]
        rows[:] = [row for row in rows if not (row["tension_id"] == tension and row["side"] == "b")]

    mutate.edit(folder, "tension_sides", change)


def within_article_tension_called_between(folder: Path) -> None:
    mutate.set_cell(folder, "tensions", lambda row: row["scope"] == "within_article", "scope", "between_articles")


def tension_claim_of_another_article(folder: Path) -> None:
    _, claims = mutate.read_rows(folder, "claims")

    def change(rows: mutate.Rows) -> None:
        row = rows[mutate.first(rows, non_empty("claim_id"))]
        row["claim_id"] = next(claim["claim_id"] for claim in claims if claim["source_id"] != row["source_id"])

    mutate.edit(folder, "tension_sides", change)


def dangling_speaker(folder: Path) -> None:
    mutate.set_cell(folder, "claims", non_empty("speaker_actor_id"), "speaker_actor_id", "nobody-at-all")


def wrong_hash(folder: Path) -> None:
    content = mutate.descriptor(folder)
    resource = next(item for item in content["resources"] if item["name"] == "claims")
    resource["hash"] = "sha256:" + "0" * 64
    mutate.write_descriptor(folder, content)


def hash_undeclared(folder: Path) -> None:
    """No hash for the Parquet twin: Frictionless has nothing to compare, so it passes the file."""
    content = mutate.descriptor(folder)
    resource = next(item for item in content["resources"] if item["name"] == "claims-parquet")
    del resource["hash"]
    mutate.write_descriptor(folder, content)


def parquet_differs(folder: Path) -> None:
    path = folder / "parquet" / "claims.parquet"
    table = pq.read_table(path)
    content = table.column("content").to_pylist()
    content[0] = content[0] + " (edited)"
    table = table.set_column(table.schema.get_field_index("content"), table.schema.field("content"), [content])
    pq.write_table(table, path)
    mutate.restamp(folder)


def loosened_schema(folder: Path) -> None:
    content = mutate.descriptor(folder)
    resource = next(item for item in content["resources"] if item["name"] == "claims")
    field = next(item for item in resource["schema"]["fields"] if item["name"] == "modality")
    del field["constraints"]["enum"]
    mutate.write_descriptor(folder, content)


def parquet_as_a_table(folder: Path) -> None:
    """The Parquet twin described as a table with a Table Schema, which `frictionless validate` cannot pass."""
    content = mutate.descriptor(folder)
    csv_resource = next(item for item in content["resources"] if item["name"] == "claims")
    resource = next(item for item in content["resources"] if item["name"] == "claims-parquet")
    resource["type"], resource["schema"] = "table", csv_resource["schema"]
    mutate.write_descriptor(folder, content)


FAULTS: list[tuple[str, Callable[[Path], None], set[str]]] = [
    ("evidence-span", shift_claim_span, set()),
    ("evidence-span", shift_tension_span, set()),
    ("evidence-phrases", cue_not_in_quote, set()),
    ("source-text", wrong_word_count, set()),
    ("date-order", day_called_year, set()),
    ("date-order", occurred_after_publication, set()),
    ("figure-values", wrong_figure_value, set()),
    ("alias-occurs", alias_found_nowhere, set()),
    ("alias-occurs", mention_of_another_actor, set()),
    ("numbers-coded", uncoded_number_dropped, set()),
    ("tension-sides", tension_without_side_b, set()),
    ("tension-sides", within_article_tension_called_between, set()),
    ("tension-claims", tension_claim_of_another_article, set()),
    ("file-integrity", hash_undeclared, set()),
    ("parquet-twin", parquet_differs, set()),
    ("package-resources", loosened_schema, set()),
    ("package-resources", parquet_as_a_table, set()),
]


GATE_FAULTS: list[tuple[str, Callable[[Path], None]]] = [
    ("frictionless/constraint-error", malformed_flag_id),
    ("frictionless/primary-key", duplicate_flag_row),
    ("frictionless/constraint-error", undeclared_topic),
    ("frictionless/foreign-key", dangling_speaker),
    ("frictionless/hash-count", wrong_hash),
]
"""Faults the standards gate alone reports: one fault, one finding (no check of the dataset repeats it)."""


@pytest.mark.parametrize(("code", "fault"), GATE_FAULTS, ids=[fault.__name__ for _, fault in GATE_FAULTS])
def test_each_gate_fault_gives_one_finding(
    package: Path, baseline: Report, code: str, fault: Callable[[Path], None]
) -> None:
    fault(package)
    report = validate_package(package)
    assert report.exit_code == 1
    assert rising(baseline, report) == {code}
    assert sum(check.error_count for check in report.failed()) == 1


@pytest.mark.parametrize(("code", "fault", "also"), FAULTS, ids=[fault.__name__ for _, fault, _ in FAULTS])
def test_each_check_fails_on_its_fault_alone(
    package: Path, baseline: Report, code: str, fault: Callable[[Path], None], also: set[str]
) -> None:
    fault(package)
    report = validate_package(package)
    assert report.exit_code == 1
    assert rising(baseline, report) == {code} | also


def test_every_check_has_a_fault_test() -> None:
    assert {check.code for check in CHECKS} == {code for code, _, _ in FAULTS}


def test_checks_have_unique_kebab_codes_and_descriptions() -> None:
    codes = [check.code for check in CHECKS]
    assert len(codes) == len(set(codes))
    assert set(CHECKS) == set(PACKAGE_CHECKS) | set(DATASET_CHECKS)
    for check in CHECKS:
        assert check.code.replace("-", "").isalpha() and check.code.islower(), check.code
        assert check.description.strip() and "\n" not in check.description
        assert check.error.strip()
        assert check.tables


def test_check_modules_stay_small() -> None:
    folder = Path(__file__).resolve().parent.parent / "validation" / "checks"
    for path in folder.glob("*.py"):
        if path.name in ("__init__.py", "registry.py", "base.py"):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert 30 <= lines <= 120, f"{path.name} has {lines} lines"
