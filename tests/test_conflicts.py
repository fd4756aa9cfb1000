"""Contradictions and differences between articles, checked against the articles."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from click.testing import CliRunner

import usiraq
from usiraq.cli import main
from usiraq.compare import COLUMNS, KINDS, conflicts


@pytest.fixture(scope="module")
def found() -> pd.DataFrame:
    return conflicts()


def test_columns_and_kinds(found: pd.DataFrame) -> None:
    assert list(found.columns) == COLUMNS
    assert set(found["kind"]) <= set(KINDS)
    assert (found["source_id_a"] != found["source_id_b"]).all()


def test_every_side_is_verbatim_evidence(found: pd.DataFrame) -> None:
    texts = {source: usiraq.source_text(source) for source in usiraq.load("sources")["source_id"]}
    for _, row in found.iterrows():
        for side in ("a", "b"):
            text = texts[row[f"source_id_{side}"]]
            assert text[row[f"char_start_{side}"] : row[f"char_end_{side}"]] == row[f"quote_{side}"]


def _pairs(found: pd.DataFrame, kind: str, subject: str) -> set[tuple[str, str]]:
    rows = found[(found["kind"] == kind) & (found["subject"] == subject)]
    return {(a[:3], b[:3]) for a, b in zip(rows["source_id_a"], rows["source_id_b"], strict=True)}


def test_september_deadline_contradiction(found: pd.DataFrame) -> None:
    # 000: "intends to expel American military from its territory in September";
    # 002: withdrawals only commence in September 2024, the mission ends by September 2025.
    assert ("000", "002") in _pairs(found, "contradiction", "iraq-wants-all-us-forces-out-by-september-2024")


def test_withdrawal_negotiation_contradiction(found: pd.DataFrame) -> None:
    # 001: the talks will focus on whether and when to end the presence;
    # 003: a senior US defence official said they would not be a negotiation on withdrawal.
    rows = found[(found["kind"] == "contradiction") & (found["subject"] == "talks-are-about-us-withdrawal")]
    assert "would not be a negotiation on the withdrawal" in " ".join(rows["quote_b"])


def test_review_start_is_qualified(found: pd.DataFrame) -> None:
    # 000: the review began in August 2023; 002: it was initiated by an April meeting.
    rows = found[(found["kind"] == "qualification") & (found["subject"] == "joint-review-began-august-2023")]
    assert any("August 2023" in quote for quote in rows["quote_a"])
    assert any("April meeting" in quote for quote in rows["quote_b"])


def test_syria_figure_hedging_difference(found: pd.DataFrame) -> None:
    rows = found[found["kind"] == "figure"]
    syria = rows[rows["subject"] == "personnel of us-armed-forces in SYR"]
    assert set(syria["value_a"]) | set(syria["value_b"]) == {"about 900", "900"}


def test_no_figure_difference_where_all_agree(found: pd.DataFrame) -> None:
    # Every article gives about 2,500 US troops in Iraq, each with a hedge.
    assert found[found["subject"] == "personnel of us-armed-forces in IRQ"].empty


def test_cli_lists_and_exports() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["conflicts", "--kind", "contradiction"])
    assert result.exit_code == 0, result.output
    assert "iraq-wants-all-us-forces-out-by-september-2024" in result.output
    assert result.output.strip().endswith("conflicts")
    csv = runner.invoke(main, ["conflicts", "--kind", "figure", "--csv"])
    assert csv.exit_code == 0
    frame = pd.read_csv(io.StringIO(csv.output))
    assert list(frame.columns) == COLUMNS
    assert set(frame["kind"]) == {"figure"}


def test_conflicts_are_one_call_away_in_python_and_sql(found: pd.DataFrame) -> None:
    assert usiraq.conflicts().equals(found)
    rows = usiraq.connect().sql("SELECT kind, count(*) FROM conflicts GROUP BY kind ORDER BY kind").fetchall()
    assert dict(rows) == found["kind"].value_counts().to_dict()
