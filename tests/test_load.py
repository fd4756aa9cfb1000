"""The loader: every table in pandas and Arrow with the schema's types, names, describe, source texts."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from usiraq.dataset import release_root
from usiraq.schema import TABLE_NAMES, model_for
from usiraq.schema.generate.arrow import arrow_schema
from usiraq.schema.generate.pandas import pandas_dtypes
from usiraq.schema.introspect import columns
from usiraq.validation.package import PackageError

import usiraq
from usiraq.loader import to_frame
from usiraq.tablespec import UnknownTableError, render_table_specs, table_spec, table_specs

RELEASE = Path(str(release_root()))
EVIDENCE = [
    name
    for name in TABLE_NAMES
    if {"quote", "char_start", "char_end", "source_id"} <= set(table_spec(name).column_names)
]


def parquet(name: str, root: Path = RELEASE) -> Path:
    return root / "parquet" / f"{name}.parquet"


# -- every table, both formats, the schema's types --------------------------------


def test_tables_are_the_schema_tables() -> None:
    assert usiraq.tables() == list(TABLE_NAMES)


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_pandas_frame_has_the_schema_dtypes(name: str) -> None:
    model = model_for(name)
    frame = usiraq.load(name)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == [column.name for column in columns(model)]
    assert dict(frame.dtypes) == pandas_dtypes(model)
    assert len(frame) == pq.ParquetFile(parquet(name)).metadata.num_rows > 0
    stored = pq.read_table(parquet(name))
    for column in frame.columns:
        assert [None if pd.isna(value) else value for value in frame[column]] == stored[column].to_pylist(), column


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_arrow_table_has_the_schema_types(name: str) -> None:
    table = usiraq.load(name, format="arrow")
    assert isinstance(table, pa.Table)
    assert table.schema.equals(arrow_schema(model_for(name)), check_metadata=True)


def test_kinds_of_values() -> None:
    figures = usiraq.load("force_figures")
    assert str(figures["value"].dtype) == "Int64"
    assert isinstance(figures["quantity"].dtype, pd.CategoricalDtype)
    assert list(figures["quantity"].cat.categories) == list(
        pandas_dtypes(model_for("force_figures"))["quantity"].categories
    )
    assert isinstance(figures["as_of_start"].dropna().iloc[0], dt.date)
    assert figures["note"].dtype == pd.StringDtype()


def test_load_all_returns_every_table() -> None:
    frames = usiraq.load_all()
    assert list(frames) == list(TABLE_NAMES)
    assert all(isinstance(frame, pd.DataFrame) for frame in frames.values())
    tables = usiraq.load_all(format="arrow")
    assert all(isinstance(table, pa.Table) for table in tables.values())


def test_keys_join_across_tables() -> None:
    claims, sources = usiraq.load("claims"), usiraq.load("sources")
    assert claims["claim_id"].is_unique
    assert set(claims["source_id"]) <= set(sources["source_id"])


# -- names and formats ----------------------------------------------------------------


def test_unknown_name_lists_the_names() -> None:
    with pytest.raises(KeyError) as caught:
        usiraq.load("claim")
    message = str(caught.value)
    assert "'claim'" in message
    for name in TABLE_NAMES:
        assert name in message
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, UnknownTableError)


def test_unknown_name_for_describe_lists_the_names() -> None:
    with pytest.raises(ValueError, match="force_figures"):
        usiraq.describe("figures")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="pandas, arrow"):
        usiraq.load("claims", format="polars")  # type: ignore[arg-type]


# -- the compiled table specs agree with the schema -------------------------------------


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_table_spec_gives_the_schema_dtypes(name: str) -> None:
    model = model_for(name)
    spec = table_spec(name)
    assert spec.pandas_dtypes() == pandas_dtypes(model)
    assert spec.primary_key == model.primary_key


def test_table_specs_file_is_current() -> None:
    shipped = Path(usiraq.__file__).parent / "table_specs.json"
    assert shipped.read_text(encoding="utf-8") == render_table_specs()
    assert list(table_specs()) == list(TABLE_NAMES)


def test_to_frame_refuses_a_value_outside_the_categories() -> None:
    table = pq.read_table(parquet("claims"))
    bad = table.set_column(
        table.column_names.index("modality"), "modality", pa.array(["rumoured"] * len(table)).dictionary_encode()
    )
    with pytest.raises(ValueError, match="rumoured"):
        to_frame(bad, table_spec("claims"))


def test_to_frame_refuses_other_columns() -> None:
    table = pq.read_table(parquet("claims"))
    with pytest.raises(ValueError, match=r"missing \['note'\]"):
        to_frame(table.drop_columns(["note"]), table_spec("claims"))


# -- describe and source_text --------------------------------------------------------------


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_describe_lists_every_column(name: str) -> None:
    described = usiraq.describe(name)
    specs = columns(model_for(name))
    assert list(described["name"]) == [column.name for column in specs]
    assert list(described.columns) == [
        "name",
        "type",
        "dtype",
        "required",
        "primary_key",
        "description",
        "allowed_values",
    ]
    assert described["description"].str.len().min() > 0
    for row, column in zip(described.itertuples(), specs, strict=True):
        assert row.required is (not column.nullable)
        if column.enum is not None:
            assert row.allowed_values == column.enum.values()
    assert list(described.loc[described["primary_key"], "name"]) == list(model_for(name).primary_key)


def test_describe_gives_country_codes_as_allowed_values() -> None:
    described = usiraq.describe("actors").set_index("name")
    assert "IRQ" in described.loc["country", "allowed_values"]


@pytest.mark.parametrize("name", EVIDENCE)
def test_source_text_holds_every_quote(name: str) -> None:
    texts = {source_id: usiraq.source_text(source_id) for source_id in usiraq.load("sources")["source_id"]}
    for row in usiraq.load(name, format="arrow").to_pylist():
        assert texts[row["source_id"]][row["char_start"] : row["char_end"]] == row["quote"]


def test_source_text_of_an_unknown_source_lists_the_sources() -> None:
    first = str(usiraq.load("sources")["source_id"].iloc[0])
    with pytest.raises(KeyError, match=first):
        usiraq.source_text("999_nothing")


# -- path=: another copy of the package ------------------------------------------------------


def copy_release(tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(RELEASE, target)
    return target


def test_path_reads_a_copy(tmp_path: Path) -> None:
    copy = copy_release(tmp_path)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(usiraq.load(name, path=copy), usiraq.load(name))
    table = usiraq.load("claims", format="arrow", path=copy / "datapackage.json")
    assert table.equals(usiraq.load("claims", format="arrow"))


def test_path_reads_the_copy_not_the_release(tmp_path: Path) -> None:
    copy = copy_release(tmp_path)
    table = pq.read_table(parquet("claims", copy)).slice(0, 3)
    pq.write_table(table, parquet("claims", copy))
    assert len(usiraq.load("claims", path=copy, verify=False)) == 3
    assert len(usiraq.load("claims")) > 3


@pytest.mark.parametrize("change", ["truncate", "rewrite", "no-hash"])
def test_path_checks_the_file_against_its_declared_hash(tmp_path: Path, change: str) -> None:
    copy = copy_release(tmp_path)
    file = parquet("claims", copy)
    if change == "truncate":
        file.write_bytes(file.read_bytes()[:-100])
    elif change == "rewrite":
        pq.write_table(pq.read_table(file).slice(0, 3), file)
    else:
        descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
        for resource in descriptor["resources"]:
            resource.pop("hash")
        (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    expected = "declares no usable hash" if change == "no-hash" else "not the one the package declares"
    with pytest.raises(PackageError, match=expected):
        usiraq.load("claims", path=copy)
    if change == "no-hash":
        with pytest.raises(PackageError, match=expected):
            usiraq.source_text("x", path=copy)
    if change != "truncate":
        assert len(usiraq.load("claims", path=copy, verify=False)) >= 3


def unsafe_package(tmp_path: Path, resource_path: str) -> Path:
    copy = copy_release(tmp_path)
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == "claims-parquet":
            resource["path"] = resource_path
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    "resource_path", ["../outside/claims.parquet", "/etc/claims.parquet", "https://example.org/claims.parquet"]
)
def test_path_refuses_an_unsafe_package(tmp_path: Path, resource_path: str) -> None:
    copy = unsafe_package(tmp_path, resource_path)
    with pytest.raises(PackageError, match="refused"):
        usiraq.load("claims", path=copy)


def test_path_refuses_a_symlink_out_of_the_package(tmp_path: Path) -> None:
    copy = copy_release(tmp_path)
    outside = tmp_path / "outside.parquet"
    shutil.copyfile(parquet("claims"), outside)
    parquet("claims", copy).unlink()
    parquet("claims", copy).symlink_to(outside)
    with pytest.raises(PackageError, match="outside"):
        usiraq.load("claims", path=copy)


def test_path_without_a_package(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="no such file"):
        usiraq.load("claims", path=tmp_path)


def test_loading_writes_nothing_into_the_package() -> None:
    before = sorted((path, path.stat().st_mtime_ns) for path in RELEASE.rglob("*"))
    usiraq.load_all()
    usiraq.load_all(format="arrow")
    usiraq.source_text(str(usiraq.load("sources")["source_id"].iloc[0]))
    usiraq.connect().sql("SELECT count(*) FROM claims").fetchall()
    assert sorted((path, path.stat().st_mtime_ns) for path in RELEASE.rglob("*")) == before


# -- what importing and loading pull in: subprocesses -----------------------------------------


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_import_usiraq_imports_neither_pandas_nor_pyarrow() -> None:
    out = run_python(
        "import sys, usiraq\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'pydantic', 'usiraq.loader') if m in sys.modules))\n"
        "print(usiraq.__version__)"
    )
    assert out.splitlines() == ["[]", usiraq.__version__]


def test_load_imports_neither_the_schema_nor_the_cli() -> None:
    out = run_python(
        "import sys, usiraq\n"
        "usiraq.load('claims')\n"
        "print(sorted(m for m in ('pydantic', 'frictionless', 'click', 'yaml', 'usiraq.schema') if m in sys.modules))"
    )
    assert out.strip() == "[]"


NO_NETWORK = """
import socket

def refuse(*args, **kwargs):
    raise OSError("network use in the loader")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
import usiraq
frames = usiraq.load_all()
tables = usiraq.load_all(format="arrow")
text = usiraq.source_text(str(frames["sources"]["source_id"].iloc[0]))
described = usiraq.describe("claims")
rows = usiraq.connect().sql("SELECT count(*) FROM claims").fetchall()
print(len(frames), len(tables), rows[0][0] == len(frames["claims"]), len(text) > 0)
"""


def test_loading_needs_no_network() -> None:
    assert run_python(NO_NETWORK).strip() == f"{len(TABLE_NAMES)} {len(TABLE_NAMES)} True True"
