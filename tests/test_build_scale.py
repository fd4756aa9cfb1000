"""What keeps a large build fast changes nothing: the one-pattern alias matcher, the paused collector."""

from __future__ import annotations

import gc
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from usiraq.builders.build import cyclic_gc_paused
from usiraq.builders.mentions import AliasMatch, AliasMatcher

from usiraq.release.build import STEPS, build

FIXTURE = Path(__file__).parent / "fixtures" / "build"


def reference(text: str, aliases: list[str]) -> list[AliasMatch]:
    """The matcher's meaning, alias by alias: every whole-word occurrence, longest first, no overlaps."""
    candidates = []
    for alias in set(aliases):
        position = text.find(alias)
        while position >= 0:
            end = position + len(alias)
            before = text[position - 1] if position else ""
            after = text[end] if end < len(text) else ""
            if not (before.isalnum() or after.isalnum()):
                candidates.append(AliasMatch(position, end, alias))
            position = text.find(alias, position + 1)
    candidates.sort(key=lambda match: (-(match.end - match.start), match.start))
    taken, covered = [], set()
    for match in candidates:
        if not covered.intersection(range(match.start, match.end)):
            taken.append(match)
            covered.update(range(match.start, match.end))
    return sorted(taken, key=lambda match: match.start)


letters = st.sampled_from(list("ABab .-_’é1\u00a0ß"))
words = st.text(letters, min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(text=st.text(letters, max_size=60), aliases=st.lists(words, min_size=1, max_size=8))
def test_alias_matcher_finds_what_the_alias_by_alias_search_finds(text: str, aliases: list[str]) -> None:
    assert AliasMatcher(aliases).find(text) == reference(text, aliases)


def test_alias_matcher_on_overlapping_aliases() -> None:
    text = "A B C D and the US-led U.S. military; USA; US"
    aliases = ["A B", "B C D", "A", "US", "U.S.", "U.S. military", "US-led"]
    assert AliasMatcher(aliases).find(text) == reference(text, aliases)
    assert AliasMatcher([]).find(text) == []


def test_build_reports_each_step_and_restores_the_collector(tmp_path: Path) -> None:
    seen: list[str] = []
    assert gc.isenabled()
    build(FIXTURE, tmp_path / "release", progress=seen.append)
    assert seen == list(STEPS)
    assert gc.isenabled()
    gc.disable()
    try:
        with cyclic_gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
