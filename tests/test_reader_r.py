"""examples/usiraq.R: R reads every table typed from datapackage.json and checks every evidence span."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from fixtures import tools
from fixtures.validation import mutate
from usiraq.schema import TABLE_NAMES

from usiraq.loader import load_all

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "examples" / "usiraq.R"


def rscript(*arguments: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = tools.require("Rscript", "r-base-core r-cran-jsonlite")
    # the C locale: the script must count characters of UTF-8 text wherever it runs
    env = {"LC_ALL": "C", "LANG": "C", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [command, str(SCRIPT), *map(str, arguments)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
        cwd=cwd,
    )


def spans_in_release() -> int:
    return sum(int(frame["quote"].notna().sum()) for frame in load_all().values() if "char_start" in frame)


def test_r_reads_every_table_typed_and_every_span_matches() -> None:
    done = rscript("dataset/release")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = {line.split()[0]: line for line in done.stdout.splitlines() if line and line.split()[0] in TABLE_NAMES}
    assert list(lines) == list(TABLE_NAMES)
    frames = load_all()
    for name, line in lines.items():
        assert f" {len(frames[name])} rows" in line, line
    # every typed column arrives typed: dates as Date, booleans as logical, integers as integer
    assert "Date: 2" in lines["events"] and "logical: 1" in lines["force_figures"]
    assert "integer: 2" in lines["claims"] and "Date: 2" in lines["sources"]
    assert re.search(rf"^{spans_in_release()} evidence spans checked", done.stdout, re.M), done.stdout


def test_r_fails_on_a_span_that_is_off_by_one(tmp_path: Path) -> None:
    package = mutate.copy_package(ROOT / "dataset" / "release", tmp_path / "package")
    _, rows = mutate.read_rows(package, "claims")
    row = mutate.set_cell(package, "claims", lambda _: True, "char_start", str(int(rows[0]["char_start"]) + 1))
    done = rscript(package)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"claims row {row}: the quote is not at its offsets" in done.stderr
    assert "1 of" in done.stderr


def test_r_says_when_there_is_no_package(tmp_path: Path) -> None:
    done = rscript(tmp_path)
    assert done.returncode == 2
    assert "datapackage.json: no such file" in done.stderr


def test_r_reads_the_package_from_inside_the_unzipped_release(tmp_path: Path) -> None:
    package = mutate.copy_package(ROOT / "dataset" / "release", tmp_path / "package")
    done = rscript(cwd=package)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("table", ["force_figures", "events"])
def test_r_refuses_a_cell_of_the_wrong_type(tmp_path: Path, table: str) -> None:
    package = mutate.copy_package(ROOT / "dataset" / "release", tmp_path / "package")
    column = "approximate" if table == "force_figures" else "date_start"
    row = mutate.set_cell(package, table, lambda found: found[column] != "", column, "maybe")
    done = rscript(package)
    assert done.returncode == 2
    assert f"csv/{table}.csv row {row} {column}: 'maybe' is not a" in done.stderr


def test_readme_r_example_runs() -> None:
    command = tools.require("Rscript", "r-base-core r-cran-jsonlite")
    (block,) = re.findall(r"```r\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    code = block + 'cat(class(claims$char_start), nrow(claims), "\\n")\n'
    done = subprocess.run(
        [command, "-e", code],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
        env={"LC_ALL": "C", "LANG": "C", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.split() == ["integer", str(len(load_all()["claims"]))]
