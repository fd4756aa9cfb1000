"""The tensions of the release: both sides quoted from the articles, as the coding rules say."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from usiraq.dataset import release_root

import usiraq


@pytest.fixture(scope="module")
def tensions() -> pd.DataFrame:
    return usiraq.load("tensions")


@pytest.fixture(scope="module")
def sides() -> pd.DataFrame:
    return usiraq.load("tension_sides")


def test_loaded_with_their_categories(tensions: pd.DataFrame, sides: pd.DataFrame) -> None:
    assert str(tensions["kind"].dtype) == "category" and str(sides["side"].dtype) == "category"
    assert set(tensions["kind"].cat.categories) == {
        "contradiction",
        "internal_inconsistency",
        "framing_difference",
        "naming_variant",
        "attribution_distortion",
        "precision_difference",
    }
    assert tensions["tension_id"].is_unique


def test_every_tension_has_both_sides_in_the_articles_its_scope_says(
    tensions: pd.DataFrame, sides: pd.DataFrame
) -> None:
    joined = sides.merge(tensions, on="tension_id", validate="many_to_one")
    for tension_id, group in joined.groupby("tension_id"):
        assert set(group["side"].astype(str)) == {"a", "b"}, tension_id
        articles = group["source_id"].nunique()
        scope = str(group["scope"].iloc[0])
        assert articles == 1 if scope == "within_article" else articles >= 2, tension_id
        if scope == "within_article":
            assert str(tension_id).startswith(str(group["source_id"].iloc[0])[:3]), tension_id


def test_every_span_is_the_articles_words_and_overlaps_its_claim(sides: pd.DataFrame) -> None:
    claims = usiraq.load("claims").set_index("claim_id")
    for _, span in sides.iterrows():
        text = usiraq.source_text(span["source_id"])
        assert text[span["char_start"] : span["char_end"]] == span["quote"]
        if not pd.isna(span["claim_id"]):
            claim = claims.loc[span["claim_id"]]
            assert claim["source_id"] == span["source_id"]
            assert claim["char_start"] < span["char_end"] and span["char_start"] < claim["char_end"]


def test_the_issue_examples_are_coded(tensions: pd.DataFrame, sides: pd.DataFrame) -> None:
    kind = dict(zip(tensions["tension_id"], tensions["kind"].astype(str), strict=True))
    assert kind["000-presence-in-baghdad-or-three-bases"] == "internal_inconsistency"
    assert kind["us-troops-in-syria-about-900-or-900"] == "precision_difference"
    framing = {tension_id for tension_id, value in kind.items() if value == "framing_difference"}
    assert {
        "talks-negotiation-on-withdrawal-or-transition",
        "timeline-on-conditions-or-dates",
        "iraqi-calls-after-us-strikes-or-domestic-politics",
        "us-troops-or-whole-coalition-to-leave",
    } <= framing
    syria = sides[sides["tension_id"] == "us-troops-in-syria-about-900-or-900"]
    assert set(syria["quote"]) == {"about 900 in Syria", "an additional 900 in Syria"}


def test_croissant_and_datapackage_describe_both_tables() -> None:
    root = release_root()
    croissant = json.loads((root / "croissant.json").read_text(encoding="utf-8"))
    record_sets = {record["@id"]: record for record in croissant["recordSet"]}
    assert record_sets["tension_sides"]["key"] == [
        {"@id": f"tension_sides/{name}"} for name in ("tension_id", "side", "source_id", "char_start")
    ]
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(item for item in descriptor["resources"] if item["name"] == "tension_sides")
    targets = {key["reference"]["resource"] for key in resource["schema"]["foreignKeys"]}
    assert targets == {"tensions", "sources", "claims"}
