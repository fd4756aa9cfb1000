"""The figures drawn from the release, and the committed copies shown in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from usiraq.cli import main

PNG = b"\x89PNG\r\n\x1a\n"
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("figure", ["timeline", "figures"])
def test_plot_writes_a_png(figure: str, tmp_path: Path) -> None:
    out = tmp_path / f"{figure}.png"
    result = CliRunner().invoke(main, ["plot", figure, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(PNG)
    assert out.stat().st_size > 20_000


@pytest.mark.parametrize("name", ["timeline.png", "figures.png"])
def test_committed_images_are_shown_in_the_readme(name: str) -> None:
    assert (ROOT / "docs" / "img" / name).read_bytes().startswith(PNG)
    assert f"docs/img/{name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_timeline_counts_dated_and_undated_events() -> None:
    from usiraq import plots
    from usiraq.loader import load

    events = load("events")
    figure = plots.timeline(events)
    title = figure.axes[0].get_title()
    dated = int(events["date_start"].notna().sum())
    assert f"{dated} dated, {len(events) - dated} undated" in title
    labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert len(labels) == dated
