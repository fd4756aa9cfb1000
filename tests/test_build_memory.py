"""What keeps a build's memory small changes nothing: tables kept as Arrow, rows held for their readers, shared sets."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa
import pytest
from pydantic import BaseModel
from test_build_support import FIXTURE, csv_cell
from usiraq.builders import build as build_module
from usiraq.builders.build import build_tables
from usiraq.builders.fieldsets import share_fields_sets
from usiraq.builders.inputs import BuildInputs, load_inputs
from usiraq.builders.order import BUILD_ORDER, BUILDERS
from usiraq.builders.release import csv_column
from usiraq.schema import TABLES, model_for
from usiraq.schema.generate.arrow import ENUM_TYPE, arrow_schema
from usiraq.schema.record import Record


def test_tables_are_arrow_tables_of_their_schema_in_primary_key_order() -> None:
    tables = build_tables(load_inputs(FIXTURE))
    assert list(tables) == list(BUILD_ORDER)
    for model in TABLES:
        table = tables[model.table_name]
        assert table.schema.equals(arrow_schema(model), check_metadata=True)
        keys = list(zip(*(table[name].to_pylist() for name in model.primary_key), strict=True))
        assert keys == sorted(keys), model.table_name
    assert tables["claims"].num_rows > 0


def test_each_builder_is_given_the_rows_of_the_tables_it_reads_and_no_others(monkeypatch: pytest.MonkeyPatch) -> None:
    given: dict[str, dict[str, list[Record]]] = {}
    real = build_module.builder

    class Recorder:
        def __init__(self, name: str) -> None:
            self.name = name
            self.reads = real(name).reads

        def run(self, inputs: BuildInputs, built: dict[str, list[Record]]) -> list[Record]:
            given[self.name] = dict(built)
            return real(self.name).run(inputs, built)

    monkeypatch.setattr(build_module, "builder", Recorder)
    tables = build_tables(load_inputs(FIXTURE))
    assert set(given) == set(BUILD_ORDER)
    assert {name: set(reads) for name, reads in given.items() if reads} == {
        name: set(entry.reads) for name, entry in BUILDERS.items() if entry.reads
    }
    for reads in given.values():
        for table, rows in reads.items():
            assert len(rows) == tables[table].num_rows > 0
            assert all(isinstance(row, model_for(table)) for row in rows)


def test_input_entries_given_the_same_fields_share_one_set() -> None:
    entries = [item.entry for item in load_inputs(FIXTURE).items("claims")]
    groups: dict[frozenset[str], list[Any]] = {}
    for entry in entries:
        groups.setdefault(frozenset(entry.model_fields_set), []).append(entry)
    shared = [group for group in groups.values() if len(group) > 1]
    assert shared
    for group in shared:
        assert all(entry.model_fields_set is group[0].model_fields_set for entry in group)
    without_cue = [entry for entry in entries if entry.cue is None]
    assert without_cue
    assert all("cue" not in entry.model_fields_set for entry in without_cue)


def test_rows_share_one_set_and_dump_as_before() -> None:
    rows = build_module.builder("claims").run(load_inputs(FIXTURE), {})
    assert len(rows) > 1
    assert rows[0].model_fields_set is rows[1].model_fields_set
    assert rows[0].model_fields_set == set(type(rows[0]).model_fields)
    assert rows[0].model_dump(exclude_unset=True) == rows[0].model_dump()


def test_a_model_that_is_not_frozen_keeps_its_own_set() -> None:
    class Loose(BaseModel):
        a: int = 0
        b: int = 0

    first, second = Loose(a=1), Loose(a=2)
    share_fields_sets([first, {"x": (second,)}])
    assert first.model_fields_set is not second.model_fields_set
    first.b = 3
    assert first.model_fields_set == {"a", "b"}
    assert second.model_fields_set == {"a"}


@pytest.mark.parametrize(
    ("values", "kind"),
    [
        ([3, None, -12, 10**15], pa.int64()),
        ([True, None, False], pa.bool_()),
        ([dt.date(2024, 1, 9), None, dt.date(999, 12, 31)], pa.date32()),
        (["direct_quote", None, "direct_quote", "anonymous"], ENUM_TYPE),
        (['a "quoted", text', None, "", "line\nbreak"], pa.string()),
    ],
)
def test_an_arrow_column_gives_the_csv_cells_of_its_values(values: list[Any], kind: pa.DataType) -> None:
    assert csv_column(pa.chunked_array([pa.array(values, type=kind)])) == [csv_cell(value) for value in values]
