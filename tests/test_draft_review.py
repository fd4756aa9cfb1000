"""Draft, review and build, end to end, on an invented article written for these tests."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from test_build_support import LOCATION, REAL, copy_dataset
from usiraq.builders.errors import BuildError
from usiraq.validation.validate import validate_package

from usiraq.cli import main
from usiraq.release.build import build

ARTICLE = Path(__file__).parent / "fixtures" / "draft" / "invented_article.txt"
SOURCE_ID = "invented-article"


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A copy of the real dataset with the invented article added to sources/ and sources.yaml."""
    root = copy_dataset(REAL, tmp_path / "dataset")
    (root / "sources" / f"{SOURCE_ID}.txt").write_bytes(ARTICLE.read_bytes())
    entry = {
        "source_id": SOURCE_ID,
        "file_name": f"{SOURCE_ID}.txt",
        "sha256": hashlib.sha256(ARTICLE.read_bytes()).hexdigest(),
        "headline": "Pentagon: no timetable yet for leaving Iraq",
        "published": {"start": "2024-02-02", "end": "2024-02-02", "precision": "day", "basis": "stated"},
    }
    sources = root / "sources.yaml"
    text = sources.read_text(encoding="utf-8").rstrip("\n") + "\n"
    text += yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, indent=2).replace("\n", "\n  ").rstrip(" ")
    sources.write_text(text.replace("\n- source_id: invented", "\n  - source_id: invented", 1), encoding="utf-8")
    return root


def _draft(root: Path) -> Path:
    result = CliRunner().invoke(
        main, ["draft", str(ARTICLE), "--published", "2024-02-02", "--source-id", SOURCE_ID, "--root", str(root)]
    )
    assert result.exit_code == 0, result.output
    return root / "annotations" / f"{SOURCE_ID}.yaml"


def _accept(root: Path, draft: Path) -> None:
    """What a coder does: remove every marker, add the events and the new actor to the registry."""
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    events = root / "registry" / "events.yaml"
    new_events = []
    for kind in ("claims", "figures", "event_mentions", "not_mentions", "uncoded_numbers"):
        for entry in data[kind]:
            assert entry.pop("suggested") is True
    for mention in data["event_mentions"]:
        new_events.append(
            {"event_id": mention["event_id"], "event_type": "statement", "summary": f"Invented: {mention['quote']}"}
        )
    names = root / "registry" / "non_actor_names.yaml"
    actors = root / "registry" / "actors.yaml"
    for actor in data.pop("new_actors"):
        if actor["actor_type"] == "armed_group":
            entry = {"actor_id": "falcon-brigades", "name": actor["name"], "actor_type": "armed_group"}
            entry |= {
                "description": "Invented for the tests.",
                "aliases": [{"alias": actor["name"], "alias_kind": "name"}],
            }
            actors.write_text(actors.read_text(encoding="utf-8") + _items([entry]), encoding="utf-8")
        else:
            names.write_text(names.read_text(encoding="utf-8") + _items([actor["name"]]), encoding="utf-8")
    events.write_text(events.read_text(encoding="utf-8") + _items(new_events), encoding="utf-8")
    draft.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")


def _items(items: list[object]) -> str:
    text = yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=10_000)
    return "".join(f"  {line}\n" for line in text.splitlines())


def test_the_build_refuses_the_draft_then_builds_and_validates_once_it_is_reviewed(dataset: Path) -> None:
    draft = _draft(dataset)
    lines = draft.read_text(encoding="utf-8").splitlines()
    marked = {n for n, line in enumerate(lines, 1) if line.strip().removeprefix("- ") == "suggested: true"}
    assert len(marked) >= 20

    with pytest.raises(BuildError) as refused:
        build(dataset, dataset / "release")
    places = {(problem.file.name, problem.line) for problem in refused.value.problems}
    assert {line for name, line in places if name == draft.name} == marked
    assert all(name == draft.name for name, _ in places)
    assert any("suggested new actor 'Falcon Brigades'" in problem.message for problem in refused.value.problems)

    _accept(dataset, draft)
    result = build(dataset, dataset / "release")
    assert result.rows["sources"] == 6
    report = validate_package(result.out)
    assert report.valid, [(check.code, check.errors[:2]) for check in report.failed()]
    figures = (dataset / "release" / "csv" / "force_figures.csv").read_text(encoding="utf-8")
    assert re.search(
        r"invented-article-figure-\d,invented-article,,critically_wounded,service members,four,4,", figures
    )


def test_the_build_names_the_file_and_line_of_a_marker_left_in_a_coded_article(tmp_path: Path) -> None:
    root = copy_dataset(REAL, tmp_path / "dataset")
    path = root / "annotations" / "003_ab9f14d1c7684910.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("\nfigures:\n  - figure_id:", "\nfigures:\n  - suggested: true\n    figure_id:", 1),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 1
    problems = [line for line in result.stderr.splitlines() if LOCATION.match(line)]
    assert len(problems) == 1
    expected_line = path.read_text(encoding="utf-8").splitlines().index("  - suggested: true") + 1
    assert problems[0].startswith(f"{path.as_posix()}:{expected_line}: figures[0].suggested: a suggestion")
