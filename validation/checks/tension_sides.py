"""``tension-sides``: every tension has evidence on both sides, from as many articles as its scope says.

A tension ``within_article`` quotes one article on both sides; one
``between_articles`` quotes at least two. A tension with no span on side
``a`` or ``b`` (or with no span at all) sets nothing against anything.
"""

from __future__ import annotations

from collections.abc import Iterator

from usiraq.validation.checks.base import Check
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables

_QUERY = """
SELECT t._row, t.tension_id, t.scope,
       count(s.tension_id) FILTER (WHERE s.side = 'a') AS spans_a,
       count(s.tension_id) FILTER (WHERE s.side = 'b') AS spans_b,
       count(DISTINCT s.source_id) AS articles
FROM {tensions} t LEFT JOIN {tension_sides} s USING (tension_id)
GROUP BY t._row, t.tension_id, t.scope
ORDER BY t._row
"""


def sides_error(scope: str | None, spans_a: int, spans_b: int, articles: int) -> str | None:
    """Why a tension with these counts of spans and articles is unsound, or ``None``.

    Example:
        >>> sides_error("within_article", 1, 0, 1)
        'no evidence on side b'
        >>> sides_error("between_articles", 1, 1, 1) is not None
        True

    """
    missing = [side for side, count in (("a", spans_a), ("b", spans_b)) if count == 0]
    if missing:
        return f"no evidence on side {' or '.join(missing)}"
    if scope == "within_article" and articles != 1:
        return f"scope within_article, but its sides quote {articles} articles"
    if scope == "between_articles" and articles < 2:
        return "scope between_articles, but both sides quote one article"
    return None


def run(tables: Tables) -> Iterator[Finding]:
    """Count each tension's spans per side and its articles in one grouped join."""
    for number, tension_id, scope, spans_a, spans_b, articles in tables.query(_QUERY):
        message = sides_error(scope, spans_a, spans_b, articles)
        if message:
            yield Finding("tensions", f"{tension_id}: {message}", number, "scope")


CHECK = Check(
    code="tension-sides",
    description=(
        "Every tension has evidence on side a and side b, from one article if it is within_article "
        "and from two or more if it is between_articles."
    ),
    error="{tension_id}: no evidence on side {side} / scope {scope}, but its sides quote {n} articles",
    tables=("tensions",),
    run=run,
)
