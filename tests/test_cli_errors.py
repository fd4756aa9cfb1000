"""Every command turns a bad option, path or file type into a one-line message and exit code 2, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from usiraq.dataset import release_root

from usiraq.cli import main

RELEASE = Path(str(release_root()))

CASES = [
    (["--bogus"], "No such option '--bogus'"),
    (["nosuch"], "No such command 'nosuch'"),
    (["build", "--root", "a-file"], "'a-file' is a file"),
    (["build", "--out", "a-file"], "'a-file' is a file"),
    (["build", "--root", "missing"], "Directory 'missing' does not exist"),
    (["build", "--root", "empty"], "empty: not a dataset folder (no sources.yaml)"),
    (["diff", "a-file", "empty"], "a-file: malformed JSON at line 1, column 1"),
    (["diff", "missing", "empty"], "Path 'missing' does not exist"),
    (["diff", "empty", "empty"], "empty/datapackage.json: no such file"),
    (["draft", "a-file"], "Missing option '--published'"),
    (["coverage", "--root", "empty"], "empty: not a dataset folder (no sources.yaml)"),
    (["serve", "--port", "0"], "0 is not in the range 1<=x<=65535"),
    (["serve", "--port", "abc"], "'abc' is not a valid integer"),
    (["serve", "missing"], "missing: no such file"),
    (["serve", "not-json.json"], "not-json.json: malformed JSON at line 1, column 1"),
    (["regenerate", "--root", "missing"], "'missing' does not exist"),
    (["regenerate", "--root", "empty"], "empty is not a source checkout of usiraq"),
    (["regenerate", "--bogus"], "No such option '--bogus'"),
    (["validate", "missing"], "missing: no such file"),
    (["validate", "not-json.json"], "not-json.json: malformed JSON at line 1, column 1"),
    (["validate", "empty"], "empty/datapackage.json: no such file"),
    (["validate", "a.parquet"], "a.parquet: not a datapackage.json: not UTF-8"),
    (["validate", "--engine", "duckdb"], "No such option '--engine'"),
    (["info", "missing"], "Path 'missing' does not exist"),
    (["info", "not-json.json"], "not-json.json: malformed JSON at line 1, column 1"),
    (["info", "empty"], "empty/datapackage.json: no such file"),
    (["info", "broken-parquet"], "claims.parquet: the file is not the one the package declares"),
    (["export", "--out", "a-file/sub"], "a-file/sub: cannot write: Not a directory"),
    (["export", "--out", "a-file"], "'a-file' is a file"),
    (["export", "--format", "xlsx", "--out", "out"], "'xlsx' is not one of 'csv', 'parquet'"),
    (["export"], "Missing option '--out'"),
    (["release", "--out", "a-file"], "'a-file' is a file"),
    (["release", "--out", "a-file/sub", "--no-wheel"], "a-file/sub: cannot write: Not a directory"),
    (["cite", "--format", "mla"], "'mla' is not one of 'apa', 'bibtex', 'cff'"),
    (["conflicts", "--kind", "feud"], "'feud' is not one of"),
    (["plot", "map", "-o", "t.png"], "'map' is not one of 'timeline', 'figures'"),
    (["plot", "figures", "-o", "f.xyz"], "f.xyz: '.xyz' is not an image format; use one of"),
    (["plot", "figures", "-o", "figure"], "figure: no suffix to name the image format"),
    (["plot", "timeline", "-o", "missing/dir/t.png"], "missing/dir/t.png: missing/dir does not exist"),
    (["plot", "figures", "-o", "a-file/t.png"], "a-file/t.png: a-file is not a folder"),
    (["plot", "figures"], "Missing option '-o' / '--output'"),
    (["draft", "a-file", "--published", "2024-02-30", "--json"], "'2024-02-30' is not a date"),
    (["draft", "a-file", "--published", "24-01-01", "--json"], "give the publication date as YYYY-MM-DD"),
    (["draft", "missing", "--published", "2024-01-01", "--json"], "missing: file not found"),
    (["draft", "empty", "--published", "2024-01-01", "--json"], "'empty' is a directory"),
    (["draft", "a.parquet", "--published", "2024-01-01", "--json"], "a.parquet: a binary file"),
    (["draft", "a-file", "--published", "2024-01-01", "--out", "a-file", "--force"], "a-file: is the article itself"),
    (["draft", "a-file", "--published", "2024-01-01", "--out", "not-json.json"], "not-json.json: exists; give --force"),
    (["draft", "a-file", "--published", "2024-01-01", "--out", "missing/draft.yaml"], "cannot write the draft"),
    (["coverage", "nosuch"], "unknown source id 'nosuch'"),
    (["coverage", "--root", "a-file"], "'a-file' is a file"),
    (["coverage", "--root", "missing"], "Directory 'missing' does not exist"),
    (["draft", "a-file", "--published", "2024-01-01", "--root", "missing"], "Directory 'missing' does not exist"),
    (["draft", "a-file", "--published", "2024-01-01", "--out", "empty"], "'empty' is a directory"),
]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "a-file").write_text("text\n", encoding="utf-8")
    (tmp_path / "not-json.json").write_text("not json\n", encoding="utf-8")
    (tmp_path / "a.parquet").write_bytes(b"PAR1\xff\xfe\x00PAR1")
    (tmp_path / "empty").mkdir()
    broken = tmp_path / "broken-parquet"
    shutil.copytree(RELEASE, broken)
    (broken / "parquet" / "claims.parquet").write_bytes(b"PAR1 not parquet PAR1")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("arguments", "message"), CASES, ids=[" ".join(case[0]) for case in CASES])
def test_bad_input_is_a_message_and_exit_2(workdir: Path, arguments: list[str], message: str) -> None:
    before = sorted(path.relative_to(workdir) for path in workdir.rglob("*"))
    result = CliRunner().invoke(main, arguments)
    assert isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert message in result.output, result.output
    assert sorted(path.relative_to(workdir) for path in workdir.rglob("*")) == before, "nothing written"


def test_every_command_is_walked() -> None:
    walked = {case[0][0] for case in CASES}
    assert set(main.commands) <= walked
