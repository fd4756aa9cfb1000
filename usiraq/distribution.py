"""The downloadable release: dist/usiraq-data-<version>.zip, the same bytes from the same files.

The zip holds the data package (CSV, Parquet, datapackage.json, croissant.json),
the codebook, coding rules and datasheet, CITATION.cff, CHANGELOG.md, both
licences and a README, under one folder ``usiraq-data-<version>/``. The docs are not in the
wheel, so the zip is made from a source checkout.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from usiraq.readme import render_readme

CHECKOUT_FILES = ("docs/CODEBOOK.md", "docs/CODING.md", "CITATION.cff", "CHANGELOG.md", "LICENSE", "LICENSE-DATA")
OPTIONAL_FILES = ("docs/DATASHEET.md",)
RELEASE_DIR = "dataset/release"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_ROOT = Path(__file__).resolve().parent.parent


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
    from usiraq.validation.package import open_package
    from usiraq.validation.require import require_valid
    from usiraq.version import data_version

    root = checkout_root(root)
    version = data_version()
    released = open_package(root / RELEASE_DIR).descriptor.get("version")
    if released != version:
        raise ValueError(f"the release is version {released}, pyproject.toml says {version}: run `usiraq build`")
    require_valid(root / RELEASE_DIR)
    folder = f"usiraq-data-{version}"
    contents = {name: path.read_bytes() for name, path in release_members(root).items()}
    readme = render_readme(version, sorted([*contents, "README.md"]), cite("apa"))
    contents["README.md"] = readme.encode("utf-8")
    target = Path(out_dir) if out_dir is not None else root / "dist"
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
