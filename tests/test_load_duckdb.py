"""usiraq.connect(): an in-memory DuckDB database with a view per table."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fixtures.validation import mutate
from usiraq.dataset import release_root
from usiraq.schema import TABLE_NAMES
from usiraq.validation.package import PackageError

import usiraq
from usiraq.sql import EXTRA_HINT

RELEASE = Path(str(release_root()))


def test_every_view_answers_a_query() -> None:
    connection = usiraq.connect()
    for name in TABLE_NAMES:
        rows = connection.sql(f'SELECT count(*) FROM "{name}"').fetchall()
        assert rows == [(pq.ParquetFile(RELEASE / "parquet" / f"{name}.parquet").metadata.num_rows,)], name
        columns = [column for column, *_ in connection.sql(f'DESCRIBE "{name}"').fetchall()]
        assert columns == usiraq.load(name, format="arrow").column_names, name


def test_views_join_by_key() -> None:
    rows = (
        usiraq.connect()
        .sql(
            "SELECT s.source_id, count(c.claim_id) FROM sources s LEFT JOIN claims c USING (source_id) "
            "GROUP BY 1 ORDER BY 1"
        )
        .fetchall()
    )
    counts = usiraq.load("claims")["source_id"].value_counts()
    assert sum(count for _, count in rows) == counts.sum()
    assert [source for source, _ in rows] == sorted(usiraq.load("sources")["source_id"])


def test_connect_to_a_copy(tmp_path: Path) -> None:
    copy = tmp_path / "it's a copy"
    shutil.copytree(RELEASE, copy)
    table = pq.read_table(copy / "parquet" / "claims.parquet").slice(0, 2)
    pq.write_table(table, copy / "parquet" / "claims.parquet")
    with pytest.raises(PackageError, match="not the one the package declares"):
        usiraq.connect(copy)
    mutate.restamp(copy)
    assert usiraq.connect(copy).sql("SELECT count(*) FROM claims").fetchall() == [(2,)]


def test_missing_duckdb_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(ImportError, match=r"usiraq\[duckdb\]") as caught:
        usiraq.connect()
    assert str(caught.value) == EXTRA_HINT
