"""A summary of a data package: versions, tables with their row counts, and how to cite it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Summary:
    """What ``usiraq info`` prints."""

    package_version: str
    data_version: str
    rows: dict[str, int]
    citation: str


def summary(path: str | Path | None = None) -> Summary:
    """The summary of the package at ``path`` (by default the shipped release).

    Row counts come from the Parquet files' metadata, so no table is read.
    """
    import pyarrow.parquet as pq

    from usiraq.citation import cite
    from usiraq.loader import parquet_file, tables
    from usiraq.validation.package import open_package
    from usiraq.version import data_version

    descriptor = open_package(path).descriptor
    rows = {name: pq.ParquetFile(parquet_file(name, path)).metadata.num_rows for name in tables()}
    return Summary(data_version(), str(descriptor.get("version", "unknown")), rows, cite("apa"))


def render_summary(info: Summary) -> str:
    """The summary as text, one table a line."""
    width = max(len(name) for name in info.rows)
    lines = [f"usiraq {info.package_version} (data version {info.data_version})", "", "tables (rows):"]
    lines += [f"  {name:<{width}}  {count:>6}" for name, count in info.rows.items()]
    lines += ["", "cite as:", f"  {info.citation}"]
    return "\n".join(lines)
