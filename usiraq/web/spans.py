"""Mark up an article's text with every coded span, overlapping spans nested, none lost.

HTML elements must nest, but coded spans may cross (a claim that ends inside
an actor mention). :func:`mark_up` walks the text from boundary to boundary,
keeps a stack of open ``<mark>`` elements, and where a span ends below others
still open it closes them, closes the span and reopens them: a span is then
drawn as several fragments, each with the span's ``data-span``, whose texts
together are exactly the span's text. The first fragment carries the span's
``id``, the anchor the row pages link to.

Example:
    >>> text = "Austin said troops stay"
    >>> spans = [Span(0, 23, "claims", "claims-a", "/c/a", ""), Span(0, 6, "actor_mentions", "m-0", "/m/0", "")]
    >>> print(mark_up(text, spans))  # doctest: +NORMALIZE_WHITESPACE
    <mark class="span k-claims" data-kind="claims" data-span="claims-a" data-href="/c/a" id="claims-a"><mark
    class="span k-actor_mentions" data-kind="actor_mentions" data-span="m-0" data-href="/m/0" id="m-0">Austin</mark>
    said troops stay</mark>

"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Span:
    """One coded span: its offsets, the table it comes from, its anchor, its row's URL and a tooltip."""

    start: int
    end: int
    kind: str
    anchor: str
    href: str
    title: str


def mark_up(text: str, spans: list[Span]) -> str:
    """The article's text as HTML, every span a ``<mark>`` (or several, where spans cross).

    Spans that start together open longest first; spans are otherwise kept in
    the order given, so the same spans always give the same HTML.

    Raises:
        ValueError: if a span is empty or lies outside the text.

    """
    for span in spans:
        if not 0 <= span.start < span.end <= len(text):
            raise ValueError(f"span {span.anchor} [{span.start}:{span.end}] is empty or outside the text")
    order = {span.anchor: index for index, span in enumerate(spans)}
    starting: dict[int, list[Span]] = {}
    for span in spans:
        starting.setdefault(span.start, []).append(span)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    parts: list[str] = []
    stack: list[Span] = []
    opened: set[str] = set()
    for here, after in itertools.pairwise(cuts):
        reopen = _close(stack, here, parts)
        _open(sorted([*reopen, *starting.get(here, [])], key=lambda s: (-s.end, order[s.anchor])), stack, parts, opened)
        parts.append(escape(text[here:after], quote=False))
    _close(stack, len(text), parts)
    return "".join(parts)


def _close(stack: list[Span], here: int, parts: list[str]) -> list[Span]:
    """Close every span ending at ``here`` and those opened inside it; return the latter, to reopen."""
    ending = [index for index, span in enumerate(stack) if span.end == here]
    if not ending:
        return []
    closed = stack[ending[0] :]
    del stack[ending[0] :]
    parts.append("</mark>" * len(closed))
    return [span for span in closed if span.end > here]


def _open(spans: list[Span], stack: list[Span], parts: list[str], opened: set[str]) -> None:
    for span in spans:
        anchor = escape(span.anchor)
        attributes = f'class="span k-{escape(span.kind)}" data-kind="{escape(span.kind)}" data-span="{anchor}"'
        attributes += f' data-href="{escape(span.href)}"'
        if span.title:
            attributes += f' title="{escape(span.title)}"'
        attributes += ' data-part="more"' if span.anchor in opened else f' id="{anchor}"'
        opened.add(span.anchor)
        parts.append(f"<mark {attributes}>")
        stack.append(span)
