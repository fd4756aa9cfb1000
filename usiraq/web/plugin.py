"""The Datasette plugin: the reader, conflicts and search pages, and links from rows back to their articles."""

from __future__ import annotations

from html import escape
from typing import Any

from datasette.utils import tilde_encode
from pluggy import HookimplMarker

from usiraq.web.articles import article, article_index
from usiraq.web.conflicts import conflicts_page, warm_conflicts
from usiraq.web.evidence import anchor, article_url, loaded_schema, plain, row_path, row_place, schema
from usiraq.web.search import search_page

STATIC_MOUNT = "usiraq-static"
PREVIEW = 300
"""Characters of an article's text shown in its cell before the link to the reader."""

hookimpl = HookimplMarker("datasette")
"""Datasette's own marker (``datasette.hookimpl`` is this), through pluggy, which is typed."""


@hookimpl
def register_routes(datasette: Any) -> list[tuple[str, Any]]:
    """The pages of our own: the article list and reader, the conflicts and the search."""
    return [
        (r"^/-/articles$", article_index),
        (r"^/-/articles/(?P<source_id>[^/]+)$", article),
        (r"^/-/conflicts$", conflicts_page),
        (r"^/-/search$", search_page),
    ]


@hookimpl
def startup(datasette: Any) -> Any:
    """Read the database's tables and work out the conflicts before the first request (it is immutable)."""

    async def warm() -> None:
        await schema(datasette)
        await warm_conflicts(datasette)

    return warm


@hookimpl
def extra_template_vars(view_name: str, table: str | None, request: Any, datasette: Any) -> Any:
    """On a row page, the link to the row's place in its article (shown by templates/row.html)."""
    if view_name != "row" or table is None or request is None:
        return {}

    async def place() -> dict[str, Any]:
        return {"usiraq_place": await row_place(datasette, table, request.url_vars.get("pks"))}

    return place


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    """The reader's stylesheet, served from the package."""
    return [f"/{STATIC_MOUNT}/usiraq.css"]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    """Links to the pages of our own in Datasette's menu."""
    return [
        {"href": "/-/articles", "label": "Articles"},
        {"href": "/-/conflicts", "label": "Where the articles disagree"},
        {"href": "/-/search", "label": "Search everything"},
    ]


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    """Links from a row: its quote to its place in the article, its foreign keys to their rows (on row pages)."""
    if table is None or not isinstance(value, str):
        return None
    info = loaded_schema(datasette)
    if info is not None:  # read at startup: the common case, without a coroutine per cell
        return _cell(info, row, value, column, table, database, datasette)

    async def rendered() -> Any:
        return _cell(await schema(datasette), row, value, column, table, database, datasette)

    return rendered


def _cell(info: Any, row: Any, value: str, column: str, table: str, database: str, datasette: Any) -> Any:
    if column == "text" and table == "sources":
        return _article_cell(row, value)
    if column == "quote" and table in info.evidence:
        return _quote_cell(row, value, info.evidence[table])
    other = info.links.get(table, {}).get(column)
    if other is not None:  # a table page has linked it already, handing the value over as a dict
        return _link(datasette.urls.row(database, other, tilde_encode(value)), value)
    return None


def _link(url: str, text: str, title: str = "", css: str = "") -> Any:
    from markupsafe import Markup

    title = f' title="{escape(title)}"' if title else ""
    css = f' class="{css}"' if css else ""
    return Markup(f'<a{css} href="{escape(url)}"{title}>{escape(text)}</a>')


def _article_cell(row: Any, value: str) -> Any:
    from markupsafe import Markup

    more = "…" if len(value) > PREVIEW else ""
    read = _link(article_url(plain(row["source_id"])), "Read it with every coded span marked", css="usiraq-read")
    return Markup(f"{read}<br>{escape(value[:PREVIEW])}{more}")


def _quote_cell(row: Any, value: str, table: Any) -> Any:
    try:
        url = article_url(plain(row["source_id"]), anchor(table.name, row_path(row, table)))
    except (IndexError, KeyError):  # a page that hides the key or source_id columns
        return None
    return _link(url, value, "its place in the article", "usiraq-quote")
