"""Files and schemas generated from the models: drift, and agreement between the forms."""

from __future__ import annotations

import datetime as dt
import doctest
import importlib
import json
import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from usiraq.schema import TABLES, model_for
from usiraq.schema.fields import iso3_codes
from usiraq.schema.generate.arrow import arrow_schema
from usiraq.schema.generate.codebook import enum_usage, render_codebook
from usiraq.schema.generate.frictionless import package_descriptor, resource, table_schema
from usiraq.schema.generate.pandas import pandas_dtypes
from usiraq.schema.introspect import columns
from usiraq.schema.record import Record

from usiraq.generated import (
    NotACheckoutError,
    generated_files,
    json_text,
    stale_files,
    write_generated_files,
)
from usiraq.loader import to_frame
from usiraq.tablespec import table_spec

ROOT = Path(__file__).resolve().parent.parent
GENERATED = generated_files()
ARROW_FOR = {"string": pa.string(), "integer": pa.int64(), "boolean": pa.bool_(), "date": pa.date32()}
PANDAS_FOR = {"string": pd.StringDtype(), "integer": "Int64", "boolean": "boolean", "date": pd.ArrowDtype(pa.date32())}
GENERATOR_MODULES = [
    f"usiraq.schema.generate.{name}" for name in ("arrow", "codebook", "frictionless", "jsonschema", "pandas")
]
GENERATOR_MODULES.append("usiraq.generated")


def table_id(model: type[Record]) -> str:
    return model.table_name


# -- drift -----------------------------------------------------------------------


@pytest.mark.parametrize("relative", sorted(GENERATED), ids=lambda p: p.as_posix())
def test_committed_generated_file_is_current(relative: Path) -> None:
    path = ROOT / relative
    assert path.is_file(), f"{relative.as_posix()} is missing: run `make regenerate`"
    assert path.read_bytes() == GENERATED[relative].encode("utf-8"), (
        f"{relative.as_posix()} differs from what the schema generates: run `make regenerate` and commit the result"
    )


def test_no_stale_generated_files() -> None:
    stale = stale_files(ROOT)
    assert not stale, f"generated files no generator makes any more: {stale}; run `make regenerate`"


def test_generated_files_are_deterministic_text() -> None:
    assert generated_files() == GENERATED
    for relative, content in GENERATED.items():
        assert not relative.is_absolute()
        assert content.endswith("\n") and not content.endswith("\n\n"), relative
        assert "\r" not in content, relative
        assert str(ROOT) not in content, relative


def test_write_generated_files_writes_then_is_idempotent(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\n")  # what makes a folder a checkout to write into
    (tmp_path / "schema" / "generate").mkdir(parents=True)
    stale = tmp_path / "schema" / "json" / "table-schemas" / "old_table.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}\n")
    written = write_generated_files(tmp_path)
    assert set(written) == set(GENERATED) | {stale.relative_to(tmp_path)}
    assert not stale.exists()
    for relative, content in GENERATED.items():
        assert (tmp_path / relative).read_bytes() == content.encode("utf-8")
    assert write_generated_files(tmp_path) == []


def test_write_generated_files_refuses_a_folder_that_is_not_a_checkout(tmp_path: Path) -> None:
    with pytest.raises(NotACheckoutError, match="is not a source checkout of usiraq"):
        write_generated_files(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_json_text_sorts_keys_and_ends_with_a_newline() -> None:
    assert json_text({"b": 1, "a": "é"}) == '{\n  "a": "é",\n  "b": 1\n}\n'


# -- Frictionless, Arrow and pandas agree -----------------------------------------


@pytest.mark.parametrize("model", TABLES, ids=table_id)
def test_arrow_schema_agrees_with_table_schema(model: type[Record]) -> None:
    fields = table_schema(model)["fields"]
    schema = arrow_schema(model)
    assert schema.names == [field["name"] for field in fields]
    assert schema.metadata[b"table_name"] == model.table_name.encode()
    for field, arrow_field in zip(fields, schema, strict=True):
        constraints = field["constraints"]
        expected = pa.dictionary(pa.int32(), pa.string()) if _is_category(model, field) else ARROW_FOR[field["type"]]
        assert arrow_field.type == expected, field["name"]
        assert arrow_field.nullable is not constraints.get("required", False), field["name"]
        assert arrow_field.metadata[b"description"] == field["description"].encode()


@pytest.mark.parametrize("model", TABLES, ids=table_id)
def test_pandas_dtypes_agree_with_table_schema(model: type[Record]) -> None:
    fields = table_schema(model)["fields"]
    dtypes = pandas_dtypes(model)
    assert list(dtypes) == [field["name"] for field in fields]
    for field in fields:
        dtype = dtypes[field["name"]]
        if _is_category(model, field):
            assert isinstance(dtype, pd.CategoricalDtype), field["name"]
            assert list(dtype.categories) == field["constraints"]["enum"], field["name"]
        else:
            assert dtype == PANDAS_FOR[field["type"]], field["name"]


def _is_category(model: type[Record], field: dict) -> bool:
    return next(c for c in columns(model) if c.name == field["name"]).enum is not None


@pytest.mark.parametrize("model", TABLES, ids=table_id)
def test_table_schema_shape(model: type[Record]) -> None:
    schema = table_schema(model)
    assert schema["missingValues"] == [""]
    assert schema["primaryKey"] == list(model.primary_key)
    names = [field["name"] for field in schema["fields"]]
    for fk in schema.get("foreignKeys", []):
        assert set(fk["fields"]) <= set(names)
        assert fk["reference"]["resource"] in {"", *(m.table_name for m in TABLES)}
    for field in schema["fields"]:
        assert field["type"] in {"string", "integer", "boolean", "date"}
        assert field["description"]
        assert "categories" not in field
        if field["type"] == "boolean":
            assert (field["trueValues"], field["falseValues"]) == (["true"], ["false"])
        if field["type"] == "string" and "pattern" in field["constraints"]:
            assert not field["constraints"]["pattern"].startswith("^")


def test_country_columns_carry_every_iso3_code() -> None:
    fields = {f["name"]: f for f in table_schema(model_for("actors"))["fields"]}
    assert fields["country"]["constraints"]["enum"] == list(iso3_codes())
    assert {"IRQ", "USA", "IRN", "SYR"} <= set(iso3_codes())


def test_self_reference_has_an_empty_resource() -> None:
    fks = table_schema(model_for("actors"))["foreignKeys"]
    assert {"fields": ["parent_actor_id"], "reference": {"resource": "", "fields": ["actor_id"]}} in fks


def test_resource_descriptor() -> None:
    csv = resource(model_for("claims"), path="csv/claims.csv")
    assert csv["name"] == "claims" and csv["path"] == "csv/claims.csv"
    assert (csv["format"], csv["mediatype"], csv["encoding"]) == ("csv", "text/csv", "utf-8")
    assert csv["dialect"] == {"header": True, "delimiter": ",", "lineTerminator": "\n", "quoteChar": '"'}
    assert csv["type"] == "table" and csv["schema"] == table_schema(model_for("claims"))
    parquet = resource(model_for("claims"), path="parquet/claims.parquet", fmt="parquet")
    assert (parquet["name"], parquet["type"], parquet["format"]) == ("claims-parquet", "file", "parquet")
    assert parquet["mediatype"] == "application/vnd.apache.parquet"
    assert not {"dialect", "encoding", "schema"} & set(parquet), "a file resource has no Table Schema"
    with pytest.raises(ValueError, match="format"):
        resource(model_for("claims"), path="x.xlsx", fmt="xlsx")


def test_package_descriptor_is_clock_free() -> None:
    resources = [resource(m, path=f"csv/{m.table_name}.csv") for m in TABLES]
    descriptor = package_descriptor("1.2.3", resources)
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["name"] == "usiraq" and descriptor["version"] == "1.2.3"
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert "publishers" in descriptor["description"]
    assert descriptor["resources"] == resources
    text = json_text(descriptor)
    assert "created" not in descriptor
    assert not re.search(r"\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}:\d{2}", text), "no clock time in the descriptor"
    assert json_text(package_descriptor("1.2.3", resources)) == text


# -- to_frame ------------------------------------------------------------------------


def figure_row(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {column.name: None for column in columns(model_for("force_figures"))}
    row.update(
        figure_id="004-attacks-over-120",
        source_id="004_da6def8141b84164",
        quantity="attacks",
        counted_as_written="attacks",
        number_text="120",
        value=120,
        value_low=120,
        approximate=False,
        qualifier="more than",
        as_of_start=dt.date(2024, 1, 1),
        as_of_end=dt.date(2024, 1, 31),
        as_of_precision="month",
        quote="more than 120 attacks",
        char_start=10,
        char_end=31,
    )
    row.update(changes)
    return row


@pytest.mark.parametrize("typed", [True, False], ids=["arrow-schema", "inferred"])
def test_to_frame_gives_exactly_the_declared_dtypes(typed: bool) -> None:
    model = model_for("force_figures")
    rows = [figure_row(), figure_row(figure_id="004-other", value_low=None, as_of_precision=None)]
    table = pa.Table.from_pylist(rows, schema=arrow_schema(model) if typed else None)
    frame = to_frame(table.select(list(reversed(table.column_names))), table_spec(model.table_name))
    assert list(frame.columns) == list(pandas_dtypes(model))
    for name, dtype in pandas_dtypes(model).items():
        assert frame[name].dtype == dtype, name
    assert frame.loc[0, "as_of_start"] == dt.date(2024, 1, 1)
    assert frame.loc[0, "quantity"] == "attacks"
    assert pd.isna(frame.loc[1, "value_low"]) and pd.isna(frame.loc[1, "as_of_precision"])
    assert pd.isna(frame.loc[0, "claim_id"]) and frame.loc[0, "claim_id"] is pd.NA


def test_to_frame_refuses_an_undeclared_category() -> None:
    table = pa.Table.from_pylist([figure_row(quantity="tanks")])
    with pytest.raises(ValueError, match="tanks"):
        to_frame(table, table_spec("force_figures"))


def test_to_frame_refuses_missing_or_extra_columns() -> None:
    table = pa.Table.from_pylist([figure_row()])
    with pytest.raises(ValueError, match="missing"):
        to_frame(table.drop_columns(["note"]), table_spec("force_figures"))
    with pytest.raises(ValueError, match="unexpected"):
        to_frame(table.append_column("extra", pa.array(["x"])), table_spec("force_figures"))


# -- codebook ----------------------------------------------------------------------


def test_codebook_covers_every_table_column_and_value() -> None:
    text = render_codebook()
    for model in TABLES:
        assert f"\n### {model.table_name}\n" in text
        assert model.table_description in text
        for column in columns(model):
            assert f"| `{column.name}` |" in text, f"{model.table_name}.{column.name}"
    for enum_class in enum_usage():
        assert f"\n### {enum_class.__name__}\n" in text
        for member in enum_class:
            assert f"| `{member.value}` | {member.meaning}" in text


def test_codebook_explains_the_conventions() -> None:
    text = render_codebook()
    for phrase in ("Unicode code points", "text[char_start:char_end] == quote", "Outside knowledge:", "CODING.md"):
        assert phrase in text
    assert "yaml-language-server" in text


def test_codebook_links_resolve() -> None:
    text = render_codebook()
    anchors = {line[4:].strip().lower() for line in text.splitlines() if line.startswith("### ")}
    anchors |= {"controlled-vocabularies"}
    for target in {part.split(")")[0] for part in text.split("](#")[1:]}:
        assert target in anchors, target


# -- the generator modules' own examples ---------------------------------------------


@pytest.mark.parametrize("name", GENERATOR_MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_generated_json_parses() -> None:
    for relative, content in GENERATED.items():
        if relative.suffix == ".json":
            assert isinstance(json.loads(content), dict)
