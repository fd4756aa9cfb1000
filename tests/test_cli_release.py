"""usiraq release: the downloadable zip, deterministic, readable with pandas."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import openpyxl
import pandas as pd
import pytest
import yaml
from click.testing import CliRunner
from fixtures import tools
from usiraq.dataset import release_root
from usiraq.schema import TABLE_NAMES
from usiraq.schema.version import data_version
from usiraq.validation.validate import validate_package

from usiraq.cli import main
from usiraq.release.distribution import CHECKOUT_FILES, OPTIONAL_FILES, NotACheckoutError, build_zip, checkout_root

ROOT = Path(__file__).resolve().parent.parent
RELEASE = Path(str(release_root()))
FOLDER = f"usiraq-data-{data_version()}"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_zip(tmp_path_factory.mktemp("dist")).path


def test_zip_has_the_expected_members(made: Path) -> None:
    assert made.name == f"{FOLDER}.zip"
    with zipfile.ZipFile(made) as archive:
        names = archive.namelist()
    expected = {f"{FOLDER}/{name}" for name in (*CHECKOUT_FILES, "README.md", "datapackage.json")}
    expected |= {f"{FOLDER}/csv/{name}.csv" for name in TABLE_NAMES}
    expected |= {f"{FOLDER}/parquet/{name}.parquet" for name in TABLE_NAMES}
    expected |= {f"{FOLDER}/{name}" for name in OPTIONAL_FILES if (ROOT / name).is_file()}
    expected |= {f"{FOLDER}/croissant.json", f"{FOLDER}/usiraq.xlsx", f"{FOLDER}/usiraq.sqlite"}
    assert set(names) == expected
    assert names == sorted(names)


def test_zip_opens_with_pandas(made: Path) -> None:
    with zipfile.ZipFile(made) as archive:
        for name in TABLE_NAMES:
            from_csv = pd.read_csv(archive.open(f"{FOLDER}/csv/{name}.csv"), keep_default_na=False, dtype=str)
            from_parquet = pd.read_parquet(io.BytesIO(archive.read(f"{FOLDER}/parquet/{name}.parquet")))
            released = pd.read_csv(RELEASE / "csv" / f"{name}.csv", keep_default_na=False, dtype=str)
            pd.testing.assert_frame_equal(from_csv, released)
            assert len(from_parquet) == len(from_csv) > 0
            assert list(from_parquet.columns) == list(from_csv.columns)
        assert archive.read(f"{FOLDER}/datapackage.json") == (RELEASE / "datapackage.json").read_bytes()
        assert archive.read(f"{FOLDER}/docs/CODEBOOK.md") == (ROOT / "docs" / "CODEBOOK.md").read_bytes()


def test_unzipped_release_is_a_valid_package(made: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(made) as archive:
        archive.extractall(tmp_path)
    report = validate_package(tmp_path / FOLDER)
    assert report.valid, report.error or sorted(report.codes_failed())


def test_zip_readme_describes_the_release(made: Path) -> None:
    with zipfile.ZipFile(made) as archive:
        readme = archive.read(f"{FOLDER}/README.md").decode("utf-8")
    assert readme.startswith(f"# usiraq data, version {data_version()}\n")
    assert "- `csv/claims.csv`" in readme and "CC BY 4.0" in readme and "The usiraq team" in readme
    assert "- `usiraq.xlsx`" in readme and "- `examples/usiraq.R`" in readme
    assert "pip install usiraq\n" not in readme and "`pip install usiraq`" not in readme, "no index serves usiraq"
    assert f"pip install usiraq-{data_version()}-py3-none-any.whl" in readme


def test_frictionless_cli_passes_the_unzipped_release(made: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(made) as archive:
        archive.extractall(tmp_path)
    command = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(command), "validate", str(tmp_path / FOLDER / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]


def test_spreadsheet_in_the_zip_opens_with_openpyxl(made: Path) -> None:
    with zipfile.ZipFile(made) as archive:
        book = openpyxl.load_workbook(io.BytesIO(archive.read(f"{FOLDER}/usiraq.xlsx")), read_only=True)
    assert book.sheetnames == ["README", "codebook", *TABLE_NAMES]
    claims = pd.read_csv(RELEASE / "csv" / "claims.csv")
    assert book["claims"].max_row == len(claims) + 1


def test_zip_is_deterministic(made: Path, tmp_path: Path) -> None:
    again = build_zip(tmp_path).path
    assert again.read_bytes() == made.read_bytes()
    with zipfile.ZipFile(made) as archive:
        for info in archive.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644
            assert info.compress_type == zipfile.ZIP_DEFLATED


def test_release_outside_a_checkout_says_so(tmp_path: Path) -> None:
    shutil.copytree(RELEASE, tmp_path / "dataset" / "release")
    with pytest.raises(NotACheckoutError, match="source checkout"):
        checkout_root(tmp_path)
    with pytest.raises(NotACheckoutError, match=r"docs/CODEBOOK\.md"):
        build_zip(tmp_path / "dist", root=tmp_path)


def test_release_refuses_a_stale_version(tmp_path: Path) -> None:
    root = tmp_path / "checkout"
    for name in CHECKOUT_FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, root / name)
    shutil.copytree(RELEASE, root / "dataset" / "release")
    descriptor = root / "dataset" / "release" / "datapackage.json"
    descriptor.write_text(
        descriptor.read_text(encoding="utf-8").replace(f'"version": "{data_version()}"', '"version": "0.0.1"')
    )
    with pytest.raises(ValueError, match=r"0\.0\.1"):
        build_zip(tmp_path / "dist", root=root)


def test_cli_writes_the_zip(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["release", "--out", str(tmp_path), "--no-wheel"])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"{FOLDER}.zip"]
    assert f"{FOLDER}.zip" in result.output and "sha256" in result.output


@pytest.mark.parametrize("inside", ["dataset/release", "dataset/release/zips", "dataset/sources", "dataset"])
def test_cli_refuses_an_out_folder_inside_the_dataset(inside: str) -> None:
    before = sorted(path for path in (ROOT / "dataset").rglob("*"))
    result = CliRunner().invoke(main, ["release", "--out", str(ROOT / inside), "--no-wheel"])
    assert result.exit_code == 2, result.output
    assert "lies inside the dataset folder" in result.output and "Traceback" not in result.output
    assert sorted(path for path in (ROOT / "dataset").rglob("*")) == before


@pytest.mark.slow
def test_cli_writes_the_wheel_beside_the_zip_and_leaves_the_checkout_clean(tmp_path: Path) -> None:
    before = git_status()
    result = CliRunner().invoke(main, ["release", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    wheel = f"usiraq-{data_version()}-py3-none-any.whl"
    assert {path.name for path in tmp_path.iterdir()} == {f"{FOLDER}.zip", wheel}
    assert f"wrote {tmp_path / wheel}" in result.output
    with zipfile.ZipFile(tmp_path / wheel) as archive:
        assert "usiraq/dataset/release/datapackage.json" in archive.namelist()
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert git_status() == before, "building the wheel writes nothing into the checkout"


def git_status() -> str:
    done = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return done.stdout


def test_citation_licences_and_r_example_in_the_zip_open_in_their_readers(made: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(made) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / FOLDER
    schema = json.loads((Path(__file__).parent / "fixtures" / "validation" / "cff-1.2.0.schema.json").read_text())
    citation = yaml.safe_load((folder / "CITATION.cff").read_text(encoding="utf-8"))
    citation = json.loads(json.dumps(citation, default=str))  # YAML dates as the ISO strings CFF's schema expects
    assert not list(jsonschema.Draft7Validator(schema).iter_errors(citation))
    assert "MIT" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert "Attribution 4.0" in (folder / "LICENSE-DATA").read_text(encoding="utf-8")
    rscript = tools.require("Rscript", "r-base-core r-cran-jsonlite")
    done = subprocess.run(
        [rscript, "examples/usiraq.R", "."], capture_output=True, text=True, timeout=300, check=False, cwd=folder
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "evidence spans checked" in done.stdout
