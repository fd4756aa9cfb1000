"""The downloadable release: dist/usiraq-data-<version>.zip, the same bytes from the same files.

The zip holds the data package (CSV, Parquet, datapackage.json, croissant.json),
files made from it for other readers (usiraq.xlsx, usiraq.sqlite), the codebook, coding rules
and datasheet, the R example, CITATION.cff, CHANGELOG.md, both licences and a
README, under one folder ``usiraq-data-<version>/``. The docs are not in the
wheel, so the zip is made from a source checkout. The wheel of the same version
is built beside the zip (:func:`build_wheel`), so the README can say what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from usiraq.release.readme import render_readme

if TYPE_CHECKING:
    from usiraq.validation.package import LocalPackage

CHECKOUT_FILES = (
    "docs/CODEBOOK.md",
    "docs/CODING.md",
    "examples/usiraq.R",
    "CITATION.cff",
    "CHANGELOG.md",
    "LICENSE",
    "LICENSE-DATA",
)
OPTIONAL_FILES = ("docs/DATASHEET.md",)
RELEASE_DIR = "dataset/release"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_ROOT = Path(__file__).resolve().parent.parent.parent


MemberMaker = Callable[["LocalPackage", str], dict[str, bytes]]
"""Makes files for the zip from the release and the citation: name inside the zip folder -> bytes."""


def spreadsheet_member(package: LocalPackage, citation: str) -> dict[str, bytes]:
    """usiraq.xlsx: every table as a typed sheet, with a README and a codebook sheet."""
    from usiraq.release.spreadsheet import workbook_bytes

    return {"usiraq.xlsx": workbook_bytes(package, citation)}


def database_member(package: LocalPackage, citation: str) -> dict[str, bytes]:
    """usiraq.sqlite: every table with its keys and full-text search (see :mod:`usiraq.release.database`)."""
    from usiraq.release.database import FILE_NAME, sqlite_bytes

    del citation
    return {FILE_NAME: sqlite_bytes(package.descriptor_path.parent)}


GENERATED_MEMBERS: tuple[MemberMaker, ...] = (spreadsheet_member, database_member)
"""Every maker of a zip member that is not a checkout file; each gives the same bytes from the same release."""


class NotACheckoutError(RuntimeError):
    """``usiraq release`` runs from a source checkout, which has the docs the wheel does not ship."""


@dataclass(frozen=True)
class ReleaseZip:
    """A zip written: where, its version, and its members in order."""

    path: Path
    version: str
    members: list[str]


def checkout_root(root: Path | None = None) -> Path:
    """The source checkout to release from (by default the one this package runs from).

    Raises:
        NotACheckoutError: if a file the zip needs is missing, as in an installed wheel.

    """
    root = Path(root) if root is not None else _ROOT
    missing = [name for name in (*CHECKOUT_FILES, f"{RELEASE_DIR}/datapackage.json") if not (root / name).is_file()]
    if missing:
        raise NotACheckoutError(
            "usiraq release runs from a source checkout of usiraq (git clone, then `make run`): "
            f"{', '.join(missing)} not found; an installed wheel does not ship the docs"
        )
    return root


def release_members(root: Path) -> dict[str, Path]:
    """Name inside the zip's folder -> file, for every file of the release, sorted by name."""
    from usiraq.validation.package import open_package

    package = open_package(root / RELEASE_DIR)
    files = {"datapackage.json": package.descriptor_path}
    for resource in package.resources:
        files[str(resource["path"])] = package.local_file(str(resource["path"]))
    croissant = package.root / "croissant.json"
    if croissant.is_file():
        files["croissant.json"] = croissant
    files.update({name: root / name for name in CHECKOUT_FILES})
    files.update({name: root / name for name in OPTIONAL_FILES if (root / name).is_file()})
    return dict(sorted(files.items()))


def build_zip(out_dir: Path | None = None, root: Path | None = None) -> ReleaseZip:
    """Write ``usiraq-data-<version>.zip`` into ``out_dir`` (by default ``<checkout>/dist``).

    Entries are sorted, stamped 1980-01-01 00:00 with mode 0644 and deflated at
    a fixed level, so the same files give the same zip.

    Raises:
        NotACheckoutError: outside a source checkout.
        ValueError: if the release's datapackage.json carries another version than pyproject.toml.
        InvalidPackageError: if the release does not validate (nothing is written).

    """
    from usiraq.citation import cite
    from usiraq.schema.version import data_version
    from usiraq.validation.package import open_package
    from usiraq.validation.require import require_valid

    root = checkout_root(root)
    target = Path(out_dir) if out_dir is not None else root / "dist"
    dataset = (root / RELEASE_DIR).parent
    if target.resolve().is_relative_to(dataset.resolve()):  # the build refuses a file it did not write there
        raise ValueError(f"{target}: lies inside the dataset folder {dataset}; write the zip elsewhere (default dist/)")
    version = data_version()
    package = open_package(root / RELEASE_DIR)
    released = package.descriptor.get("version")
    if released != version:
        raise ValueError(f"the release is version {released}, pyproject.toml says {version}: run `usiraq build`")
    require_valid(root / RELEASE_DIR)
    folder = f"usiraq-data-{version}"
    contents = {name: path.read_bytes() for name, path in release_members(root).items()}
    for make in GENERATED_MEMBERS:
        contents.update(make(package, cite("apa")))
    readme = render_readme(version, sorted([*contents, "README.md"]), cite("apa"))
    contents["README.md"] = readme.encode("utf-8")
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{folder}.zip"
    members = [f"{folder}/{name}" for name in sorted(contents)]
    _write_zip(path, {f"{folder}/{name}": data for name, data in contents.items()})
    return ReleaseZip(path, version, members)


def _write_zip(path: Path, contents: dict[str, bytes]) -> None:
    partial = path.with_name(path.name + ".partial")
    with zipfile.ZipFile(partial, "w") as archive:
        for name in sorted(contents):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, contents[name], compresslevel=9)
    partial.replace(path)


WHEEL_EPOCH = "315532800"
"""SOURCE_DATE_EPOCH for the wheel (1980-01-01, as the zip): its entries carry no build time."""
_NOT_SOURCES = (".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache")


def build_wheel(out_dir: Path | None = None, root: Path | None = None) -> Path:
    """Build usiraq's wheel into ``out_dir`` (by default ``<checkout>/dist``), from a copy of the checkout.

    The copy keeps setuptools' build/ and egg-info folders out of the checkout.
    pip fetches setuptools for the build (from its cache or the index).

    Raises:
        NotACheckoutError: outside a source checkout.
        RuntimeError: if the build fails (pip's last lines say why).

    """
    root = checkout_root(root)
    target = Path(out_dir) if out_dir is not None else root / "dist"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="usiraq-wheel-") as scratch:
        source = Path(scratch) / "usiraq"
        shutil.copytree(root, source, ignore=shutil.ignore_patterns(*_NOT_SOURCES))
        built = Path(scratch) / "wheel"
        command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(built), str(source)]
        env = {**os.environ, "SOURCE_DATE_EPOCH": WHEEL_EPOCH}
        done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-5:])
            raise RuntimeError(f"building the wheel failed:\n{tail}")
        (wheel,) = built.glob("usiraq-*.whl")
        return Path(shutil.copy2(wheel, target / wheel.name))
