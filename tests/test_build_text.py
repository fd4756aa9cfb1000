"""Quotes found exactly in the articles, aliases matched as whole words, YAML read with lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from test_build_support import FIXTURE, REAL, copy_dataset, edit
from usiraq.builders.errors import BuildError, InputError
from usiraq.builders.inputs import load, load_inputs, validate
from usiraq.builders.mentions import find_aliases, unmatched_names
from usiraq.builders.messages import error_messages
from usiraq.builders.quotes import describe_differences, resolve
from usiraq.builders.yamlload import format_loc, load_yaml
from usiraq.schema.inputs import AnnotationFile, Selector

NBSP_ARTICLE = REAL / "sources" / "001_4347aecd19218ae7.txt"
CURLY_ARTICLE = REAL / "sources" / "003_ab9f14d1c7684910.txt"


@pytest.fixture(scope="module")
def nbsp_text() -> str:
    return NBSP_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def curly_text() -> str:
    return CURLY_ARTICLE.read_text(encoding="utf-8")


# -- quotes --------------------------------------------------------------------


def test_a_quote_with_its_no_break_spaces_is_found(nbsp_text: str) -> None:
    quote = "The US and Iraq are\u00a0expected to soon begin\u00a0talks"
    span = resolve(nbsp_text, Selector(quote=quote))
    assert nbsp_text[span.start : span.end] == quote


def test_a_quote_with_plain_spaces_names_the_no_break_space(nbsp_text: str) -> None:
    with pytest.raises(InputError) as caught:
        resolve(nbsp_text, Selector(quote="The US and Iraq are expected to soon begin talks"))
    message = str(caught.value)
    assert "not found in the article" in message
    assert "Closest passage (char 162, line 9)" in message
    assert "the article has a no-break space (U+00A0) where the quote has a space (U+0020)" in message


def test_straight_quotes_and_dots_name_the_curly_marks_and_ellipsis(curly_text: str) -> None:
    quote = 'result in the creation of "a specific and clear timeline... and to begin'
    with pytest.raises(InputError) as caught:
        resolve(curly_text, Selector(quote=quote))
    message = str(caught.value)
    assert "a left double quotation mark “ (U+201C) where the quote has a straight double quote" in message
    assert "an ellipsis … (U+2026)" in message


def test_a_changed_word_is_shown_whole() -> None:
    assert describe_differences("the next phase of", "the next stage of") == (
        "The article has 'phase' where the quote has 'stage'."
    )


def test_nothing_close_says_so(curly_text: str) -> None:
    with pytest.raises(InputError, match="nor anything close"):
        resolve(curly_text, Selector(quote="zebra crossings quickly multiply"))


def test_an_ambiguous_quote_lists_its_offsets(curly_text: str) -> None:
    with pytest.raises(InputError) as caught:
        resolve(curly_text, Selector(quote="the coalition"))
    message = str(caught.value)
    assert "occurs 2 times (at chars 503, 1013)" in message
    assert "`occurrence:`" in message and "`prefix:`" in message


def test_occurrence_and_prefix_pick_one(curly_text: str) -> None:
    second = resolve(curly_text, Selector(quote="the coalition", occurrence=2))
    assert second.start == 1013
    by_prefix = resolve(curly_text, Selector(quote="the coalition", prefix="has demanded that "))
    assert by_prefix.start == 503
    assert resolve(curly_text, Selector(quote="the coalition", prefix="has demanded that")).start == 503


def test_a_prefix_that_fits_no_occurrence_is_an_error(curly_text: str) -> None:
    with pytest.raises(InputError, match="is not just before any of the 2 occurrence"):
        resolve(curly_text, Selector(quote="the coalition", prefix="nowhere"))


def test_an_occurrence_beyond_the_count_is_an_error(curly_text: str) -> None:
    with pytest.raises(InputError, match="occurs only 2 time"):
        resolve(curly_text, Selector(quote="the coalition", occurrence=3))


# -- aliases -------------------------------------------------------------------


def test_aliases_are_whole_words_longest_first_without_overlap() -> None:
    text = "The U.S.-led coalition, Iraqi officials and Iraq; the US military and the US."
    found = [(m.alias, m.start) for m in find_aliases(text, ["U.S.", "US", "US military", "Iraq", "military"])]
    assert found == [("U.S.", 4), ("Iraq", 44), ("US military", 54), ("US", 74)]


def test_alias_matching_is_case_sensitive() -> None:
    assert find_aliases("the pentagon and the Pentagon", ["Pentagon"])[0].start == 21


def test_capitalised_names_without_alias_are_reported() -> None:
    text = "Talks began; Defense Minister Thabet al-Abbasi met Pat Ryder in Washington on Monday."
    matches = find_aliases(text, ["Pat Ryder"])
    names = [n.name for n in unmatched_names("x", text, matches, ["Washington"])]
    assert names == ["Defense Minister Thabet"]


def test_titles_with_abbreviations_and_connectors_are_one_name() -> None:
    text = "said Secretary of Defence Lloyd Austin and Maj. Gen. Pat Ryder."
    names = [n.name for n in unmatched_names("x", text, [], [])]
    assert names == ["Secretary of Defence Lloyd Austin", "Maj. Gen. Pat Ryder"]


# -- YAML with lines -------------------------------------------------------------


def test_every_node_has_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "source_id: a\nclaims:\n  - claim_id: c1\n    quote: x\n  - claim_id: c2\n    modality: maybe\n",
        encoding="utf-8",
    )
    doc = load_yaml(path)
    assert doc.line(("claims", 1, "modality")) == 6
    assert doc.line(("claims", 1, "missing_key")) == 5
    assert doc.line(("claims", 2)) == doc.line(("claims", -1)) == doc.line(("claims", "id")) == 3
    assert doc.line(("source", 0)) == doc.line(("nothing",)) == doc.line(()) == 1
    assert format_loc(("claims", 1, "modality")) == "claims[1].modality"
    kept = doc.without_data()
    assert kept.data is None
    assert kept.line(("claims", 1, "modality")) == 6


def test_dates_stay_as_written(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("as_written: 2024-01-25\n", encoding="utf-8")
    assert load_yaml(path).data == {"as_written": "2024-01-25"}


def test_a_repeated_key_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("source_id: a\nsource_id: b\n", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        load_yaml(path)
    assert caught.value.problems[0].line == 2
    assert "repeated key" in caught.value.problems[0].message


def test_a_bad_enum_value_is_one_line_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "source_id: a\nclaims:\n  - claim_id: c1\n    quote: x\n    attribution_kind: unattributed\n"
        "    modality: maybe\n    topic: talks\n    content: x\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError) as caught:
        load(path, AnnotationFile)
    (problem,) = caught.value.problems
    assert problem.line == 6
    assert problem.message.startswith("claims[0].modality: 'maybe' is not one of asserted, expected, intended,")


def test_an_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("source_id: a\nclaims:\n  - claim_id: c1\n    quote: x\n    modalty: asserted\n", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        validate(load_yaml(path), AnnotationFile)
    messages = {p.message for p in caught.value.problems}
    assert any(m.startswith("claims[0].modalty: unknown key; did you mean 'modality'?") for m in messages)
    assert "claims[0].modality: required, but missing" in messages


def test_a_number_where_text_is_due_asks_for_quotes() -> None:
    with pytest.raises(ValidationError) as caught:
        Selector.model_validate({"quote": 2014})
    ((_, message),) = error_messages(caught.value, Selector)
    assert message == "quote: YAML read 2014 as a int; write it in quotes to keep it as text"


OLD_KEYS = [
    ("sources.yaml", "  - source_id: fx1_focus", "  - id: fx1_focus", "sources[0].id", "source_id"),
    ("sources.yaml", "related_source_id", "related_source", "sources[1].flags[0].related_source", "related_source_id"),
    ("registry/actors.yaml", "actor_type: state", "type: state", "actors[0].type", "actor_type"),
    ("registry/actors.yaml", "alias_kind: abb", "kind: abb", "actors[0].aliases[0].kind", "alias_kind"),
    ("registry/tensions.yaml", "  - tension_id: fx2-no", "  - id: fx2-no", "tensions[0].id", "tension_id"),
    ("registry/tensions.yaml", "claim_id: fx2-ryder-", "claim: fx2-ryder-", "tensions[0].b[0].claim", "claim_id"),
    ("annotations/fx2_icaro.yaml", "speaker_actor_id: pat", "speaker: pat", "claims[0].speaker", "speaker_actor_id"),
    ("annotations/fx2_icaro.yaml", "force_actor_id: us", "force: us", "figures[0].force", "force_actor_id"),
]
"""Keys as written for 0.2.0: (file, new text, old text, where, the new name the message must give)."""


@pytest.mark.parametrize(("name", "new", "old", "where", "key"), OLD_KEYS)
def test_a_key_written_for_0_2_0_is_told_its_new_name(
    name: str, new: str, old: str, where: str, key: str, tmp_path: Path
) -> None:
    root = copy_dataset(FIXTURE, tmp_path / "dataset")
    edit(root / name, new, old)
    with pytest.raises(BuildError) as caught:
        load_inputs(root)
    messages = [problem.message for problem in caught.value.problems]
    assert any(message.startswith(f"{where}: unknown key; did you mean {key!r}?") for message in messages), messages
