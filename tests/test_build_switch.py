"""Writing the release safely: the out folder, the atomic switch, interruptions, concurrent builds, validation."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_build_support import FIXTURE, copy_dataset, edit, release_bytes, run_cli
from usiraq.builders import switch
from usiraq.builders.errors import RefusedError
from usiraq.validation.require import InvalidPackageError

from usiraq.release.build import build


@pytest.fixture
def fixture_root(tmp_path: Path) -> Path:
    return copy_dataset(FIXTURE, tmp_path / "dataset")


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (the release left out), by path, with its sha256."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "release" not in path.relative_to(folder).parts[:1]
    }


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith(".release-"))


# -- the out folder ------------------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    [".", "..", "sources", "registry", "annotations", "sources.yaml", "annotations/new", "sources/x/y"],
)
def test_an_out_folder_at_or_around_the_inputs_is_refused(fixture_root: Path, where: str) -> None:
    (fixture_root / "notes.txt").write_text("mine", encoding="utf-8")
    before = tree_digest(fixture_root.parent)
    result = run_cli("--root", str(fixture_root), "--out", str(fixture_root / where))
    assert result.exit_code == 2, result.output
    assert "build refused:" in result.output or "is a file" in result.output  # click refuses a file itself
    assert "Traceback" not in result.output
    assert tree_digest(fixture_root.parent) == before


@pytest.mark.parametrize(
    "files",
    [
        {"notes.txt": "my notes"},
        {"datapackage.json": '{"name": "other"}', "data.csv": "a\n1\n"},
        {"datapackage.json": "not json"},
    ],
)
def test_an_existing_folder_that_is_not_a_usiraq_release_is_refused(
    fixture_root: Path, tmp_path: Path, files: dict[str, str]
) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    result = run_cli("--root", str(fixture_root), "--out", str(out))
    assert result.exit_code == 2
    assert "not a release written by usiraq" in result.output
    assert {path.name: path.read_text(encoding="utf-8") for path in out.iterdir()} == files


def test_a_release_with_a_file_of_ones_own_in_it_is_refused(fixture_root: Path) -> None:
    build(fixture_root, validate=False)
    (fixture_root / "release" / "csv" / "my-analysis.csv").write_text("x\n", encoding="utf-8")
    result = run_cli("--root", str(fixture_root))
    assert result.exit_code == 2
    assert "holds files a release does not" in result.output
    assert (fixture_root / "release" / "csv" / "my-analysis.csv").is_file()


def test_a_symbolic_link_or_a_file_as_out_is_refused(fixture_root: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    for name, words in (("file", "is a file"), ("link", "symbolic link")):
        with pytest.raises(RefusedError, match=words):
            build(fixture_root, tmp_path / name, validate=False)
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"


def test_an_out_folder_in_an_installed_package_is_refused(fixture_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "lib" / "python3.11" / "site-packages" / "usiraq" / "dataset" / "release"
    result = run_cli("--root", str(fixture_root), "--out", str(out))
    assert result.exit_code == 2
    assert "installed package (site-packages)" in result.output
    assert "--root" in result.output
    assert not out.exists()


def test_an_empty_folder_and_an_old_release_are_replaced(fixture_root: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    build(fixture_root, tmp_path / "empty", validate=False)
    build(fixture_root, tmp_path / "empty", validate=False)
    assert (tmp_path / "empty" / "datapackage.json").is_file()
    assert leftovers(tmp_path) == []


# -- validation before the switch ------------------------------------------------------


def test_a_release_that_does_not_validate_is_not_switched_in(fixture_root: Path) -> None:
    build(fixture_root, validate=False)
    before = release_bytes(fixture_root / "release")
    # the builder takes the value as coded; the validator sees that 2,500 is not 2600
    edit(fixture_root / "annotations" / "fx2_icaro.yaml", "value: 2500", "value: 2600")
    result = run_cli("--root", str(fixture_root))
    assert result.exit_code == 1, result.output
    assert "INVALID" in result.output
    assert "figure-values" in result.output
    assert "the release was not changed" in result.output
    assert release_bytes(fixture_root / "release") == before
    assert leftovers(fixture_root) == []


def test_build_raises_with_the_report(fixture_root: Path, tmp_path: Path) -> None:
    edit(fixture_root / "annotations" / "fx2_icaro.yaml", "value: 2500", "value: 2600")
    with pytest.raises(InvalidPackageError) as raised:
        build(fixture_root, tmp_path / "out")
    assert "figure-values" in raised.value.text
    assert not (tmp_path / "out").exists()


# -- the switch ----------------------------------------------------------------------


@pytest.fixture
def two_releases(fixture_root: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """The fixture built in place (the old release), and the bytes of the release after an edit (the new)."""
    build(fixture_root, validate=False)
    old = release_bytes(fixture_root / "release")
    edit(fixture_root / "annotations" / "fx1_focus.yaml", "content: The US has about", "content: The US has some")
    build(fixture_root, tmp_path / "expected", validate=False)
    new = release_bytes(tmp_path / "expected")
    assert old != new
    return fixture_root, old, new


def test_a_failing_exchange_leaves_the_old_release(two_releases, monkeypatch: pytest.MonkeyPatch) -> None:
    root, old, _ = two_releases

    def broken(first: Path, second: Path) -> bool:
        raise OSError("exchange failed")

    monkeypatch.setattr(switch, "exchange", broken)
    with pytest.raises(OSError, match="exchange failed"):
        build(root, validate=False)
    assert release_bytes(root / "release") == old
    assert leftovers(root) == []


def test_without_exchange_a_failed_second_rename_puts_the_old_release_back(
    two_releases, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, old, new = two_releases
    monkeypatch.setattr(switch, "exchange", lambda first, second: False)
    real_rename = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self.name.startswith(".release-tmp-"):
            raise OSError("rename failed")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError, match="rename failed"):
        build(root, validate=False)
    assert release_bytes(root / "release") == old
    assert leftovers(root) == []
    monkeypatch.setattr(Path, "rename", real_rename)
    build(root, validate=False)
    assert release_bytes(root / "release") == new


def test_the_exchange_swaps_two_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x").write_text("a", encoding="utf-8")
    (tmp_path / "b").mkdir()
    if not switch.exchange(tmp_path / "a", tmp_path / "b"):
        if os.environ.get("CI") == "true" and sys.platform.startswith("linux"):
            pytest.fail("no atomic exchange on this Linux file system")
        pytest.skip("no atomic exchange on this system; the fallback is tested")
    assert (tmp_path / "b" / "x").read_text(encoding="utf-8") == "a"
    assert list((tmp_path / "a").iterdir()) == []


DIE = """
import os, sys
from pathlib import Path
from usiraq.release import build as build_module
from usiraq.builders import release, switch

point, root = sys.argv[1], Path(sys.argv[2])

def after(module, name):
    real = getattr(module, name)
    def dying(*args, **kwargs):
        real(*args, **kwargs)
        os._exit(9)
    setattr(module, name, dying)

if point == "written":
    after(release, "write_package")
elif point == "synced":
    after(switch, "sync_tree")
elif point == "validated":
    after(build_module, "validate_written")
elif point == "exchanged":
    after(switch, "exchange")
elif point == "removing-old":
    release.shutil.rmtree = lambda *args, **kwargs: os._exit(9)
elif point == "between-renames":
    switch.exchange = lambda first, second: False
    real_rename = Path.rename
    def rename(self, target):
        real_rename(self, target)
        if Path(target).name.startswith(".release-old-"):
            os._exit(9)
    Path.rename = rename
build_module.build(root, validate=point == "validated")
"""


@pytest.mark.parametrize("point", ["written", "synced", "validated", "exchanged", "removing-old", "between-renames"])
def test_a_build_killed_at_any_step_leaves_a_complete_release(two_releases, point: str) -> None:
    root, old, new = two_releases
    died = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(DIE), point, str(root)], capture_output=True, text=True, check=False
    )
    assert died.returncode == 9, died.stderr
    if point == "between-renames":  # the one moment without the exchange where no release/ is there
        assert not (root / "release").exists()
    else:
        assert release_bytes(root / "release") in (old, new)
    build(root, validate=False)
    assert release_bytes(root / "release") == new
    assert leftovers(root) == []


def test_leftovers_of_interrupted_builds_are_removed_and_a_moved_release_put_back(tmp_path: Path) -> None:
    out = tmp_path / "release"
    (tmp_path / ".release-old-1").mkdir()
    (tmp_path / ".release-old-1" / "datapackage.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".release-tmp-2" / "csv").mkdir(parents=True)
    (tmp_path / ".release-notes").write_text("not ours", encoding="utf-8")
    switch.clean_leftovers(out)
    assert (out / "datapackage.json").read_text(encoding="utf-8") == "{}"
    assert sorted(path.name for path in tmp_path.iterdir()) == [".release-notes", "release"]


# -- two builds at once --------------------------------------------------------------


def test_a_second_build_while_one_writes_stops_with_a_clear_message(fixture_root: Path) -> None:
    build(fixture_root, validate=False)
    before = release_bytes(fixture_root / "release")
    with switch.locked(fixture_root / "release"):
        result = run_cli("--root", str(fixture_root))
    assert result.exit_code == 2
    assert "another usiraq build is writing this release" in result.output
    assert release_bytes(fixture_root / "release") == before


def test_two_builds_at_once(two_releases) -> None:
    root, _, new = two_releases
    code = "from usiraq.cli import main; main()"
    command = [sys.executable, "-c", code, "build", "--root", str(root)]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in "ab"]
    outcomes = [(process.wait(timeout=300), process.stderr.read()) for process in processes]
    for process in processes:
        process.stdout.close()
        process.stderr.close()
    assert 0 in [code for code, _ in outcomes]
    for returncode, stderr in outcomes:
        assert returncode in (0, 2), stderr
        assert "Traceback" not in stderr
        if returncode == 2:
            assert "another usiraq build is writing this release" in stderr
    assert release_bytes(root / "release") == new
    assert leftovers(root) == []


@pytest.mark.parametrize("make", ["missing", "file", "empty"])
def test_a_root_that_is_not_a_dataset_folder_is_refused(tmp_path: Path, make: str) -> None:
    root = tmp_path / "root"
    if make == "file":
        root.write_text("x", encoding="utf-8")
    elif make == "empty":
        root.mkdir()
    result = run_cli("--root", str(root))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    if make == "empty":
        assert "not a dataset folder (no sources.yaml)" in result.output
        assert list(root.iterdir()) == []
