"""Marking up an article: overlapping and crossing spans are nested, none is lost or altered."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from usiraq.web.spans import Span, mark_up


class Texts(HTMLParser):
    """What a browser shows: the whole text, and each span's text (its fragments joined in order)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text = ""
        self.spans: dict[str, str] = {}
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "mark"
        found = dict(attrs)
        self.open.append(str(found["data-span"]))
        if "id" in found:
            self.ids.append(str(found["id"]))

    def handle_endtag(self, tag: str) -> None:
        assert tag == "mark"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        for anchor in self.open:
            self.spans[anchor] = self.spans.get(anchor, "") + data


def read(html: str) -> Texts:
    parser = Texts()
    parser.feed(html)
    parser.close()
    assert parser.open == []
    return parser


def span(start: int, end: int, name: str, kind: str = "claims") -> Span:
    return Span(start, end, kind, name, f"/rows/{name}", f"a <{name}> & co")


def test_crossing_spans_are_split_into_nested_fragments() -> None:
    text = "The US & Iraq said 2,500 troops stay."
    spans = [span(4, 13, "actors"), span(9, 31, "claim"), span(19, 31, "figure", "force_figures")]
    html = mark_up(text, spans)
    parsed = read(html)
    assert parsed.text == text
    assert parsed.spans == {s.anchor: text[s.start : s.end] for s in spans}
    assert sorted(parsed.ids) == ["actors", "claim", "figure"]
    assert html.count('data-part="more"') == 1  # the claim starts inside the actors' span and goes on after it
    assert "&amp;" in html
    assert 'title="a &lt;claim&gt; &amp; co"' in html


def test_spans_that_start_together_open_longest_first() -> None:
    html = mark_up("abcdef", [span(0, 2, "short"), span(0, 6, "long")])
    assert html.index('data-span="long"') < html.index('data-span="short"')
    assert 'data-part="more"' not in html


@pytest.mark.parametrize("bad", [(3, 3), (-1, 2), (2, 99)])
def test_a_span_outside_the_text_is_refused(bad: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="outside the text"):
        mark_up("abcdef", [span(*bad, "bad")])


@st.composite
def texts_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(st.text(alphabet="ab <&>\"'\n\u00a0é", min_size=1, max_size=40))
    bounds = st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))).filter(lambda p: p[0] < p[1])
    pairs = draw(st.lists(bounds, max_size=12))
    kinds = ("claims", "actor_mentions", "force_figures", "event_mentions")
    return text, [span(a, b, f"s{i}", kinds[i % 4]) for i, (a, b) in enumerate(pairs)]


@given(texts_and_spans())
def test_every_span_keeps_exactly_its_text(case: tuple[str, list[Span]]) -> None:
    text, spans = case
    parsed = read(mark_up(text, spans))
    assert parsed.text == text
    assert parsed.spans == {s.anchor: text[s.start : s.end] for s in spans}
    assert sorted(parsed.ids) == sorted(s.anchor for s in spans)
