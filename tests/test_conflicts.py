"""Conflicts inside and between articles, most serious first, checked against the articles."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from click.testing import CliRunner
from usiraq.schema.enums import TensionKind

import usiraq
from usiraq.cli import main
from usiraq.compare import COLUMNS, KINDS, SOURCE_TABLES, conflicts, figure_bounds


@pytest.fixture(scope="module")
def found() -> pd.DataFrame:
    return conflicts()


@pytest.fixture(scope="module")
def everything() -> pd.DataFrame:
    return conflicts(all=True)


def test_columns_and_kinds(everything: pd.DataFrame) -> None:
    assert list(everything.columns) == COLUMNS
    assert set(everything["kind"]) <= set(KINDS)
    assert set(TensionKind.values()) <= set(KINDS)
    between = everything[everything["scope"] == "between_articles"]
    assert (between["source_id_a"] != between["source_id_b"]).any()
    within = everything[everything["scope"] == "within_article"]
    assert (within["source_id_a"] == within["source_id_b"]).all()


def test_every_side_is_verbatim_evidence(everything: pd.DataFrame) -> None:
    texts = {source: usiraq.source_text(source) for source in usiraq.load("sources")["source_id"]}
    for _, row in everything.iterrows():
        for side in ("a", "b"):
            text = texts[row[f"source_id_{side}"]]
            assert text[row[f"char_start_{side}"] : row[f"char_end_{side}"]] == row[f"quote_{side}"]


def test_default_lists_only_conflicts_ranked_by_kind(found: pd.DataFrame, everything: pd.DataFrame) -> None:
    assert found["shown_by_default"].all()
    assert set(found["kind"]) == {kind for kind, spec in KINDS.items() if spec.by_default} & set(everything["kind"])
    assert list(found["rank"]) == sorted(found["rank"])
    assert found["kind"].iloc[0] == "contradiction"
    assert not {"qualification", "attribution", "precision_difference"} & set(found["kind"])
    assert len(found) <= 30  # a screen or two, against 94 rows before tensions and ranking
    assert len(everything) > len(found)


def test_every_tension_is_a_row(everything: pd.DataFrame) -> None:
    tensions = usiraq.load("tensions")
    rows = everything[everything["subject"].isin(tensions["tension_id"])]
    assert sorted(rows["subject"]) == sorted(tensions["tension_id"])
    kinds = dict(zip(tensions["tension_id"], tensions["kind"].astype(str), strict=True))
    assert all(kinds[subject] == kind for subject, kind in zip(rows["subject"], rows["kind"], strict=True))


def test_september_deadline_contradiction(found: pd.DataFrame) -> None:
    # 000: "intends to expel American military from its territory in September";
    # 002: withdrawals only commence in September 2024, the mission ends by September 2025.
    row = found[found["subject"] == "september-expulsion-or-drawdown-to-2025"].iloc[0]
    assert row["kind"] == "contradiction"
    assert (row["source_id_a"][:3], row["source_id_b"][:3]) == ("000", "002")


def test_withdrawal_negotiation_is_a_framing_difference_told_once(found: pd.DataFrame) -> None:
    # 001: the talks focus on whether and when to end the presence; 003: a senior US defence
    # official says they are not a negotiation on withdrawal. The claim pair is the tension's.
    rows = found[found["subject"] == "talks-negotiation-on-withdrawal-or-transition"]
    assert list(rows["kind"]) == ["framing_difference"]
    assert found[found["subject"] == "talks-are-about-us-withdrawal"].empty
    sides = usiraq.load("tension_sides")
    mine = sides[sides["tension_id"] == "talks-negotiation-on-withdrawal-or-transition"]
    assert any("would not be a negotiation on the withdrawal" in quote for quote in mine["quote"])


def test_inconsistencies_inside_one_article(found: pd.DataFrame) -> None:
    within = found[found["scope"] == "within_article"]
    assert set(within["kind"]) == {"internal_inconsistency"}
    bases = within[within["subject"] == "000-presence-in-baghdad-or-three-bases"].iloc[0]
    assert bases["quote_a"] == "the current US advisory force presence in Baghdad"
    assert "three major bases" in bases["quote_b"]


def test_syria_900_is_not_a_conflict(found: pd.DataFrame, everything: pd.DataFrame) -> None:
    # 003 "about 900 in Syria", 004 "an additional 900 in Syria": one value, bounds that agree.
    assert not found["quote_a"].str.contains("900 in Syria").any()
    assert not found["quote_b"].str.contains("900 in Syria").any()
    syria = everything[everything["quote_a"].str.contains("900 in Syria")]
    assert list(syria["kind"]) == ["precision_difference"]


def test_figures_conflict_only_when_their_bounds_exclude_each_other() -> None:
    def figure(value: int, low: int | None = None, high: int | None = None) -> dict[str, int | None]:
        return {"value": value, "value_low": low, "value_high": high}

    assert figure_bounds(figure(900)) == (900, 900)
    assert figure_bounds(figure(120, low=120)) == (120, float("inf"))
    assert figure_bounds(figure(10, high=10)) == (0, 10)
    assert figure_bounds(figure(2500, 2000, 3000)) == (2000, 3000)


def test_review_start_is_a_contradiction_and_qualifications_need_all(
    found: pd.DataFrame, everything: pd.DataFrame
) -> None:
    # 000: the review began in August 2023; 002: an April meeting (April 2024) initiated it.
    rows = everything[everything["subject"] == "review-began-august-2023-or-after-april-meeting"]
    assert list(rows["kind"]) == ["contradiction"]
    assert "qualification" in set(everything["kind"]) and "qualification" not in set(found["kind"])


def test_cli_lists_the_default_view_and_all() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["conflicts"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("[contradiction] ")
    assert "[qualification]" not in result.output
    assert lines[-1].endswith("--all adds differences that are not conflicts")
    assert len(lines) <= 100
    wider = runner.invoke(main, ["conflicts", "--all"])
    assert "[qualification]" in wider.output and "[precision_difference]" in wider.output


def test_cli_kind_and_csv() -> None:
    runner = CliRunner()
    csv = runner.invoke(main, ["conflicts", "--kind", "qualification", "--csv"])
    assert csv.exit_code == 0
    frame = pd.read_csv(io.StringIO(csv.output))
    assert list(frame.columns) == COLUMNS
    assert set(frame["kind"]) == {"qualification"}


def test_conflicts_are_one_call_away_in_python_and_sql(found: pd.DataFrame, everything: pd.DataFrame) -> None:
    assert usiraq.conflicts().equals(found)
    rows = usiraq.connect().sql("SELECT kind, count(*) FROM conflicts GROUP BY kind ORDER BY kind").fetchall()
    assert dict(rows) == everything["kind"].value_counts().to_dict()
    shown = usiraq.connect().sql("SELECT count(*) FROM conflicts WHERE shown_by_default").fetchall()
    assert shown == [(len(found),)]


def test_tables_without_rows_give_an_empty_list() -> None:
    empty = {name: usiraq.load(name).iloc[0:0] for name in SOURCE_TABLES}
    for show_all in (False, True):
        frame = conflicts(empty, all=show_all)
        assert list(frame.columns) == COLUMNS and frame.empty
