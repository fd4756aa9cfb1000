"""Where a release may be written: never over the inputs, never over a folder usiraq did not write.

A build replaces its out folder whole, so :func:`check_out_folder` refuses,
before any work, a root that is not a dataset folder (no sources.yaml), and an
out folder that

- is, holds or lies inside an input (the dataset folder itself, sources.yaml,
  sources/, registry/, annotations/); the default ``<root>/release`` sits
  beside the inputs, not in them, and is allowed;
- lies inside an installed package (site-packages), which is not a checkout;
- is a symbolic link, or a file;
- exists and is not a release written by usiraq: its datapackage.json must be
  usiraq's (same ``$schema`` and ``name``) and the folder may hold nothing
  but datapackage.json, croissant.json and the files its resources list.

An empty folder is allowed (nothing is lost by replacing it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from usiraq.builders.errors import RefusedError, display_path
from usiraq.builders.inputs import INPUT_PATHS, SOURCES_FILE

DESCRIPTOR_FILES = ("datapackage.json", "croissant.json")
"""The files of a release besides its resources."""
INSTALLED = ("site-packages", "dist-packages")


def check_dataset_root(root: Path) -> None:
    """Refuse a ``--root`` that is not a dataset folder (it has no sources.yaml).

    Raises:
        RefusedError: naming the folder and what a dataset folder holds.

    """
    if not os.path.lexists(root.absolute().resolve() / SOURCES_FILE):
        raise RefusedError(
            f"{display_path(root)}: not a dataset folder (no {SOURCES_FILE}); --root is the folder holding "
            f"{', '.join(INPUT_PATHS)}"
        )


def check_out_folder(out: Path, root: Path) -> None:
    """Refuse an out folder whose replacement could lose anything usiraq did not write.

    Raises:
        RefusedError: the reason, naming the folder and what to do instead.

    """
    target, base = out.absolute().resolve(), root.absolute().resolve()
    check_dataset_root(root)
    _refuse_inputs(out, target, base)
    if any(part in INSTALLED for part in target.parts):
        raise RefusedError(
            f"{display_path(out)}: this is inside an installed package (site-packages), not a source checkout; "
            "run usiraq build from a checkout (git clone), or pass --root and --out to folders of your own"
        )
    if out.is_symlink():
        raise RefusedError(f"{display_path(out)}: is a symbolic link; give the folder itself as --out")
    if out.exists():
        _refuse_foreign(out)


def _refuse_inputs(out: Path, target: Path, base: Path) -> None:
    if target == base or base.is_relative_to(target):
        raise RefusedError(
            f"{display_path(out)}: is or holds the dataset folder {display_path(base)}; "
            "a build replaces its out folder whole and would delete the inputs; choose another --out"
        )
    for name in INPUT_PATHS:
        source = base / name
        if target == source or target.is_relative_to(source):
            raise RefusedError(
                f"{display_path(out)}: is or lies inside the input {display_path(source)}; "
                "a build replaces its out folder whole; choose a folder outside the inputs"
            )


def _refuse_foreign(out: Path) -> None:
    if not out.is_dir():
        raise RefusedError(f"{display_path(out)}: is a file, not a folder; choose another --out")
    if not any(out.iterdir()):
        return
    descriptor = _descriptor(out / "datapackage.json")
    if not is_usiraq_descriptor(descriptor):
        raise RefusedError(
            f"{display_path(out)}: exists and is not a release written by usiraq (no usiraq datapackage.json); "
            "a build replaces its out folder whole, so it refuses; choose an empty or new folder"
        )
    foreign = [display_path(path) for path in _files(out) if path.relative_to(out).as_posix() not in _ours(descriptor)]
    if foreign:
        raise RefusedError(
            f"{display_path(out)}: holds files a release does not ({', '.join(foreign[:5])}"
            f"{', ...' if len(foreign) > 5 else ''}); a build replaces the folder whole, so it refuses: "
            "move them, or choose another --out"
        )


def is_usiraq_descriptor(descriptor: Any) -> bool:
    """Whether ``descriptor`` (a parsed datapackage.json) is one that usiraq writes."""
    from usiraq.schema.generate.frictionless import package_descriptor

    ours = package_descriptor("", [])
    return (
        isinstance(descriptor, dict)
        and descriptor.get("$schema") == ours["$schema"]
        and descriptor.get("name") == ours["name"]
        and isinstance(descriptor.get("version"), str)
    )


def _descriptor(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def _files(folder: Path) -> list[Path]:
    """Every file, link or other non-folder entry under ``folder``, sorted."""
    return sorted(path for path in folder.rglob("*") if path.is_symlink() or not path.is_dir())


def _ours(descriptor: dict[str, Any]) -> set[str]:
    """The paths a release with this descriptor holds."""
    resources = descriptor.get("resources")
    listed = [item.get("path") for item in resources if isinstance(item, dict)] if isinstance(resources, list) else []
    return {*DESCRIPTOR_FILES, *(path for path in listed if isinstance(path, str))}
