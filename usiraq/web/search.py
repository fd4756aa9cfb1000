"""Search everything, ``/-/search?q=``: one full-text query over every searchable table at once.

Each table's own page searches that table (Datasette's ``_search``); this page
runs the same FTS5 query over all of them and links every hit to its row and,
for evidence, to its place in the article.
"""

from __future__ import annotations

from html import escape
from typing import Any

from usiraq.web.evidence import anchor, article_url, row_path, schema

LIMIT = 20
"""Hits shown per table; the table's own search page has the rest."""


async def search_page(request: Any, datasette: Any) -> Any:
    """The search form and, for ``q``, the hits of every searchable table."""
    from datasette.utils.asgi import Response

    q = (request.args.get("q") or "").strip()
    groups = await _groups(datasette, q) if q else []
    context = {"q": q, "groups": groups, "total": sum(len(group["rows"]) for group in groups)}
    return Response.html(await datasette.render_template("usiraq_search.html", context, request=request))


async def _groups(datasette: Any, q: str) -> list[dict[str, Any]]:
    from datasette.utils import escape_fts

    info = await schema(datasette)
    db = datasette.get_database()
    groups = []
    for name, fts in info.searchable.items():
        table = info.tables[name]
        evidence = ", t.source_id as _source, t.char_start as _start" if name in info.evidence else ""
        sql = (
            f"with hits as (select rowid, rank, snippet(\"{fts}\", -1, char(2), char(3), '…', 16) as _snippet "
            f'from "{fts}" where "{fts}" match :q order by rank limit {LIMIT + 1}) '
            f"select {', '.join(f't.{c}' for c in table.key_sql.split(', '))}{evidence}, hits._snippet "
            f'from hits join "{name}" t on t.rowid = hits.rowid order by hits.rank, t.rowid'
        )
        rows = (await db.execute(sql, {"q": escape_fts(q)})).rows
        if rows:
            groups.append(_group(datasette, db.name, name, table, rows, q))
    return groups


def _group(datasette: Any, database: str, name: str, table: Any, rows: list[Any], q: str) -> dict[str, Any]:
    from urllib.parse import urlencode

    from markupsafe import Markup

    hits = []
    for row in rows[:LIMIT]:
        path = row_path(row, table)
        snippet = escape(row["_snippet"] or "").replace("\x02", "<mark>").replace("\x03", "</mark>")
        keys = row.keys()
        hits.append(
            {
                "path": path,
                "row_url": datasette.urls.row(database, name, path),
                "snippet": Markup(snippet),
                "article_url": article_url(row["_source"], anchor(name, path)) if "_source" in keys else None,
            }
        )
    title = datasette.metadata("title", database=database, table=name, fallback=False) or name
    table_url = datasette.urls.table(database, name) + "?" + urlencode({"_search": q})
    return {"title": title, "table_url": table_url, "rows": hits, "more": len(rows) > LIMIT}
