"""The synthetic corpus of the benchmarks: it builds, validates clean, and is the same for the same seed."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
import yaml
from fixtures.bench import bench_module
from usiraq.validation.validate import validate_package

from usiraq.release.build import build

synthetic = bench_module("synthetic")


@pytest.fixture(scope="module", params=[5, 20])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.generate(tmp_path_factory.mktemp(f"corpus{request.param}"), request.param, seed=7)


def test_corpus_builds_without_warnings_and_validates_clean(corpus: Path) -> None:
    result = build(corpus, corpus / "release")
    assert result.warnings == []
    count = len(list((corpus / "sources").glob("*.txt")))
    assert result.rows["sources"] == count
    for table in ("claims", "force_figures", "event_mentions", "uncoded_numbers", "source_flags", "claim_propositions"):
        assert result.rows[table] >= count, table
    report = validate_package(result.out)
    assert report.valid, [(check.code, check.table, check.errors[:2]) for check in report.failed()]


def test_quotes_are_unique_in_their_article(corpus: Path) -> None:
    for path in (corpus / "annotations").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = (corpus / "sources" / f"{data['source_id']}.txt").read_text(encoding="utf-8")
        for kind in ("claims", "figures", "event_mentions", "uncoded_numbers"):
            for entry in data[kind]:
                assert "occurrence" in entry or text.count(entry["quote"]) == 1, (path.name, entry["quote"])


def test_same_seed_same_bytes_other_seed_other_corpus(tmp_path: Path) -> None:
    first = synthetic.generate(tmp_path / "a", 5, seed=1)
    again = synthetic.generate(tmp_path / "b", 5, seed=1)
    other = synthetic.generate(tmp_path / "c", 5, seed=2)
    for folder in ("sources", "annotations", "registry"):
        names = sorted(path.name for path in (first / folder).iterdir())
        match, mismatch, errors = filecmp.cmpfiles(first / folder, again / folder, names, shallow=False)
        assert mismatch == [] and errors == [] and match == names
    assert (first / "sources.yaml").read_bytes() == (again / "sources.yaml").read_bytes()
    assert (first / "sources.yaml").read_bytes() != (other / "sources.yaml").read_bytes()


def test_registry_grows_with_the_corpus() -> None:
    registry = bench_module("synth_registry")
    small, large = registry.make_registry(10, 0), registry.make_registry(1000, 0)
    for name in ("persons", "events", "propositions"):
        assert len(getattr(large, name)) > 5 * len(getattr(small, name)), name
    assert len({person.short for person in large.persons}) == len(large.persons)
