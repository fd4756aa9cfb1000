"""What the web pages read from the database: evidence tables, their spans, anchors and row links.

An evidence table is any table with ``source_id``, ``quote``, ``char_start``
and ``char_end``: found in the database itself, so a table added later (such
as ``tension_sides``) is marked in the articles without a change here. A row's
anchor in its article is ``<table>-<primary key path>``, the same string the
reader gives its ``<mark>`` and the row pages link to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from usiraq.validation.sqltext import identifier, identifiers
from usiraq.web.spans import Span

EVIDENCE_COLUMNS = frozenset({"source_id", "quote", "char_start", "char_end"})
SPAN_LABELS: dict[str, str] = {
    "claims": "content",
    "force_figures": "counted_as_written",
    "actor_mentions": "actor_id",
    "event_mentions": "event_id",
    "source_flags": "description",
    "uncoded_numbers": "reason",
    "tension_sides": "tension_id",
}
"""The column whose value a span's tooltip shows, per evidence table."""


@dataclass(frozen=True)
class Table:
    """A table: its name, primary key columns (empty: rowid) and, for an evidence table, its tooltip column."""

    name: str
    pks: tuple[str, ...]
    label: str | None = None

    @property
    def key_columns(self) -> tuple[str, ...]:
        """The columns that identify a row: the primary key, or rowid."""
        return self.pks or ("rowid",)

    @property
    def key_sql(self) -> str:
        """The key columns, quoted for a select list."""
        return identifiers(self.key_columns)


@dataclass(frozen=True)
class Schema:
    """What the pages need to know of one database, read once (the database is immutable)."""

    database: str
    tables: dict[str, Table]
    evidence: dict[str, Table]
    searchable: dict[str, str]
    links: dict[str, dict[str, str]]


_SCHEMAS: dict[str, Schema] = {}


def loaded_schema(datasette: Any) -> Schema | None:
    """The :class:`Schema` of the served database if :func:`schema` has read it already."""
    return _SCHEMAS.get(datasette.get_database().path)


async def schema(datasette: Any) -> Schema:
    """The :class:`Schema` of the served database, read on first use."""
    db = datasette.get_database()
    if db.path not in _SCHEMAS:
        tables: dict[str, Table] = {}
        searchable: dict[str, str] = {}
        links: dict[str, dict[str, str]] = {}
        hidden = set(await db.hidden_table_names())
        for name in [name for name in await db.table_names() if name not in hidden]:
            columns = set(await db.table_columns(name))
            label = SPAN_LABELS.get(name)
            tables[name] = Table(name, tuple(await db.primary_keys(name)), label if label in columns else None)
            links[name] = {fk["column"]: fk["other_table"] for fk in await db.foreign_keys_for_table(name)}
            fts = await db.fts_table(name)
            if fts:
                searchable[name] = fts
        evidence = {name: tables[name] for name in tables if set(await db.table_columns(name)) >= EVIDENCE_COLUMNS}
        _SCHEMAS[db.path] = Schema(db.name, tables, evidence, searchable, links)
    return _SCHEMAS[db.path]


def plain(value: Any) -> Any:
    """A cell's value: Datasette hands a foreign key's cell over as ``{"value": ..., "label": ...}``."""
    return value["value"] if isinstance(value, dict) else value


def row_path(row: Any, table: Table) -> str:
    """The row's key as Datasette writes it in a URL (tilde-encoded, comma-joined)."""
    from datasette.utils import path_from_row_pks

    return str(path_from_row_pks(row, list(table.pks), not table.pks))


def anchor(table: str, path: str) -> str:
    """The ``id`` of a row's first ``<mark>`` in its article."""
    return f"{table}-{path}"


def article_url(source_id: str, anchor_id: str | None = None) -> str:
    """The reader page of an article, at a row's place in it when ``anchor_id`` is given."""
    from urllib.parse import quote

    url = f"/-/articles/{quote(source_id, safe='')}"
    return f"{url}#{anchor_id}" if anchor_id else url


async def article_spans(datasette: Any, source_id: str) -> list[Span]:
    """Every coded span of one article, from every evidence table, in a stable order."""
    info = await schema(datasette)
    db = datasette.get_database()
    spans: list[Span] = []
    for table in info.evidence.values():
        label = f', "{table.label}" as label' if table.label else ", null as label"
        sql = (
            f'select {table.key_sql}, char_start, char_end{label} from "{table.name}" '
            f"where source_id = :source order by char_start, char_end desc, {table.key_sql}"
        )
        for row in (await db.execute(sql, {"source": source_id})).rows:
            path = row_path(row, table)
            title = f"{table.name} {path}" + (f": {row['label']}" if row["label"] is not None else "")
            href = datasette.urls.row(db.name, table.name, path)
            spans.append(Span(row["char_start"], row["char_end"], table.name, anchor(table.name, path), href, title))
    return spans


async def row_at(datasette: Any, table: str, source_id: str, start: int, end: int) -> str | None:
    """The key path of the row of ``table`` whose evidence is ``[start:end]`` of ``source_id``, if there is one."""
    info = await schema(datasette)
    if table not in info.evidence:
        return None
    evidence = info.evidence[table]
    sql = f'select {evidence.key_sql} from "{table}" where source_id = :s and char_start = :a and char_end = :b limit 1'
    rows = (await datasette.get_database().execute(sql, {"s": source_id, "a": start, "b": end})).rows
    return row_path(rows[0], evidence) if rows else None


async def row_place(datasette: Any, table: str, pks: str | None) -> dict[str, str] | None:
    """For a row page: the link to the row's place in its article (or, for an article, to the reader)."""
    from datasette.utils import tilde_encode, urlsafe_components

    info = await schema(datasette)
    if not pks or (table != "sources" and table not in info.evidence):
        return None
    values = urlsafe_components(pks)
    if table == "sources":
        return {"url": article_url(values[0]), "label": "Read the article with every coded span marked"}
    evidence = info.evidence[table]
    if len(values) != len(evidence.key_columns):
        return None
    where = " and ".join(f"{identifier(column)} = ?" for column in evidence.key_columns)
    rows = (
        await datasette.get_database().execute(f"select source_id from {identifier(table)} where {where}", values)
    ).rows
    if not rows:
        return None
    place = anchor(table, ",".join(tilde_encode(str(value)) for value in values))
    return {"url": article_url(rows[0]["source_id"], place), "label": "See it in its place in the article"}
