"""The conflicts page, ``/-/conflicts``: the two sides of each disagreement side by side, in context.

The rows are those of :func:`usiraq.compare.conflicts`, in its rank order
(contradictions and tensions first): by default the conflicts only, with
``?all=1`` also what is not a conflict (differences of precision,
qualifications, attribution differences). A hand-coded tension is shown with
every span of each side (from ``tension_sides``), not only the first.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from usiraq.web.evidence import anchor, article_url, row_at, row_path, schema

CONTEXT = 160
"""Characters of article text shown on each side of a quote."""

SIDE_TABLES = ("claims", "force_figures", "event_mentions")
"""The tables whose rows :func:`usiraq.compare.conflicts` pairs, besides the tensions' sides."""

_CACHE: dict[str, list[dict[str, Any]]] = {}


async def conflicts_page(request: Any, datasette: Any) -> Any:
    """Every conflict and tension, or those of one kind (``?kind=``)."""
    from datasette.utils.asgi import Response

    everything = bool(request.args.get("all"))
    items = [item for item in await _items(datasette) if everything or item["by_default"]]
    kind = request.args.get("kind") or ""
    counts = Counter(item["kind"] for item in items)
    context = {
        "items": [item for item in items if not kind or item["kind"] == kind],
        "kinds": [(name, counts[name]) for name in dict.fromkeys(item["kind"] for item in items)],
        "kind": kind,
        "total": len(items),
        "all": everything,
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
        tensions = await _tensions(datasette, texts)
        compared = [row for row in await _compared(datasette) if row["subject"] not in tensions]
        items = [await _conflict(datasette, row, texts) for row in compared] + list(tensions.values())
        _CACHE[name] = sorted(items, key=lambda item: (item["rank"], item["subject"]))
    return _CACHE[name]


async def _texts(datasette: Any) -> dict[str, str]:
    rows = (await datasette.get_database().execute("select source_id, text from sources")).rows
    return {row["source_id"]: row["text"] for row in rows}


async def _compared(datasette: Any) -> list[dict[str, Any]]:
    """The rows of :func:`usiraq.compare.conflicts`, computed on the served database's tables."""
    from usiraq.compare import SOURCE_TABLES, conflicts

    def compute(connection: Any) -> list[dict[str, Any]]:
        import pandas as pd

        from usiraq.schema import model_for

        present = {row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")}
        tables = {
            name: pd.read_sql_query(f'select * from "{name}"', connection)
            if name in present
            else pd.DataFrame(columns=list(model_for(name).model_fields))  # a release from before the table
            for name in SOURCE_TABLES
        }
        return [
            {str(column): value for column, value in row.items()}
            for row in conflicts(tables, all=True).to_dict("records")
        ]

    rows: list[dict[str, Any]] = await datasette.get_database().execute_fn(compute)
    return rows


async def _conflict(datasette: Any, row: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    sides = []
    for side in ("a", "b"):
        source, start, end = row[f"source_id_{side}"], int(row[f"char_start_{side}"]), int(row[f"char_end_{side}"])
        table = await _table_at(datasette, source, start, end)
        evidence = await _evidence(datasette, texts, table, source, start, end)
        value = row[f"value_{side}"]
        sides.append({"label": side.upper(), "source_id": source, "value": value, "evidence": [evidence]})
    return {
        "id": f"{row['kind']}-{row['subject']}-{row['row_id_a']}-{row['row_id_b']}",
        "kind": row["kind"],
        "rank": int(row["rank"]),
        "by_default": bool(row["shown_by_default"]),
        "subject": row["subject"],
        "description": row["description"],
        "sides": sides,
    }


async def _table_at(datasette: Any, source: str, start: int, end: int) -> str:
    """The first of :data:`SIDE_TABLES` with a row at this span (the first one when none has)."""
    for table in SIDE_TABLES:
        if await row_at(datasette, table, source, start, end):
            return table
    return SIDE_TABLES[0]


async def _evidence(
    datasette: Any,
    texts: dict[str, str],
    table: str,
    source: str,
    start: int,
    end: int,
    claim: str | None = None,
    path: str | None = None,
) -> dict[str, Any]:
    """A quote in its context, with links to its place in the article and to its row (found by span unless given)."""
    text = texts.get(source, "")
    path = path or await row_at(datasette, table, source, start, end)
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


async def _tensions(datasette: Any, texts: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The hand-coded tensions by id, when the database has them, each with every span of its sides."""
    from usiraq.compare import KINDS

    info = await schema(datasette)
    if "tensions" not in info.tables or "tension_sides" not in info.tables:
        return {}
    db = datasette.get_database()
    tensions = (await db.execute("select * from tensions order by tension_id")).rows
    sides = (await db.execute("select * from tension_sides order by tension_id, side, source_id, char_start")).rows
    items = {}
    for tension in tensions:
        by_side: dict[str, list[Any]] = {}
        for row in sides:
            if row["tension_id"] == tension["tension_id"]:
                by_side.setdefault(row["side"], []).append(row)
        shown = []
        for side, rows in sorted(by_side.items()):
            evidence = [
                await _evidence(
                    datasette,
                    texts,
                    "tension_sides",
                    r["source_id"],
                    r["char_start"],
                    r["char_end"],
                    r["claim_id"],
                    row_path(r, info.evidence["tension_sides"]),
                )
                for r in rows
            ]
            sources = ", ".join(sorted({r["source_id"] for r in rows}))
            shown.append({"label": side.upper(), "source_id": sources, "value": "", "evidence": evidence})
        description = " ".join(part for part in (tension["summary"], tension["note"]) if part)
        kind = str(tension["kind"])
        known = kind in KINDS
        items[tension["tension_id"]] = {
            "id": f"tension-{tension['tension_id']}",
            "kind": kind,
            "rank": list(KINDS).index(kind) + 1 if known else len(KINDS) + 1,
            "by_default": KINDS[kind].by_default if known else True,
            "subject": f"{tension['tension_id']} ({tension['scope']})",
            "description": description,
            "sides": shown,
        }
    return items
