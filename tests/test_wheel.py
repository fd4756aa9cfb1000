"""The wheel: built with `python -m build`, installed offline into a fresh venv, every table loads there.

The wheel is built with ``--no-isolation`` (setuptools comes from the test
extra), so neither building nor installing reaches a package index.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from usiraq.schema import TABLE_NAMES
from usiraq.schema.version import data_version

ROOT = Path(__file__).resolve().parent.parent

IN_FRESH_VENV = """
import json, socket, sys
from pathlib import Path

def refuse(*args, **kwargs):
    raise OSError("network use")

socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

import usiraq
from usiraq.citation import cite
from usiraq.dataset import release_root

result = {
    "usiraq": usiraq.__file__,
    "release": str(release_root()),
    "version": usiraq.__version__,
    "pandas": {name: [len(frame), str(frame.dtypes.iloc[0])] for name, frame in usiraq.load_all().items()},
    "arrow": {name: table.num_rows for name, table in usiraq.load_all(format="arrow").items()},
    "duckdb": usiraq.connect().sql("SELECT count(*) FROM claims").fetchall()[0][0],
    "describe": len(usiraq.describe("claims")),
    "cite": cite("apa"),
}
print(json.dumps(result))
"""


def run(*command: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=600, check=False, env=env, cwd=cwd
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the checkout (no stale build/ folder, nothing written into the checkout)."""
    source = tmp_path_factory.mktemp("source") / "usiraq"
    ignored = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache")
    shutil.copytree(ROOT, source, ignore=ignored)
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (out / "build.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    (found,) = out.glob("usiraq-*.whl")
    return found


@pytest.mark.slow
def test_wheel_builds_without_setuptools_warnings(wheel: Path) -> None:
    log = (wheel.parent / "build.log").read_text(encoding="utf-8")
    assert "absent from the `packages` configuration" not in log
    assert "SetuptoolsDeprecationWarning" not in log and "SetuptoolsWarning" not in log


@pytest.fixture(scope="module")
def fresh_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with only the wheel installed (no index, no dependencies fetched).

    The dependencies (pandas, pyarrow, ...) come from this test venv through a
    .pth line; a .pth in a plain path entry is not run, so the editable
    install here does not leak in.
    """
    home = tmp_path_factory.mktemp("venv") / "fresh"
    venv.EnvBuilder(with_pip=False).create(home)
    python = home / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-index", "--no-deps", "--quiet", wheel)
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip()
    (Path(purelib) / "usiraq-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return home


@pytest.mark.slow
def test_wheel_ships_the_data_and_generated_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in TABLE_NAMES:
        assert f"usiraq/dataset/release/parquet/{name}.parquet" in names
        assert f"usiraq/dataset/release/csv/{name}.csv" in names
    for name in (
        "usiraq/table_specs.json",
        "usiraq/CITATION.cff",
        "usiraq/dataset/release/datapackage.json",
        "usiraq/dataset/release/croissant.json",
        "usiraq/web/templates/usiraq_article.html",
        "usiraq/web/static/reader.js",
        "usiraq/web/static/usiraq.css",
    ):
        assert name in names
    assert not any(name.startswith(("schema/", "builders/", "validation/", "dataset/")) for name in names)
    licences = {Path(name).name for name in names if ".dist-info/licenses/" in name}
    assert licences == {"LICENSE", "LICENSE-DATA"}


@pytest.mark.slow
def test_every_table_loads_from_the_installed_wheel(fresh_venv: Path) -> None:
    """Run away from the checkout, whose usiraq/ folder would otherwise be imported from the working directory."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    elsewhere = fresh_venv.parent
    result = json.loads(run(fresh_venv / "bin" / "python", "-c", IN_FRESH_VENV, env=env, cwd=elsewhere))
    assert Path(result["usiraq"]).is_relative_to(fresh_venv)
    assert Path(result["release"]).is_relative_to(fresh_venv)
    assert result["version"] == data_version()
    assert list(result["pandas"]) == list(result["arrow"]) == list(TABLE_NAMES)
    for name in TABLE_NAMES:
        rows, first_dtype = result["pandas"][name]
        assert rows == result["arrow"][name] > 0, name
        assert first_dtype == "string", name
    assert result["duckdb"] == result["arrow"]["claims"]
    assert result["describe"] > 0
    assert f"(Version {data_version()})" in result["cite"]
    version = run(fresh_venv / "bin" / "usiraq", "--version", env=env, cwd=elsewhere)
    assert version == f"usiraq {data_version()}\n"


@pytest.mark.slow
def test_regenerate_refuses_to_write_into_the_installed_package(fresh_venv: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    before = {path: path.stat().st_mtime_ns for path in fresh_venv.rglob("*.json")}
    done = subprocess.run(
        [str(fresh_venv / "bin" / "usiraq"), "regenerate"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=env,
        cwd=fresh_venv.parent,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "usiraq is installed, not run from a checkout" in done.stderr and "--root" in done.stderr
    assert "Traceback" not in done.stderr
    assert {path: path.stat().st_mtime_ns for path in fresh_venv.rglob("*.json")} == before
