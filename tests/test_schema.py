"""The table models themselves: descriptions, keys, shared types and enums."""

from __future__ import annotations

import re
import typing

import pytest
from pydantic import BaseModel
from usiraq.schema import TABLE_NAMES, TABLES, model_for
from usiraq.schema import enums as enums_module
from usiraq.schema import inputs as inputs_module
from usiraq.schema.enums import DescribedEnum
from usiraq.schema.introspect import columns, shared_type_names
from usiraq.schema.record import Record

SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
EVIDENCE = {"source_id", "quote", "char_start", "char_end"}

ALL_ENUMS = [
    value
    for value in vars(enums_module).values()
    if isinstance(value, type) and issubclass(value, DescribedEnum) and value is not DescribedEnum
]
INPUT_MODELS = [
    value
    for value in vars(inputs_module).values()
    if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == inputs_module.__name__
]


def table_id(model: type[Record]) -> str:
    return model.table_name


def primary_keys() -> dict[str, tuple[str, ...]]:
    return {model.table_name: model.primary_key for model in TABLES}


@pytest.mark.parametrize("model", TABLES, ids=table_id)
def test_model_is_strict_and_described(model: type[Record]) -> None:
    assert model.model_config.get("extra") == "forbid"
    assert SNAKE.match(model.table_name), model.table_name
    assert model.table_title.strip()
    assert len(model.table_description.strip()) > 20
    assert model.__doc__ and model.__doc__.strip()


@pytest.mark.parametrize("model", TABLES, ids=table_id)
def test_every_column_has_a_name_and_a_description(model: type[Record]) -> None:
    for column in columns(model):
        assert SNAKE.match(column.name), f"{model.table_name}.{column.name} is not snake_case"
        assert column.description.strip(), f"{model.table_name}.{column.name} has no description"
        assert column.description.strip()[-1] in ".)", f"{model.table_name}.{column.name}: end the description with '.'"


@pytest.mark.parametrize("model", TABLES, ids=table_id)
def test_every_column_has_a_supported_type(model: type[Record]) -> None:
    for column in columns(model):
        assert column.kind in {"string", "integer", "boolean", "date", "enum"}


@pytest.mark.parametrize("model", TABLES, ids=table_id)
def test_no_text_column_accepts_an_empty_string(model: type[Record]) -> None:
    # The CSV writes null as an empty cell, so an empty string must never be a value.
    for column in columns(model):
        if column.kind == "string":
            constraints = column.constraints
            assert constraints.get("min_length", 0) >= 1 or "pattern" in constraints, column.name


@pytest.mark.parametrize("model", TABLES, ids=table_id)
def test_primary_key_names_required_columns(model: type[Record]) -> None:
    specs = {column.name: column for column in columns(model)}
    assert model.primary_key, f"{model.table_name} has no primary key"
    assert len(set(model.primary_key)) == len(model.primary_key)
    for name in model.primary_key:
        assert name in specs, f"{model.table_name}: primary key column {name} does not exist"
        assert not specs[name].nullable, f"{model.table_name}: primary key column {name} is nullable"


@pytest.mark.parametrize("model", TABLES, ids=table_id)
def test_foreign_keys_reference_declared_keys(model: type[Record]) -> None:
    own = {column.name: column for column in columns(model)}
    for fk in model.foreign_keys:
        assert fk.fields, f"{model.table_name}: empty foreign key"
        for name in fk.fields:
            assert name in own, f"{model.table_name}: foreign key column {name} does not exist"
        assert fk.table in TABLE_NAMES, f"{model.table_name}: foreign key to undeclared table {fk.table}"
        target = model_for(fk.table)
        assert tuple(fk.reference_fields) == target.primary_key, (
            f"{model.table_name}.{fk.fields} references {fk.table}.{fk.reference_fields}, "
            f"which is not that table's primary key {target.primary_key}"
        )
        theirs = {column.name: column for column in columns(target)}
        for mine, their in zip(fk.fields, fk.reference_fields, strict=True):
            assert own[mine].kind == theirs[their].kind, f"{model.table_name}.{mine} and {fk.table}.{their} differ"


@pytest.mark.parametrize("model", TABLES, ids=table_id)
def test_evidence_columns_come_together(model: type[Record]) -> None:
    names = {column.name for column in columns(model)}
    if "quote" in names:
        assert names >= EVIDENCE, f"{model.table_name} has a quote but lacks {EVIDENCE - names}"


def test_table_names_are_unique() -> None:
    assert len(set(TABLE_NAMES)) == len(TABLE_NAMES)


def unused_shared_types() -> list[str]:
    used = {column.shared_type for model in TABLES for column in columns(model)}
    return sorted(set(shared_type_names().values()) - used)


def test_every_shared_field_type_is_used() -> None:
    unused = unused_shared_types()
    assert not unused, f"shared field types defined in schema/fields.py but used by no table: {unused}"


def test_an_unused_shared_field_type_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import Field
    from usiraq.schema import fields

    monkeypatch.setattr(fields, "Orphan", typing.Annotated[str, Field(description="Used nowhere.")], raising=False)
    assert unused_shared_types() == ["Orphan"]


def test_every_shared_field_type_is_described() -> None:
    from usiraq.schema import fields

    for name in shared_type_names().values():
        infos = [arg for arg in typing.get_args(getattr(fields, name))[1:] if hasattr(arg, "description")]
        assert any(info.description for info in infos), f"shared type {name} has no description"


@pytest.mark.parametrize("enum_class", ALL_ENUMS, ids=lambda e: e.__name__)
def test_every_enum_value_has_a_meaning(enum_class: type[DescribedEnum]) -> None:
    assert enum_class.__doc__ and enum_class.__doc__.strip()
    assert len(enum_class) > 0
    for member in enum_class:
        assert isinstance(member.meaning, str) and member.meaning.strip(), f"{enum_class.__name__}.{member.name}"
        assert member.value.strip() == member.value and member.value


def test_every_enum_is_used() -> None:
    used = {column.enum for model in TABLES for column in columns(model) if column.enum is not None}
    for model in INPUT_MODELS:
        for info in model.model_fields.values():
            used.update(_enums_in(info.annotation))
    unused = sorted(e.__name__ for e in ALL_ENUMS if e not in used)
    assert not unused, f"enums defined in schema/enums.py but used by no table or input: {unused}"


def _enums_in(annotation: object) -> set[type]:
    if isinstance(annotation, type) and issubclass(annotation, DescribedEnum):
        return {annotation}
    found: set[type] = set()
    for arg in typing.get_args(annotation):
        found |= _enums_in(arg)
    return found


def test_model_for_unknown_name_lists_the_tables() -> None:
    with pytest.raises(KeyError, match="claims"):
        model_for("no_such_table")
