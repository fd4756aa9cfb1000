"""The conflicts page and the reader show hand-coded tensions when the database has those tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from html import unescape

import pytest
from webserver import Server, start, stop

import usiraq
from usiraq.database import build_sqlite

TENSIONS = """
create table tensions (tension_id text primary key, kind text not null, scope text not null,
                       summary text not null, note text);
create table tension_sides (tension_id text not null references tensions(tension_id), side text not null,
                            source_id text not null references sources(source_id), quote text not null,
                            char_start integer not null, char_end integer not null,
                            claim_id text references claims(claim_id),
                            primary key (tension_id, side, source_id, char_start));
"""


@pytest.fixture(scope="module")
def sides() -> list[dict]:
    """Two real pieces of evidence from two articles: a claim and a force figure."""
    claim = usiraq.load("claims").iloc[0]
    figures = usiraq.load("force_figures")
    figure = figures[figures["source_id"] != claim.source_id].iloc[0]
    return [
        {"side": "a", "row": claim, "claim_id": claim.claim_id},
        {"side": "b", "row": figure, "claim_id": None},
    ]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, sides: list[dict]) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("tensions")
    database = build_sqlite(folder / "usiraq.sqlite")
    with sqlite3.connect(database) as connection:
        connection.executescript(TENSIONS)
        connection.execute(
            "insert into tensions values (?, ?, ?, ?, null)",
            ("t-test", "framing", "between_articles", "Two articles frame it apart."),
        )
        for side in sides:
            row = side["row"]
            connection.execute(
                "insert into tension_sides values ('t-test', ?, ?, ?, ?, ?, ?)",
                (side["side"], row.source_id, row.quote, int(row.char_start), int(row.char_end), side["claim_id"]),
            )
    started = start([str(database)], folder)
    yield started
    assert stop(started)[0] == 0


def test_conflicts_page_shows_both_sides_of_a_tension(server: Server, sides: list[dict]) -> None:
    status, body = server.get("/-/conflicts")
    assert status == 200
    text = unescape(body)
    assert "tension: framing" in text
    assert "Two articles frame it apart." in text
    for side in sides:
        row = side["row"]
        assert row.quote in text
        assert (
            f"/-/articles/{row.source_id}#tension_sides-t-test,{side['side']},{row.source_id},{row.char_start}" in text
        )
    assert f'href="/usiraq/claims/{sides[0]["claim_id"]}"' in body
    assert body.count('class="usiraq-conflict"') == len(usiraq.conflicts()) + 1
    status, only = server.get("/-/conflicts?kind=tension:%20framing")
    assert only.count('class="usiraq-conflict"') == 1


def test_the_reader_marks_the_sides(server: Server, sides: list[dict]) -> None:
    row = sides[1]["row"]
    status, body = server.get(f"/-/articles/{row.source_id}")
    assert status == 200
    assert f'id="tension_sides-t-test,b,{row.source_id},{row.char_start}"' in body
    assert body.count("<mark ") == body.count("</mark>")
