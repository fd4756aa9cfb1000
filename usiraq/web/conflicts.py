"""The conflicts page, ``/-/conflicts``: the two sides of each disagreement side by side, in context.

Two sources of disagreement, both shown when the database has them: the
conflicts :func:`usiraq.compare.conflicts` finds between articles
(contradictions and qualifications of a proposition, differing attributions,
figures and dates), and the hand-coded ``tensions`` with their
``tension_sides``, when the database has those tables.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from usiraq.web.evidence import anchor, article_url, row_at, schema

CONTEXT = 160
"""Characters of article text shown on each side of a quote."""

SIDE_TABLES = {
    "contradiction": "claims",
    "qualification": "claims",
    "attribution": "claims",
    "figure": "force_figures",
    "date": "event_mentions",
}
"""The table whose rows :func:`usiraq.compare.conflicts` pairs, for each of its kinds."""

_CACHE: dict[str, list[dict[str, Any]]] = {}


async def conflicts_page(request: Any, datasette: Any) -> Any:
    """Every conflict and tension, or those of one kind (``?kind=``)."""
    from datasette.utils.asgi import Response

    items = await _items(datasette)
    kind = request.args.get("kind") or ""
    counts = Counter(item["kind"] for item in items)
    context = {
        "items": [item for item in items if not kind or item["kind"] == kind],
        "kinds": sorted(counts.items()),
        "kind": kind,
        "total": len(items),
    }
    return Response.html(await datasette.render_template("usiraq_conflicts.html", context, request=request))


async def warm_conflicts(datasette: Any) -> None:
    """Build the page's items now, so that the first request finds them ready."""
    await _items(datasette)


async def _items(datasette: Any) -> list[dict[str, Any]]:
    """All items of the page, built once per database (it is immutable)."""
    name = datasette.get_database().path
    if name not in _CACHE:
        texts = await _texts(datasette)
        items = [await _conflict(datasette, row, texts) for row in await _compared(datasette)]
        items += await _tensions(datasette, texts)
        _CACHE[name] = items
    return _CACHE[name]


async def _texts(datasette: Any) -> dict[str, str]:
    rows = (await datasette.get_database().execute("select source_id, text from sources")).rows
    return {row["source_id"]: row["text"] for row in rows}


async def _compared(datasette: Any) -> list[dict[str, Any]]:
    """The rows of :func:`usiraq.compare.conflicts`, computed on the served database's tables."""
    from usiraq.compare import SOURCE_TABLES, conflicts

    def compute(connection: Any) -> list[dict[str, Any]]:
        import pandas as pd

        tables = {name: pd.read_sql_query(f'select * from "{name}"', connection) for name in SOURCE_TABLES}
        return conflicts(tables).to_dict("records")

    return await datasette.get_database().execute_fn(compute)


async def _conflict(datasette: Any, row: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    table = SIDE_TABLES[row["kind"]]
    sides = []
    for side in ("a", "b"):
        source, start, end = row[f"source_id_{side}"], int(row[f"char_start_{side}"]), int(row[f"char_end_{side}"])
        evidence = await _evidence(datasette, texts, table, source, start, end)
        value = row[f"value_{side}"]
        sides.append({"label": side.upper(), "source_id": source, "value": value, "evidence": [evidence]})
    return {
        "id": f"{row['kind']}-{row['subject']}-{row['row_id_a']}-{row['row_id_b']}",
        "kind": row["kind"],
        "subject": row["subject"],
        "description": row["description"],
        "sides": sides,
    }


async def _evidence(
    datasette: Any, texts: dict[str, str], table: str, source: str, start: int, end: int, claim: str | None = None
) -> dict[str, Any]:
    """A quote in its context, with links to its place in the article and to its row."""
    text = texts.get(source, "")
    path = await row_at(datasette, table, source, start, end)
    db = datasette.get_database().name
    links = [("in the article", article_url(source, anchor(table, path) if path else None))]
    if path:
        links.append((f"{table} row", datasette.urls.row(db, table, path)))
    if claim:
        links.append(("its claim", datasette.urls.row(db, "claims", claim)))
    return {
        "before": text[max(0, start - CONTEXT) : start],
        "quote": text[start:end],
        "after": text[end : end + CONTEXT],
        "article_url": links[0][1],
        "links": links,
    }


async def _tensions(datasette: Any, texts: dict[str, str]) -> list[dict[str, Any]]:
    """The hand-coded tensions, when the database has them, each with its sides' evidence."""
    info = await schema(datasette)
    if "tensions" not in info.tables or "tension_sides" not in info.tables:
        return []
    db = datasette.get_database()
    tensions = (await db.execute("select * from tensions order by tension_id")).rows
    sides = (await db.execute("select * from tension_sides order by tension_id, side, source_id, char_start")).rows
    items = []
    for tension in tensions:
        by_side: dict[str, list[Any]] = {}
        for row in sides:
            if row["tension_id"] == tension["tension_id"]:
                by_side.setdefault(row["side"], []).append(row)
        shown = []
        for side, rows in sorted(by_side.items()):
            evidence = [
                await _evidence(
                    datasette, texts, "tension_sides", r["source_id"], r["char_start"], r["char_end"], r["claim_id"]
                )
                for r in rows
            ]
            sources = ", ".join(sorted({r["source_id"] for r in rows}))
            shown.append({"label": side.upper(), "source_id": sources, "value": "", "evidence": evidence})
        description = " ".join(part for part in (tension["summary"], tension["note"]) if part)
        items.append(
            {
                "id": f"tension-{tension['tension_id']}",
                "kind": f"tension: {tension['kind']}",
                "subject": f"{tension['tension_id']} ({tension['scope']})",
                "description": description,
                "sides": shown,
            }
        )
    return items
