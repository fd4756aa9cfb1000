"""The Datasette plugin: the reader, conflicts and search pages, and links from rows back to their articles."""

from __future__ import annotations

from html import escape
from typing import Any

from datasette import hookimpl

from usiraq.web.articles import article, article_index
from usiraq.web.conflicts import conflicts_page, warm_conflicts
from usiraq.web.evidence import anchor, article_url, plain, row_path, schema
from usiraq.web.search import search_page

STATIC_MOUNT = "usiraq-static"
PREVIEW = 300
"""Characters of an article's text shown in its cell before the link to the reader."""


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
    """Work out the conflicts before the first request (the database is immutable, so once is enough)."""

    async def warm() -> None:
        await warm_conflicts(datasette)

    return warm


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
    """An evidence row's quote links to its place in the article; an article's text links to the reader."""
    if table is None or column not in ("quote", "text") or not isinstance(value, str):
        return None

    async def link() -> Any:
        from markupsafe import Markup

        info = await schema(datasette)
        if column == "text" and table == "sources":
            url = article_url(plain(row["source_id"]))
            more = "…" if len(value) > PREVIEW else ""
            return Markup(
                f'<a class="usiraq-read" href="{escape(url)}">Read it with every coded span marked</a><br>'
                f"{escape(value[:PREVIEW])}{more}"
            )
        if column == "quote" and table in info.evidence:
            try:
                url = article_url(plain(row["source_id"]), anchor(table, row_path(row, info.evidence[table])))
            except (IndexError, KeyError):  # a page that hides the key or source_id columns
                return None
            title = "its place in the article"
            return Markup(f'<a class="usiraq-quote" href="{escape(url)}" title="{title}">{escape(value)}</a>')
        return None

    return link
