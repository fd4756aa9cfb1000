"""usiraq serve over the shipped release: every table, every article, search, the JSON API, the conflicts."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import quote

import pytest
from usiraq.schema import TABLE_NAMES, TABLES
from webserver import ROOT, Server, start, stop

import usiraq

EVIDENCE_TABLES = [
    model.table_name for model in TABLES if {"source_id", "quote", "char_start", "char_end"} <= set(model.model_fields)
]


def expected_anchors(source_id: str) -> set[str]:
    """Every evidence row of an article, as the anchor the reader gives it: <table>-<key values, comma-joined>."""
    anchors = set()
    for model in TABLES:
        if model.table_name not in EVIDENCE_TABLES:
            continue
        frame = usiraq.load(model.table_name)
        for _, row in frame[frame["source_id"] == source_id].iterrows():
            anchors.add(f"{model.table_name}-" + ",".join(str(row[pk]) for pk in model.primary_key))
    return anchors


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_every_table_page(server: Server, table: str) -> None:
    status, body = server.get(f"/usiraq/{table}")
    assert status == 200, body[:500]
    model = next(model for model in TABLES if model.table_name == table)
    assert unescape(model.table_title) in unescape(body)
    assert f"{len(usiraq.load(table))} row" in body


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_every_table_in_the_json_api(server: Server, table: str) -> None:
    status, body = server.get(f"/usiraq/{table}.json?_shape=array&_size=max")
    assert status == 200, body[:500]
    rows = json.loads(body)
    released = usiraq.load(table)
    assert len(rows) == len(released)
    assert set(rows[0]) == set(released.columns)


def test_every_article_page_marks_every_span(server: Server) -> None:
    sources = usiraq.load("sources")
    for source_id in sources["source_id"]:
        status, body = server.get(f"/-/articles/{quote(source_id)}")
        assert status == 200, (source_id, body[:500])
        found = set(re.findall(r'<mark [^>]*data-span="([^"]+)"', body))
        assert {unescape(anchor) for anchor in found} == expected_anchors(source_id), source_id
        assert body.count("<mark ") == body.count("</mark>")


def test_article_index_lists_every_article(server: Server) -> None:
    status, body = server.get("/-/articles")
    assert status == 200
    for source_id in usiraq.load("sources")["source_id"]:
        assert f'href="/-/articles/{source_id}"' in body


def test_unknown_article_is_404(server: Server) -> None:
    assert server.get("/-/articles/no-such-article")[0] == 404


def test_row_page_links_back_to_its_place_in_the_article(server: Server) -> None:
    claim = usiraq.load("claims").iloc[0]
    status, body = server.get(f"/usiraq/claims/{claim.claim_id}")
    assert status == 200
    assert f'href="/-/articles/{claim.source_id}#claims-{claim.claim_id}"' in body
    assert f'href="/usiraq/sources/{claim.source_id}"' in body  # the foreign key is a link
    mention = usiraq.load("actor_mentions").iloc[0]
    path = f"{mention.source_id},{mention.char_start}"
    status, body = server.get(f"/usiraq/actor_mentions/{path}")
    assert status == 200
    assert f'href="/-/articles/{mention.source_id}#actor_mentions-{path}"' in body


@pytest.mark.parametrize("table", EVIDENCE_TABLES)
def test_every_evidence_row_page_says_where_it_is_in_the_article(server: Server, table: str) -> None:
    model = next(model for model in TABLES if model.table_name == table)
    row = usiraq.load(table).iloc[-1]
    path = ",".join(str(row[pk]) for pk in model.primary_key)
    status, body = server.get(f"/usiraq/{table}/{path}")
    assert status == 200
    place = f'<p class="usiraq-place"><a href="/-/articles/{row.source_id}#{table}-{path}">'
    assert place in body


def test_an_article_row_page_links_to_the_reader(server: Server) -> None:
    source_id = usiraq.load("sources")["source_id"].iloc[0]
    status, body = server.get(f"/usiraq/sources/{source_id}")
    assert status == 200
    assert f'<p class="usiraq-place"><a href="/-/articles/{source_id}">' in body
    assert server.get("/usiraq/actors/" + usiraq.load("actors")["actor_id"].iloc[0])[1].count("usiraq-place") == 0


def test_facets_from_the_metadata(server: Server) -> None:
    status, body = server.get("/usiraq/claims.json")
    assert status == 200
    facets = json.loads(body)["facet_results"]
    assert {"modality", "attribution_kind", "topic", "speaker_actor_id"} <= set(facets)


def test_table_search(server: Server) -> None:
    status, body = server.get("/usiraq/claims.json?_search=withdrawal&_shape=array")
    assert status == 200
    rows = json.loads(body)
    assert rows
    assert all("withdraw" in (row["quote"] + row["content"]).lower() for row in rows)


def test_search_everything(server: Server) -> None:
    status, body = server.get("/-/search?q=troops")
    assert status == 200
    for table in ("claims", "sources", "force_figures"):
        assert f'href="/usiraq/{table}?_search=troops"' in body
    assert "<mark>troops</mark>" in body.lower()
    assert server.get('/-/search?q="unbalanced')[0] == 200  # FTS syntax in the query is escaped


def test_conflicts_page_shows_both_sides_of_every_conflict(server: Server) -> None:
    status, body = server.get("/-/conflicts")
    assert status == 200
    found = usiraq.conflicts()
    assert body.count('class="usiraq-conflict"') == len(found)
    first = found[found["kind"] == "contradiction"].iloc[0]
    for side in ("a", "b"):
        assert unescape(first[f"quote_{side}"]) in unescape(body)
    status, only = server.get("/-/conflicts?kind=contradiction")
    assert only.count('class="usiraq-conflict"') == (found["kind"] == "contradiction").sum()


def test_no_page_loads_anything_from_the_network(server: Server) -> None:
    source_id = usiraq.load("sources")["source_id"].iloc[0]
    for path in ("/", "/usiraq", "/usiraq/claims", f"/-/articles/{source_id}", "/-/conflicts", "/-/search?q=iraq"):
        body = server.get(path)[1]
        assets = re.findall(r'<script[^>]* src="([^"]+)"', body)
        assets += re.findall(r'<link rel="stylesheet" href="([^"]+)"', body)
        assets += re.findall(r'<img[^>]* src="([^"]+)"', body)
        assert assets, path
        for asset in assets:
            assert asset.startswith("/") and not asset.startswith("//"), (path, asset)
            assert server.get(asset)[0] == 200, asset


def test_the_release_folder_is_left_alone(server: Server) -> None:
    assert not (ROOT / "dataset" / "release" / "usiraq.sqlite").exists()
    assert list(server.cache.rglob("usiraq.sqlite"))


def test_ctrl_c_stops_it_cleanly(tmp_path) -> None:
    started = start([], tmp_path)
    code, out, err = stop(started)
    assert code == 0, err
    assert "Traceback" not in err
    assert started.url in out
