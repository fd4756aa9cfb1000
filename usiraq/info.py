"""A summary of a data package: versions, the period its events cover, its articles, its tables, how to cite it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Article:
    """One article: its key, outlet, publication date as precise as the text allows, and its rows per table."""

    source_id: str
    outlet: str | None
    published: str
    rows: dict[str, int]


@dataclass(frozen=True)
class Period:
    """The dates the events cover: the earliest start, the latest end, how many events, how many undated."""

    start: str | None
    end: str | None
    events: int
    undated: int


@dataclass(frozen=True)
class Summary:
    """What ``usiraq info`` prints."""

    package_version: str
    data_version: str
    rows: dict[str, int]
    citation: str
    period: Period | None = None
    articles: tuple[Article, ...] = ()


def summary(path: str | Path | None = None) -> Summary:
    """The summary of the package at ``path`` (by default the shipped release).

    Row counts come from the Parquet files' metadata; the period and the
    articles read only the columns they need.
    """
    import pyarrow.parquet as pq

    from usiraq.citation import cite
    from usiraq.loader import parquet_file, tables
    from usiraq.schema.version import data_version
    from usiraq.validation.package import open_package

    descriptor = open_package(path).descriptor
    files = {name: parquet_file(name, path) for name in tables()}
    rows = {name: pq.ParquetFile(file).metadata.num_rows for name, file in files.items()}
    version = str(descriptor.get("version", "unknown"))
    return Summary(data_version(), version, rows, cite("apa"), event_period(files), articles(files))


def event_period(files: dict[str, Path]) -> Period | None:
    """The period the events table covers (``None`` if the package has no events table)."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    if "events" not in files:
        return None
    events = pq.read_table(files["events"], columns=["date_start", "date_end"])
    start, end = pc.min(events["date_start"]).as_py(), pc.max(events["date_end"]).as_py()
    undated = events["date_start"].null_count
    return Period(_iso(start), _iso(end), events.num_rows, undated)


def articles(files: dict[str, Path]) -> tuple[Article, ...]:
    """Every article of the sources table, with how many rows of each other table cite it."""
    import pyarrow.parquet as pq

    if "sources" not in files:
        return ()
    columns = ["source_id", "outlet", "published_start", "published_end", "published_precision"]
    sources = pq.read_table(files["sources"], columns=columns).to_pylist()
    counts: dict[str, dict[str, int]] = {row["source_id"]: {} for row in sources}
    for name, file in files.items():
        if name == "sources" or "source_id" not in pq.ParquetFile(file).schema_arrow.names:
            continue
        for source_id in pq.read_table(file, columns=["source_id"])["source_id"].to_pylist():
            if source_id in counts:
                counts[source_id][name] = counts[source_id].get(name, 0) + 1
    return tuple(Article(row["source_id"], row["outlet"], published(row), counts[row["source_id"]]) for row in sources)


def published(row: dict[str, Any]) -> str:
    """A publication date as precise as its precision: 2024-01-09, 2024-08, 2024, or a range."""
    start, end, precision = _iso(row["published_start"]), _iso(row["published_end"]), row["published_precision"]
    if start is None:
        return "undated"
    shown = {"day": start, "month": start[:7], "year": start[:4]}.get(str(precision))
    return shown if shown is not None else f"{start} to {end}"


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def render_summary(info: Summary) -> str:
    """The summary as text: versions, period, tables (one a line), articles (one a line), citation."""
    width = max(len(name) for name in info.rows)
    lines = [f"usiraq {info.package_version} (data version {info.data_version})", ""]
    if info.period is not None:
        lines += [_render_period(info.period), ""]
    lines += ["tables (rows):"]
    lines += [f"  {name:<{width}}  {count:>6}" for name, count in info.rows.items()]
    if info.articles:
        lines += ["", f"{_plural(len(info.articles), 'article')} (outlet, published; rows that cite it):"]
        lines += [_render_article(article) for article in info.articles]
    lines += ["", "cite as:", f"  {info.citation}"]
    return "\n".join(lines)


def _render_period(period: Period) -> str:
    dated = period.events - period.undated
    if period.start is None:
        return f"events: {_plural(period.events, 'event')}, none dated"
    undated = f", {period.undated} undated" if period.undated else ""
    return f"events: {period.start} to {period.end} ({_plural(dated, 'dated event')}{undated})"


def _render_article(article: Article) -> str:
    cited = ", ".join(f"{name} {count}" for name, count in article.rows.items()) or "no rows"
    return f"  {article.source_id}  {article.outlet or '(no outlet named)'}, {article.published}; {cited}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
