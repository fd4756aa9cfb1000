"""croissant.json: generated beside datapackage.json, accepted and read by mlcroissant."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pyarrow.parquet as pq
from usiraq.dataset import release_root
from usiraq.schema import TABLE_NAMES, model_for
from usiraq.schema.introspect import columns

from usiraq.release.croissant import CONFORMS_TO, DATA_TYPES, render_croissant

RELEASE = Path(str(release_root()))
CROISSANT = RELEASE / "croissant.json"
KIND_TYPES = {**DATA_TYPES, "enum": DATA_TYPES["string"]}


def metadata() -> dict:
    return json.loads(CROISSANT.read_text(encoding="utf-8"))


def mlcroissant() -> ModuleType:
    try:
        import mlcroissant
    except ImportError as error:  # a failure, not a skip: the test extra installs it
        raise AssertionError("mlcroissant is missing: pip install -e '.[test]' (or '.[croissant]')") from error
    return mlcroissant


def test_croissant_is_current() -> None:
    assert CROISSANT.read_text(encoding="utf-8") == render_croissant(RELEASE)


def test_croissant_describes_every_table_and_column() -> None:
    found = metadata()
    assert found["conformsTo"] == CONFORMS_TO and found["@type"] == "sc:Dataset"
    assert found["version"] == json.loads((RELEASE / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert [record["@id"] for record in found["recordSet"]] == list(TABLE_NAMES)
    for record in found["recordSet"]:
        model = model_for(record["@id"])
        expected = [(c.name, KIND_TYPES[c.kind]) for c in columns(model)]
        assert [(field["name"], field["dataType"]) for field in record["field"]] == expected
        keys = record["key"] if isinstance(record["key"], list) else [record["key"]]
        assert [key["@id"] for key in keys] == [f"{model.table_name}/{name}" for name in model.primary_key]


def test_croissant_file_hashes_match_the_files() -> None:
    for item in metadata()["distribution"]:
        data = (RELEASE / item["contentUrl"]).read_bytes()
        assert item["sha256"] == hashlib.sha256(data).hexdigest()
        assert item["contentSize"] == f"{len(data)} B"


def test_mlcroissant_validate_accepts_it() -> None:
    mlcroissant()
    command = [str(Path(sys.executable).parent / "mlcroissant"), "validate", "--jsonld", str(CROISSANT)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in (done.stdout + done.stderr).lower()


def test_mlcroissant_reads_every_record_set() -> None:
    dataset = mlcroissant().Dataset(jsonld=str(CROISSANT))
    for name in TABLE_NAMES:
        records = list(dataset.records(record_set=name))
        parquet = pq.read_table(RELEASE / "parquet" / f"{name}.parquet")
        assert len(records) == parquet.num_rows, name
        key = model_for(name).primary_key[0]
        read = [record[f"{name}/{key}"] for record in records]
        assert [value.decode() if isinstance(value, bytes) else value for value in read] == parquet.column(
            key
        ).to_pylist(), name
