"""The conflicts page leads with contradictions and tensions, and shows every span of each tension's sides."""

from __future__ import annotations

import re
from html import unescape

import pytest
from webserver import Server

import usiraq


def conflict_count(body: str) -> int:
    return body.count('class="usiraq-conflict"')


def test_the_default_page_lists_the_conflicts_of_usiraq_conflicts(server: Server) -> None:
    status, body = server.get("/-/conflicts")
    assert status == 200
    found = usiraq.conflicts()
    assert conflict_count(body) == len(found)
    shown = [unescape(kind) for kind in re.findall(r'<span class="usiraq-kind">([^<]+)</span>', body)]
    ranks = {kind: rank for kind, rank in zip(found["kind"], found["rank"], strict=True)}
    assert [ranks[kind] for kind in shown] == sorted(ranks[kind] for kind in shown), "most serious first"
    assert shown[0] == found["kind"].iloc[0]


def test_all_adds_what_is_not_a_conflict(server: Server) -> None:
    status, body = server.get("/-/conflicts?all=1")
    assert status == 200
    everything = usiraq.conflicts(all=True)
    assert conflict_count(body) == len(everything) > len(usiraq.conflicts())
    assert "qualification" in body


@pytest.mark.parametrize("kind", sorted(set(usiraq.load("tensions")["kind"])))
def test_one_kind(server: Server, kind: str) -> None:
    status, body = server.get(f"/-/conflicts?all=1&kind={kind}")
    assert status == 200
    assert conflict_count(body) == (usiraq.conflicts(all=True)["kind"] == kind).sum()


def test_every_tension_shows_every_span_of_its_sides(server: Server) -> None:
    body = unescape(server.get("/-/conflicts?all=1")[1])
    sides = usiraq.load("tension_sides")
    for _, tension in usiraq.load("tensions").iterrows():
        assert f'id="tension-{tension.tension_id}"' in body
        assert tension.summary in body
        for _, span in sides[sides["tension_id"] == tension.tension_id].iterrows():
            anchor = f"tension_sides-{span.tension_id},{span.side},{span.source_id},{span.char_start}"
            assert f"/-/articles/{span.source_id}#{anchor}" in body
            assert span.quote in body


def test_the_reader_marks_the_sides(server: Server) -> None:
    span = usiraq.load("tension_sides").iloc[0]
    status, body = server.get(f"/-/articles/{span.source_id}")
    assert status == 200
    assert f'id="tension_sides-{span.tension_id},{span.side},{span.source_id},{span.char_start}"' in body
    assert body.count("<mark ") == body.count("</mark>")
