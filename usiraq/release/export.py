"""Copy the release tables, as CSV or as Parquet, into a folder of one's own, with their descriptor and codebook.

The folder gets ``<table>.<fmt>`` for every table, byte for byte as released,
a ``datapackage.json`` that describes exactly those copies (same names,
schemas, bytes and hashes; paths pointing at the copies, so that
``frictionless validate`` passes on it) and ``CODEBOOK.md``.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from usiraq.validation.package import LocalPackage

EXPORT_FORMATS = ("csv", "parquet")
CODEBOOK_NAME = "CODEBOOK.md"
DESCRIPTOR_NAME = "datapackage.json"


def export(out: str | Path, fmt: str = "csv", path: str | Path | None = None) -> list[Path]:
    """Write ``<out>/<table>.<fmt>`` for every table, ``<out>/datapackage.json`` and ``<out>/CODEBOOK.md``.

    Args:
        out: the folder to write into (created if needed; files there of the same names are replaced).
        fmt: ``"csv"`` or ``"parquet"``.
        path: another copy of the data package; by default the shipped release.

    Returns:
        The files written: the tables in table order, then the descriptor and the codebook.

    Raises:
        ValueError: for an unknown format, or an ``out`` that is the package's own folder of that format.
        PackageError: if the package cannot be read.
        InvalidPackageError: if the package does not validate (nothing is written).

    """
    from usiraq.loader import tables
    from usiraq.schema.generate.codebook import render_codebook
    from usiraq.validation.package import open_package
    from usiraq.validation.require import require_valid

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    require_valid(path)
    package = open_package(path)
    folder = Path(out)
    sources = {name: package.resource_path(name, fmt) for name in tables()}
    if folder.resolve().is_relative_to(package.root.resolve()):  # a release holds only its own files
        raise ValueError(f"{folder}: this is a folder of the data package itself; export into another folder")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, source in sources.items():
        target = folder / f"{name}.{fmt}"
        shutil.copyfile(source, target)
        written.append(target)
    descriptor = folder / DESCRIPTOR_NAME
    text = json.dumps(exported_descriptor(package, fmt), indent=2, ensure_ascii=False) + "\n"
    descriptor.write_text(text, encoding="utf-8", newline="\n")
    codebook = folder / CODEBOOK_NAME
    codebook.write_text(render_codebook(), encoding="utf-8", newline="\n")
    return [*written, descriptor, codebook]


def exported_descriptor(package: LocalPackage, fmt: str) -> dict[str, Any]:
    """The package's descriptor with only its ``fmt`` resources, each path the bare file name of its copy."""
    from usiraq.validation.package import resource_format

    descriptor = copy.deepcopy(package.descriptor)
    resources = [resource for resource in descriptor.get("resources", []) if resource_format(resource) == fmt]
    for resource in resources:
        resource["path"] = Path(str(resource["path"])).name
    descriptor["resources"] = resources
    return descriptor
