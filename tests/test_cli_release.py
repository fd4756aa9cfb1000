"""usiraq release: the downloadable zip, deterministic, readable with pandas."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from usiraq.dataset import release_root
from usiraq.schema import TABLE_NAMES
from usiraq.validation.validate import validate_package

from usiraq.cli import main
from usiraq.distribution import CHECKOUT_FILES, OPTIONAL_FILES, NotACheckoutError, build_zip, checkout_root
from usiraq.version import data_version

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
    expected.add(f"{FOLDER}/croissant.json")
    expected.add(f"{FOLDER}/usiraq.sqlite")
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
    result = CliRunner().invoke(main, ["release", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"{FOLDER}.zip").is_file()
    assert f"{FOLDER}.zip" in result.output and "sha256" in result.output
