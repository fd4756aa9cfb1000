"""The release: deterministic bytes, atomic replacement, CSV and Parquet twins, and the real dataset."""

from __future__ import annotations

import csv
import hashlib
import inspect
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from test_build_support import FIXTURE, REAL, copy_dataset, csv_cell, edit, release_bytes, run_cli, run_process
from usiraq.builders import release
from usiraq.builders.errors import BuildError
from usiraq.builders.inputs import load_inputs
from usiraq.builders.mentions import unmatched_capitalised_names
from usiraq.builders.order import BUILD_ORDER, BUILDERS, Builder, build_order, builder
from usiraq.schema import TABLE_NAMES, TABLES, model_for

from usiraq.release.build import build


@pytest.fixture
def fixture_root(tmp_path: Path) -> Path:
    return copy_dataset(FIXTURE, tmp_path / "dataset")


def test_every_table_has_one_builder_listed_in_schema_order() -> None:
    assert tuple(BUILDERS) == TABLE_NAMES
    assert sorted(BUILD_ORDER) == sorted(TABLE_NAMES)


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_each_builder_takes_the_inputs_and_exactly_the_tables_it_reads(name: str) -> None:
    entry = builder(name)
    assert entry.build.__name__ == name
    assert entry.build.__module__ == f"usiraq.builders.tables.{model_for(name).__module__.rsplit('.', 1)[-1]}"
    assert tuple(inspect.signature(entry.build).parameters) == ("inputs", *entry.reads)
    assert all(BUILD_ORDER.index(read) < BUILD_ORDER.index(name) for read in entry.reads)


def test_the_build_order_keeps_schema_order_but_for_the_tables_read() -> None:
    assert BUILD_ORDER.index("claim_propositions") < BUILD_ORDER.index("propositions")
    assert BUILD_ORDER.index("event_mentions") < BUILD_ORDER.index("events")
    unmoved = [name for name in BUILD_ORDER if name not in ("propositions", "events")]
    assert unmoved == [name for name in TABLE_NAMES if name not in ("propositions", "events")]


def test_a_build_order_refuses_a_cycle() -> None:
    def a(inputs: object, b: object) -> list[object]:
        return []

    def b(inputs: object, a: object) -> list[object]:
        return []

    with pytest.raises(ValueError, match="a, b"):
        build_order({"a": Builder(a, reads=("b",)), "b": Builder(b, reads=("a",))})


def test_a_builder_must_take_the_tables_it_reads() -> None:
    with pytest.raises(TypeError, match=r"events\('inputs', 'event_mentions'\) must take \(inputs, claims\)"):
        Builder(builder("events").build, reads=("claims",))


def test_an_unknown_table_has_no_builder() -> None:
    with pytest.raises(KeyError, match="the tables are: sources, source_flags"):
        builder("claim")


def test_the_fixture_builds(fixture_root: Path) -> None:
    result = build(fixture_root)
    assert result.out == fixture_root / "release"
    assert result.rows["sources"] == 2
    assert result.rows["events"] == 5
    assert result.warnings == []
    assert sorted(p.name for p in (fixture_root / "release").iterdir()) == [
        "croissant.json",
        "csv",
        "datapackage.json",
        "parquet",
    ]


def test_building_twice_gives_the_same_bytes(fixture_root: Path, tmp_path: Path) -> None:
    build(fixture_root, tmp_path / "first")
    build(fixture_root, tmp_path / "second")
    first, second = release_bytes(tmp_path / "first"), release_bytes(tmp_path / "second")
    assert len(first) == 2 * len(TABLES) + 2
    assert first == second


def test_a_rebuild_in_place_gives_the_same_bytes(fixture_root: Path) -> None:
    build(fixture_root)
    before = release_bytes(fixture_root / "release")
    build(fixture_root)
    assert release_bytes(fixture_root / "release") == before
    assert [p.name for p in fixture_root.iterdir() if p.name.startswith(".release-")] == []


def test_a_failing_build_leaves_the_release_untouched(fixture_root: Path) -> None:
    build(fixture_root)
    before = release_bytes(fixture_root / "release")
    edit(fixture_root / "annotations" / "fx1_focus.yaml", "modality: asserted", "modality: maybe")
    result = run_cli("--root", str(fixture_root))
    assert result.exit_code == 1
    assert release_bytes(fixture_root / "release") == before
    assert [p.name for p in fixture_root.iterdir() if p.name.startswith(".release-")] == []


def test_a_failure_while_writing_leaves_the_release_untouched(
    fixture_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(fixture_root)
    before = release_bytes(fixture_root / "release")
    edit(fixture_root / "annotations" / "fx1_focus.yaml", "content: The US has about", "content: The US has some")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(release, "write_descriptor", broken)
    with pytest.raises(OSError, match="disk full"):
        build(fixture_root)
    assert release_bytes(fixture_root / "release") == before
    assert [p.name for p in fixture_root.iterdir() if p.name.startswith(".release-")] == []


def test_datapackage_lists_every_file_with_bytes_and_hash(fixture_root: Path) -> None:
    build(fixture_root)
    folder = fixture_root / "release"
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    names = [resource["name"] for resource in descriptor["resources"]]
    assert names == list(TABLE_NAMES) + [f"{name}-parquet" for name in TABLE_NAMES]
    for resource in descriptor["resources"]:
        data = (folder / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert (folder / "datapackage.json").read_bytes().endswith(b"}\n")


def test_csv_and_parquet_hold_the_same_rows(fixture_root: Path) -> None:
    build(fixture_root)
    folder = fixture_root / "release"
    for name in TABLE_NAMES:
        with (folder / "csv" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            from_csv = list(csv.DictReader(handle))
        from_parquet = pq.read_table(folder / "parquet" / f"{name}.parquet").to_pylist()
        assert len(from_csv) == len(from_parquet)
        for row_csv, row_parquet in zip(from_csv, from_parquet, strict=True):
            for column, value in row_parquet.items():
                assert row_csv[column] == csv_cell(value), (name, column)
        assert b"pandas" not in (pq.read_schema(folder / "parquet" / f"{name}.parquet").metadata or {})


def test_csv_conventions(fixture_root: Path) -> None:
    build(fixture_root)
    text = (fixture_root / "release" / "csv" / "force_figures.csv").read_bytes().decode("utf-8")
    assert "\r" not in text
    header, first = text.split("\n")[:2]
    assert header.startswith("figure_id,source_id,claim_id,quantity,")
    assert ",true,roughly," in first  # booleans as true/false
    assert ",2024-01-25,2024-01-25,day,relative," in first  # dates ISO, enums as values
    assert ",,," in first  # None as empty cells


def test_every_span_is_verbatim(fixture_root: Path) -> None:
    build(fixture_root)
    folder = fixture_root / "release" / "csv"
    with (folder / "sources.csv").open(encoding="utf-8", newline="") as handle:
        texts = {row["source_id"]: row["text"] for row in csv.DictReader(handle)}
    for name in TABLE_NAMES:
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if "char_start" in row:
                    start, end = int(row["char_start"]), int(row["char_end"])
                    assert texts[row["source_id"]][start:end] == row["quote"], (name, row)


def test_the_fixture_numbers(fixture_root: Path) -> None:
    build(fixture_root)
    folder = fixture_root / "release" / "csv"

    def rows(name: str) -> list[dict[str, str]]:
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    (proposition,) = rows("propositions")
    assert (proposition["n_claims"], proposition["n_sources_supporting"], proposition["n_independent_supporting"]) == (
        "2",
        "2",
        "1",
    )
    assert {row["independence_group"] for row in rows("sources")} == {"fx1_focus"}
    events = {row["event_id"]: row for row in rows("events")}
    merged = events["us-combat-mission-end-2021"]
    assert (merged["date_start"], merged["date_end"], merged["date_precision"], merged["n_sources"]) == (
        "2021-12-01",
        "2021-12-31",
        "month",
        "2",
    )
    assert events["us-iraq-talks-2024"]["status"] == "expected"
    assert events["us-iraq-talks-2024"]["date_start"] == ""
    mentions = rows("actor_mentions")
    assert not [m for m in mentions if m["quote"] == "Baghdad"]  # removed by not_mentions
    assert [m["quote"] for m in mentions if m["source_id"] == "fx2_icaro"].count("U.S.") == 5


def test_the_subprocess_prints_rows_per_table(fixture_root: Path) -> None:
    process = run_process("--root", str(fixture_root))
    assert process.returncode == 0, process.stderr
    assert "sources                 2" in process.stdout
    assert "Traceback" not in process.stderr


def test_warnings_go_to_stderr(fixture_root: Path) -> None:
    (fixture_root / "registry" / "non_actor_names.yaml").write_text("names: []\n", encoding="utf-8")
    result = run_cli("--root", str(fixture_root))
    assert result.exit_code == 0
    assert "fx1_focus.txt:3: capitalised name 'Iraqi' (at char 202, 414) matches no actor alias" in result.stderr
    assert result.stderr.startswith("warning: ")
    assert "warning:" not in result.stdout


# -- the real dataset -------------------------------------------------------------

needs_real = pytest.mark.skipif(not (REAL / "sources.yaml").is_file(), reason="the dataset inputs are not there yet")


@needs_real
def test_the_real_dataset_builds_without_warnings(tmp_path: Path) -> None:
    root = copy_dataset(REAL, tmp_path / "dataset")
    try:
        result = build(root)
    except BuildError as error:
        pytest.fail(f"the dataset does not build:\n{error}")
    assert result.warnings == []
    assert result.rows["sources"] == len(list((REAL / "sources").glob("*.txt")))


@needs_real
def test_no_capitalised_name_of_the_real_dataset_is_unreviewed(tmp_path: Path) -> None:
    inputs = load_inputs(copy_dataset(REAL, tmp_path / "dataset"))
    assert [f"{name.source_id}:{name.line}: {name}" for name in unmatched_capitalised_names(inputs)] == []


@needs_real
def test_the_committed_release_is_what_the_builders_make(tmp_path: Path) -> None:
    committed = REAL / "release" / "datapackage.json"
    if not committed.is_file():
        pytest.skip("no release committed yet")
    build(copy_dataset(REAL, tmp_path / "dataset"), tmp_path / "release")
    assert release_bytes(tmp_path / "release") == release_bytes(REAL / "release")
