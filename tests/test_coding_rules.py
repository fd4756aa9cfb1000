"""The shipped release follows the coding rules of docs/CODING.md rule 4 (speech, unnamed parties, implied counts)."""

from __future__ import annotations

import pandas as pd
import pytest

import usiraq

SPEECH_TYPES = {"statement", "announcement", "briefing", "no_comment", "private_message"}
"""Event types of rule 4.1: each such event has a speaker."""


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return {name: usiraq.load(name) for name in ("actors", "claims", "events", "event_actors", "force_figures")}


def test_unnamed_parties_are_typed_and_named_by_one_scheme(tables: dict[str, pd.DataFrame]) -> None:
    actors = tables["actors"]
    unidentified = actors[actors["actor_type"] == "unidentified"]["actor_id"]
    prefixed = actors[actors["actor_id"].str.startswith("unidentified-")]["actor_id"]
    assert len(unidentified) > 0
    assert sorted(unidentified) == sorted(prefixed)


def test_every_anonymous_claim_names_its_unnamed_speaker(tables: dict[str, pd.DataFrame]) -> None:
    claims = tables["claims"]
    anonymous = claims[claims["attribution_kind"] == "anonymous"]
    assert len(anonymous) > 0
    types = tables["actors"].set_index("actor_id")["actor_type"]
    speakers = anonymous["speaker_actor_id"]
    assert speakers.notna().all(), list(anonymous[speakers.isna()]["claim_id"])
    assert set(types[speakers]) == {"unidentified"}


def test_every_speech_event_has_a_speaker(tables: dict[str, pd.DataFrame]) -> None:
    events = tables["events"]
    speech = set(events[events["event_type"].isin(SPEECH_TYPES)]["event_id"])
    links = tables["event_actors"]
    with_source = set(links[links["role"] == "source"]["event_id"])
    assert speech, "no speech events"
    assert sorted(speech - with_source) == []


def test_an_implied_count_is_one(tables: dict[str, pd.DataFrame]) -> None:
    figures = tables["force_figures"]
    implied = figures[figures["number_text"].str.lower().isin(["a", "an"])]
    assert len(implied) > 0
    assert set(implied["value"]) == {1}


def test_a_date_resolved_against_an_outside_knowledge_publication_says_so() -> None:
    # Rule 3: 000, 002 and 003 print no date; theirs is known from outside, and so is every date resolved against it.
    sources = usiraq.load("sources")
    outside = set(sources[sources["published_basis"] == "outside_knowledge"]["source_id"])
    assert {"000_42cfb8f775e2954a", "002_e9ac7bcee86ada42", "003_ab9f14d1c7684910"} <= outside
    mentions = usiraq.load("event_mentions")
    dated = mentions[mentions["source_id"].isin(outside) & mentions["date_basis"].notna()]
    relative = dated[dated["date_basis"] != "stated"]
    assert len(relative) >= 4
    assert set(relative["date_basis"]) == {"outside_knowledge"}
    assert relative["date_note"].str.startswith("Outside knowledge:").all()
