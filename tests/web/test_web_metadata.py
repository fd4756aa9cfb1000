"""Datasette's metadata is generated from the schema and parses with Datasette's own utilities."""

from __future__ import annotations

import json

import pytest
from datasette.utils import parse_metadata
from usiraq.schema import TABLES
from usiraq.schema.introspect import columns
from usiraq.schema.version import data_version
from webserver import Server

from usiraq.web.metadata import FACETS, LABEL_COLUMNS, metadata, metadata_json


def test_parses_with_datasette() -> None:
    parsed = parse_metadata(metadata_json())
    assert parsed == metadata()
    assert data_version() in parsed["title"]
    assert parsed["license"] == "CC-BY-4.0"
    assert "Cite as" in parsed["description_html"]


@pytest.mark.parametrize("model", TABLES, ids=lambda model: model.table_name)
def test_every_table_and_column_is_described(model) -> None:
    table = metadata()["databases"]["usiraq"]["tables"][model.table_name]
    assert table["title"] == model.table_title
    assert table["description"] == model.table_description
    specs = columns(model)
    assert set(table["columns"]) == {spec.name for spec in specs}
    for spec in specs:
        assert table["columns"][spec.name].startswith(spec.description)
        if spec.enum is not None:
            for value in spec.enum.values():
                assert f"{value} (" in table["columns"][spec.name]
    names = {spec.name for spec in specs}
    assert set(table["facets"]) <= names
    assert table.get("label_column", model.primary_key[0]) in names


def test_facets_and_labels_name_only_tables_of_the_schema() -> None:
    names = {model.table_name for model in TABLES}
    assert set(FACETS) == names
    assert set(LABEL_COLUMNS) <= names
    assert FACETS["claims"] == ("modality", "attribution_kind", "topic", "speaker_actor_id")
    assert FACETS["events"] == ("event_type", "status", "date_precision")
    assert FACETS["force_figures"] == ("quantity", "force_actor_id")


def test_the_server_uses_it(server: Server) -> None:
    status, body = server.get("/-/metadata.json")
    assert status == 200
    assert json.loads(body) == metadata()
