"""The one version of the package and its data, read from pyproject.toml's metadata."""

from __future__ import annotations

import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def data_version() -> str:
    """The package version, which is also the data version.

    In a source checkout the version is read from pyproject.toml itself, so a
    stale editable install cannot stamp an old version on a new build; an
    installed wheel reads its own metadata.
    """
    if _PYPROJECT.is_file():
        project = tomllib.loads(_PYPROJECT.read_text(encoding="utf-8")).get("project", {})
        if project.get("name") == "usiraq" and "version" in project:
            return str(project["version"])
    try:
        return version("usiraq")
    except PackageNotFoundError:
        return "0+unknown"
