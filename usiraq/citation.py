"""How to cite the dataset: CITATION.cff generated from pyproject.toml and CHANGELOG.md, and other styles.

The version comes from pyproject.toml (the one version of package and data),
the release date from the version's CHANGELOG.md entry (omitted while it says
``Unreleased``), never from the clock. ``usiraq regenerate`` writes the file
twice: CITATION.cff at the top of the repository, and usiraq/CITATION.cff,
which ships in the wheel so that ``usiraq cite`` works without a checkout.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

CFF_PATHS = ("CITATION.cff", "usiraq/CITATION.cff")
STYLES = ("apa", "bibtex", "cff")
AUTHOR = "The usiraq team"
_HEADER = "# Generated from pyproject.toml and CHANGELOG.md by `usiraq regenerate` (`make regenerate`). Do not edit."
_ROOT = Path(__file__).resolve().parent.parent


# -- generation (in a source checkout) ---------------------------------------------


def render_cff(root: Path = _ROOT) -> str:
    """The text of CITATION.cff, from ``root``'s pyproject.toml and CHANGELOG.md.

    Raises:
        RuntimeError: outside a source checkout (no pyproject.toml or CHANGELOG.md).

    """
    return _header_and_yaml(cff_fields(root))


def cff_fields(root: Path = _ROOT) -> dict[str, Any]:
    """The fields of CITATION.cff, in the order they are written."""
    from usiraq.changelog import release
    from usiraq.schema.generate.frictionless import DATA_LICENSE, package_descriptor

    pyproject, changelog = root / "pyproject.toml", root / "CHANGELOG.md"
    if not pyproject.is_file() or not changelog.is_file():
        raise RuntimeError("CITATION.cff is generated in a source checkout of usiraq (pyproject.toml, CHANGELOG.md)")
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    entry = release(changelog.read_text(encoding="utf-8"), project["version"])
    fields: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite it as below.",
        "type": "dataset",
        "title": f"{project['name']}: {project['description']}",
        "abstract": package_descriptor(project["version"], [])["description"],
        "authors": [{"name": AUTHOR}],
        "version": project["version"],
    }
    if entry is not None and entry.date is not None:
        fields["date-released"] = entry.date.isoformat()
    fields["license"] = DATA_LICENSE["name"]
    fields["keywords"] = list(project.get("keywords", []))
    return fields


def _header_and_yaml(fields: dict[str, Any]) -> str:
    """YAML with every string double-quoted (JSON strings are YAML scalars), one item a line."""
    lines = [_HEADER]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(_item(item) for item in value)
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def _item(item: Any) -> str:
    if isinstance(item, dict):
        return "\n".join(
            f"  {'-' if index == 0 else ' '} {key}: {_scalar(value)}" for index, (key, value) in enumerate(item.items())
        )
    return f"  - {_scalar(item)}"


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# -- reading and formatting ---------------------------------------------------------


@cache
def citation() -> dict[str, Any]:
    """The shipped CITATION.cff, parsed."""
    import yaml

    parsed: dict[str, Any] = yaml.safe_load(shipped_cff())
    return parsed


def shipped_cff() -> str:
    """The text of the CITATION.cff shipped in the package."""
    return (files("usiraq") / "CITATION.cff").read_text(encoding="utf-8")


def cite(style: str = "apa") -> str:
    """The citation in ``style``: ``"apa"``, ``"bibtex"`` or ``"cff"``.

    Raises:
        ValueError: for an unknown style.

    """
    if style == "cff":
        return shipped_cff()
    if style == "apa":
        return apa(citation())
    if style == "bibtex":
        return bibtex(citation())
    raise ValueError(f"unknown citation style {style!r}; expected one of {', '.join(STYLES)}")


def apa(fields: dict[str, Any]) -> str:
    """An APA (7th edition) reference to the dataset.

    Example:
        >>> apa({"authors": [{"name": "T"}], "title": "X", "version": "1.0.0", "date-released": "2024-05-01"})
        'T. (2024). X (Version 1.0.0) [Data set].'

    """
    year = str(fields.get("date-released", "n.d."))[:4]
    return f"{_authors(fields)}. ({year}). {fields['title']} (Version {fields['version']}) [Data set]."


def bibtex(fields: dict[str, Any]) -> str:
    """A BibTeX ``@misc`` entry for the dataset (no URL: none is invented)."""
    version = str(fields["version"])
    entries = {
        "author": "{" + _bibtex_escape(_authors(fields)) + "}",
        "title": "{" + _bibtex_escape(str(fields["title"])) + "}",
        "version": version,
        "year": str(fields["date-released"])[:4] if "date-released" in fields else None,
        "note": f"Data set, version {version}, licensed {fields.get('license', 'as stated')}",
    }
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in entries.items() if value is not None)
    key = "usiraq_" + version.replace(".", "_")
    return f"@misc{{{key},\n{body}\n}}"


def _authors(fields: dict[str, Any]) -> str:
    names = [author.get("name") or f"{author['family-names']}, {author['given-names']}" for author in fields["authors"]]
    return ", ".join(names)


def _bibtex_escape(text: str) -> str:
    for char in "\\&%$#_{}":
        text = text.replace(char, "\\" + char)
    return text
