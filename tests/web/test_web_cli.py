"""usiraq serve refuses bad input with a clear message and exit code 2, never a traceback."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from webserver import free_port

from usiraq.cli import main


def serve(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["serve", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize("port", ["0", "65536", "-1", "http"])
def test_a_bad_port(port: str) -> None:
    code, output = serve("--port", port)
    assert code == 2
    assert "--port" in output


def test_a_busy_port() -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        code, output = serve("--port", str(port))
    assert code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in output


def test_a_host_not_on_this_machine() -> None:
    code, output = serve("--host", "192.0.2.1", "--port", "8001")
    assert code == 2
    assert "cannot listen on 192.0.2.1:8001" in output


def test_a_missing_release(tmp_path: Path) -> None:
    code, output = serve(str(tmp_path / "nowhere"), "--port", str(free_port()))
    assert code == 2
    assert "nowhere" in output


def test_an_unreadable_release(tmp_path: Path) -> None:
    (tmp_path / "datapackage.json").write_text("{not json", encoding="utf-8")
    code, output = serve(str(tmp_path), "--port", str(free_port()))
    assert code == 2
    assert "datapackage.json" in output
    assert list(tmp_path.iterdir()) == [tmp_path / "datapackage.json"]  # nothing written beside it


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    broken = tmp_path / "usiraq.sqlite"
    broken.write_bytes(b"these are not the bytes of a SQLite database" * 100)
    code, output = serve(str(broken), "--port", str(free_port()))
    assert code == 2
    assert f"{broken}: not a readable SQLite database" in output


def test_a_database_without_the_tables(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("create table t (x)")
    code, output = serve(str(other), "--port", str(free_port()))
    assert code == 2
    assert "not a usiraq database" in output


def test_without_the_web_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datasette", None)  # what an install without usiraq[web] looks like
    code, output = serve("--port", str(free_port()))
    assert code == 2
    assert "pip install 'usiraq[web]'" in output
    assert "datasette" in output


def test_a_cache_it_cannot_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    code, output = serve("--port", str(free_port()))
    assert code == 2
    assert "cannot build the database from the release into" in output
