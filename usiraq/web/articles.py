"""The article reader: ``/-/articles`` lists the articles, ``/-/articles/<source_id>`` marks one up."""

from __future__ import annotations

from collections import Counter
from typing import Any

from usiraq.web.evidence import article_spans, schema
from usiraq.web.spans import mark_up


async def kind_titles(datasette: Any, kinds: list[str]) -> dict[str, str]:
    """Each evidence table's title from the metadata (its name where the metadata has none)."""
    db = datasette.get_database().name
    return {kind: datasette.metadata("title", database=db, table=kind, fallback=False) or kind for kind in kinds}


async def article_index(request: Any, datasette: Any) -> Any:
    """Every article with its outlet, date, headline and the number of coded spans of each kind."""
    from datasette.utils.asgi import Response

    info = await schema(datasette)
    db = datasette.get_database()
    counts: dict[str, Counter[str]] = {}
    for table in info.evidence:
        sql = f'select source_id, count(*) as n from "{table}" group by source_id'
        for row in (await db.execute(sql)).rows:
            counts.setdefault(row["source_id"], Counter())[table] = row["n"]
    sources = (
        await db.execute("select source_id, outlet, headline, published_start from sources order by source_id")
    ).rows
    context = {
        "sources": [dict(row) for row in sources],
        "counts": counts,
        "kinds": await kind_titles(datasette, list(info.evidence)),
        "database": db.name,
    }
    return Response.html(await datasette.render_template("usiraq_articles.html", context, request=request))


async def article(request: Any, datasette: Any) -> Any:
    """One article's full text with every coded span marked, a legend with filters, and the spans listed."""
    from datasette.utils.asgi import NotFound, Response
    from markupsafe import Markup

    source_id = request.url_vars["source_id"]
    db = datasette.get_database()
    rows = (await db.execute("select * from sources where source_id = :s", {"s": source_id})).rows
    if not rows:
        raise NotFound(f"no article {source_id}")
    source = dict(rows[0])
    spans = await article_spans(datasette, source_id)
    found = Counter(span.kind for span in spans)
    titles = await kind_titles(datasette, list((await schema(datasette)).evidence))
    context = {
        "source": source,
        "marked": Markup(mark_up(source["text"], spans)),
        "spans": [
            {"span": span, "quote": source["text"][span.start : span.end], "kind_title": titles[span.kind]}
            for span in spans
        ],
        "kinds": [(kind, title, found.get(kind, 0)) for kind, title in titles.items()],
        "database": db.name,
        "source_url": datasette.urls.row(db.name, "sources", _path(source_id)),
    }
    return Response.html(await datasette.render_template("usiraq_article.html", context, request=request))


def _path(value: str) -> str:
    from datasette.utils import tilde_encode

    return str(tilde_encode(value))
