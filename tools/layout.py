"""Lay the package out as installed, for tools that read source trees (lint-imports, mypy).

In the checkout usiraq.schema lives in schema/, usiraq.builders in builders/ and
so on (pyproject.toml's package-dir); the editable install finds them with an
import hook that static tools cannot follow. ``lay_out`` builds the tree a wheel
installs, each module a symbolic link to its checkout file, so a tool's messages
can be mapped back to the checkout with ``checkout_path``.

Example:
    >>> folder = lay_out(Path(tempfile.mkdtemp()))  # doctest: +SKIP
    >>> checkout_path(folder / "usiraq" / "schema" / "fields.py")  # doctest: +SKIP
    PosixPath('schema/fields.py')

Writing a new module into the layout leaves the checkout alone; writing to an
existing module's path writes through its link into the checkout.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"


def package_folder(package: str, package_dir: dict[str, str]) -> Path:
    """The checkout folder of ``package``, through the longest package-dir entry that holds it."""
    parts = package.split(".")
    for cut in range(len(parts), 0, -1):
        mapped = package_dir.get(".".join(parts[:cut]))
        if mapped is not None:
            return ROOT / mapped / Path(*parts[cut:])
    return ROOT / Path(*parts)


def lay_out(folder: Path) -> Path:
    """Link every module of every package in pyproject.toml into ``folder``/usiraq/..., as installed.

    Args:
        folder: an empty or missing folder; it receives real folders and linked modules.

    Returns:
        ``folder``, whose usiraq/ is importable (put ``folder`` on the module search path).
    """
    setuptools = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["setuptools"]
    for package in setuptools["packages"]:
        target = folder.joinpath(*package.split("."))
        target.mkdir(parents=True, exist_ok=True)
        for module in sorted(package_folder(package, setuptools["package-dir"]).glob("*.py")):
            (target / module.name).symlink_to(module)
    return folder


def checkout_path(path: Path) -> Path:
    """The checkout path, relative to the checkout's root, of a module ``path`` in a layout."""
    resolved = path.resolve()
    return resolved.relative_to(ROOT) if resolved.is_relative_to(ROOT) else resolved
