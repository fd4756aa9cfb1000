"""usiraq.sqlite: every table with its types, keys and full-text search, the same bytes from every build, in the zip."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import zipfile
from pathlib import Path

import pytest
from usiraq.schema import TABLES
from usiraq.schema.introspect import columns
from usiraq.schema.version import data_version
from usiraq.validation.package import PackageError

import usiraq
from usiraq.release.database import FILE_NAME, SEARCHABLE, build_sqlite
from usiraq.release.distribution import build_zip

SQL_TYPES = {"string": "TEXT", "enum": "TEXT", "date": "TEXT", "integer": "INTEGER", "boolean": "INTEGER"}


@pytest.fixture(scope="module")
def zipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The usiraq.sqlite of the release zip, as a user unpacks it."""
    made = build_zip(tmp_path_factory.mktemp("dist")).path
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(made) as archive:
        archive.extract(f"usiraq-data-{data_version()}/{FILE_NAME}", folder)
    return folder / f"usiraq-data-{data_version()}" / FILE_NAME


@pytest.fixture(scope="module")
def db(zipped: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"file:{zipped}?mode=ro", uri=True)
    yield connection
    connection.close()


def test_two_builds_give_the_same_bytes(tmp_path: Path, zipped: Path) -> None:
    (tmp_path / "a").mkdir()
    first = build_sqlite(tmp_path / "a" / FILE_NAME)
    second = build_sqlite(tmp_path / FILE_NAME)
    digests = {hashlib.sha256(path.read_bytes()).hexdigest() for path in (first, second, zipped)}
    assert len(digests) == 1
    assert not list(tmp_path.rglob("*.partial"))


@pytest.mark.parametrize("model", TABLES, ids=lambda model: model.table_name)
def test_every_table_with_its_rows(db: sqlite3.Connection, model) -> None:
    released = usiraq.load(model.table_name, format="arrow").to_pylist()
    names = [spec.name for spec in columns(model)]
    order = ", ".join(f'"{pk}"' for pk in model.primary_key)
    rows = db.execute(f'select {", ".join(names)} from "{model.table_name}" order by {order}').fetchall()
    assert len(rows) == len(released) > 0

    def stored(value):
        if isinstance(value, dt.date):
            return value.isoformat()
        return int(value) if isinstance(value, bool) else value

    expected = sorted(
        (tuple(stored(row[name]) for name in names) for row in released),
        key=lambda row: tuple(row[names.index(pk)] for pk in model.primary_key),
    )
    assert rows == expected


@pytest.mark.parametrize("model", TABLES, ids=lambda model: model.table_name)
def test_every_column_type_and_key_from_the_schema(db: sqlite3.Connection, model) -> None:
    info = {row[1]: row for row in db.execute(f'pragma table_info("{model.table_name}")')}
    for spec in columns(model):
        _, name, sql_type, not_null, _, pk = info[spec.name]
        assert sql_type == SQL_TYPES[spec.kind], spec.name
        assert bool(not_null) == (not spec.nullable), spec.name
        assert pk == (model.primary_key.index(name) + 1 if name in model.primary_key else 0), spec.name
    assert list(info) == [spec.name for spec in columns(model)]
    declared = {(fk.fields[0], fk.table, fk.reference_fields[0]) for fk in model.foreign_keys}
    found = {(row[3], row[2], row[4]) for row in db.execute(f'pragma foreign_key_list("{model.table_name}")')}
    assert found == declared


def test_every_key_resolves(db: sqlite3.Connection) -> None:
    assert db.execute("pragma foreign_key_check").fetchall() == []
    assert db.execute("pragma integrity_check").fetchone() == ("ok",)


def test_full_text_search(db: sqlite3.Connection) -> None:
    for model in TABLES:
        searchable = [spec.name for spec in columns(model) if spec.name in SEARCHABLE]
        fts = f"{model.table_name}_fts"
        exists = db.execute("select count(*) from sqlite_master where name = ?", (fts,)).fetchone()[0]
        assert bool(exists) == bool(searchable), model.table_name
    for table, column in (("claims", "quote"), ("claims", "content"), ("events", "summary"), ("sources", "text")):
        assert column in SEARCHABLE
        hits = db.execute(
            f'select {column} from "{table}" where rowid in '
            f'(select rowid from "{table}_fts" where "{table}_fts" match \'{column} : withdrawal\')'
        ).fetchall()
        assert hits, (table, column)
        assert all("withdraw" in hit[0].lower() for hit in hits)  # porter stemming: withdraw, withdrawal, withdrawn


def test_a_bad_package_leaves_no_file(tmp_path: Path) -> None:
    (tmp_path / "datapackage.json").write_text("[]", encoding="utf-8")
    with pytest.raises(PackageError):
        build_sqlite(tmp_path / FILE_NAME, tmp_path)
    assert list(tmp_path.iterdir()) == [tmp_path / "datapackage.json"]
