"""The drafting rules on sentences of the kind the coding rules name, and the scores on the five articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from test_build_support import REAL, copy_dataset

from usiraq.cli import main
from usiraq.draft.actors import Registry, guess_type
from usiraq.draft.article import Article, Draft, day_published, draft_article
from usiraq.draft.candidates import Claim, DateExpression, Figure, UncodedNumber
from usiraq.draft.score import cue_right, score


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load(REAL)


def _draft(registry: Registry, text: str) -> Draft:
    return draft_article(Article("test", text, day_published(dt.date(2024, 1, 9))), registry)


def _figures(draft: Draft) -> list[tuple[str, int, int | None, int | None, str | None, str]]:
    return [
        (c.number_text, c.value, c.value_low, c.value_high, c.qualifier, c.counted)
        for c in draft.candidates
        if isinstance(c, Figure)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("There are roughly 2,500 US troops in Iraq.", [("2,500", 2500, None, None, "roughly", "personnel")]),
        ("Militias attacked US forces more than 120 times.", [("120", 120, 120, None, "more than", "attacks")]),
        ("At least 97 rockets hit the base.", [("97", 97, 97, None, "At least", "attacks")]),
        (
            "During a drone attack, three service-members were wounded, one critically.",
            [("three", 3, None, None, None, "wounded"), ("one", 1, None, None, None, "critically_wounded")],
        ),
        (
            "About 2,500 troops are in Iraq and about 900 in Syria.",
            [("2,500", 2500, None, None, "About", "personnel"), ("900", 900, None, None, "about", "personnel")],
        ),
        (
            "Up to three hundred and fifty advisers remain.",
            [("three hundred and fifty", 350, None, 350, "Up to", "personnel")],
        ),
        ("Two US officials said the troops were spread over three bases.", [("three", 3, None, None, None, "bases")]),
        ("Three people were killed in the strike.", [("Three", 3, None, None, None, "killed")]),
        (
            "Two members of parliament and some 3,000 service members.",
            [("3,000", 3000, None, None, "some", "personnel")],
        ),
        ("A strike led to the death of a senior militia commander.", [("a", 1, None, None, None, "killed")]),
        ("An American contractor was wounded near the base.", [("An", 1, None, None, None, "wounded")]),
        ("The rocket hit a fuel depot, killing an Iraqi soldier.", [("an", 1, None, None, None, "killed")]),
        ("A drone attack hit a base near a village.", []),
    ],
)
def test_figures_have_value_bounds_and_qualifier(registry: Registry, sentence: str, expected: list) -> None:
    assert _figures(_draft(registry, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "number", "reason"),
    [
        ("Two US officials spoke.", "Two", "not_about_forces"),
        ("He seeks a second term.", "second", "ordinal"),
        ("The plan runs for ten years.", "ten", "duration"),
        ("See photo_393253.jpg for details.", "393253", "url_or_file_name"),
    ],
)
def test_other_numbers_are_uncoded_with_a_reason(registry: Registry, sentence: str, number: str, reason: str) -> None:
    found = [(c.text, c.reason) for c in _draft(registry, sentence).candidates if isinstance(c, UncodedNumber)]
    assert found == [(number, reason)]


def test_dates_are_resolved_by_the_builders_rules_and_lookalikes_skipped(registry: Registry) -> None:
    text = "Officials met on Monday and may meet again in March. Troops fall back. The talks resume next week."
    draft = _draft(registry, text)
    dates = [(c.text, c.start, c.end, c.direction) for c in draft.candidates if isinstance(c, DateExpression)]
    assert dates == [
        ("on Monday", dt.date(2024, 1, 8), dt.date(2024, 1, 8), "past"),
        ("in March", dt.date(2024, 3, 1), dt.date(2024, 3, 31), "future"),
        ("next week", dt.date(2024, 1, 15), dt.date(2024, 1, 21), "past"),
    ]
    vague = [c for c in _draft(registry, "Talks will start soon.").candidates if isinstance(c, DateExpression)]
    assert vague[0].start is None
    assert "no definite interval" in (vague[0].problem or "")
    planned = [c for c in _draft(registry, "Iraq intends to expel them in September.").candidates if c.KIND == "date"]
    assert [(c.start, c.direction) for c in planned] == [(dt.date(2024, 9, 1), "future")]


CLAIMS = [
    (
        "Lloyd Austin said the talks would go on.",
        ("Lloyd Austin", "lloyd-austin", "said", "reported_speech", "planned"),
    ),
    (
        "The talks will go on, according to the Pentagon.",
        ("the Pentagon", "us-department-of-defense", "according to", "reported_speech", "planned"),
    ),
    ("US officials said the troops might stay.", ("US officials", None, "said", "anonymous", "possible")),
    (
        "The State Department declined to comment.",
        (
            "The State Department",
            "us-department-of-state",
            "declined to comment",
            "reported_speech",
            "declined_to_comment",
        ),
    ),
    ("“We will stay,” Austin said.", ("Austin", "lloyd-austin", "said", "direct_quote", "planned")),
    ("“We will stay,” said Lloyd Austin.", ("Lloyd Austin", "lloyd-austin", "said", "direct_quote", "planned")),
    (
        "The troops will stay, said a senior US defence official.",
        ("a senior US defence official", None, "said", "anonymous", "planned"),
    ),
    (
        "Pat Ryder, a Pentagon spokesperson, has not responded.",
        ("Pat Ryder, a Pentagon spokesperson", "pat-ryder", "has not responded", "reported_speech", "did_not_respond"),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CLAIMS)
def test_claims_have_speaker_cue_kind_and_modality(registry: Registry, sentence: str, expected: tuple) -> None:
    claims = [c for c in _draft(registry, sentence).candidates if isinstance(c, Claim)]
    assert [(c.speaker_as_written, c.speaker_actor_id, c.cue, c.attribution_kind, c.modality) for c in claims] == [
        expected
    ]


def test_passives_and_nouns_are_not_cues(registry: Registry) -> None:
    text = (
        "The shift was announced in 2021. The views expressed here are the author's. His statement was brief. "
        "Nobody wanted to say more."
    )
    assert [c for c in _draft(registry, text).candidates if isinstance(c, Claim)] == []


def test_a_metonym_after_a_place_preposition_is_flagged_and_types_are_guessed(registry: Registry) -> None:
    draft = _draft(registry, "Officials met in Baghdad. Baghdad rejected the plan.")
    assert [c.not_mention_reason is not None for c in draft.of_kind("actor_mention")] == [True, False]
    assert guess_type("Ministry of Oil") == "government_body"
    assert guess_type("Falcon Brigades") == "armed_group"


def test_cues_match_as_whole_words() -> None:
    assert cue_right("declined to", "declined to provide")
    assert cue_right("According to", "according to")
    assert not cue_right("said", "saidso")


def test_the_five_articles_drafted_as_new_meet_the_targets() -> None:
    tallies = score(REAL)
    assert tallies["figure"].recall >= 0.95, tallies["figure"].missed
    assert tallies["figure"].precision >= 0.90, tallies["figure"].wrong
    assert tallies["actor_mention"].recall >= 0.95, tallies["actor_mention"].missed
    assert tallies["actor_mention"].precision >= 0.90, tallies["actor_mention"].wrong
    assert tallies["date"].recall >= 0.90, tallies["date"].missed
    assert tallies["claim"].recall >= 0.85, tallies["claim"].missed
    assert tallies["claim"].precision >= 0.80, tallies["claim"].wrong


def test_coverage_runs_on_the_five_articles() -> None:
    result = CliRunner().invoke(main, ["coverage", "--root", str(REAL)])
    assert result.exit_code == 0, result.output
    summaries = [line for line in result.output.splitlines() if not line.startswith("  ")]
    assert [line.split(":")[0] for line in summaries] == sorted(p.stem for p in (REAL / "sources").glob("*.txt"))
    assert all("sentences with a claim" in line for line in summaries)
    work = [line for line in result.output.splitlines() if line.startswith("  ")]
    assert all(line.strip().split(":")[1].isdigit() for line in work)
    one = CliRunner().invoke(main, ["coverage", "003_ab9f14d1c7684910", "--root", str(REAL)])
    assert one.exit_code == 0
    assert one.output.startswith("003_ab9f14d1c7684910: ")
    unknown = CliRunner().invoke(main, ["coverage", "nope", "--root", str(REAL)])
    assert unknown.exit_code == 2
    assert "unknown source id 'nope'" in unknown.output


def test_coverage_lists_a_number_whose_uncoded_entry_is_removed(tmp_path: Path) -> None:
    root = copy_dataset(REAL, tmp_path / "dataset")
    path = next(
        p for p in sorted((root / "annotations").glob("*.yaml")) if yaml.safe_load(p.read_text())["uncoded_numbers"]
    )
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    removed = data["uncoded_numbers"].pop()
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(main, ["coverage", path.stem, "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert "0 number(s) neither coded" not in result.output
    text = (root / "sources" / f"{path.stem}.txt").read_text(encoding="utf-8")
    line = text[: text.index(removed["quote"])].count("\n") + 1
    assert f"{path.stem}.txt:{line}: number " in result.output
