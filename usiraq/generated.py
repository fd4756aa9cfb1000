"""Every file generated from the schema and the project metadata, and writing them into the repository.

``usiraq regenerate`` (``make regenerate``) calls :func:`write_generated_files`;
a test checks that each committed file equals :func:`generated_files`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from usiraq.citation import CFF_PATHS, render_cff
from usiraq.schema import TABLES
from usiraq.schema.generate.codebook import CODEBOOK_PATH, render_codebook
from usiraq.schema.generate.frictionless import table_schema
from usiraq.schema.generate.jsonschema import INPUT_SCHEMAS, SCHEMA_DIR, json_schema
from usiraq.tablespec import SPEC_PATH, render_table_specs

TABLE_SCHEMA_DIR = SCHEMA_DIR / "table-schemas"
GENERATED_DIRS = (Path(SCHEMA_DIR), Path(TABLE_SCHEMA_DIR))


def json_text(value: Any) -> str:
    """JSON as the generated files write it: sorted keys, 2-space indent, UTF-8, trailing newline."""
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def generated_files() -> dict[Path, str]:
    """Repository-relative path -> exact content of every generated file."""
    files: dict[Path, str] = {}
    for spec in INPUT_SCHEMAS:
        files[Path(spec.path)] = json_text(json_schema(spec))
    for model in TABLES:
        files[Path(TABLE_SCHEMA_DIR) / f"{model.table_name}.json"] = json_text(table_schema(model))
    files[Path(CODEBOOK_PATH)] = render_codebook()
    files[Path(SPEC_PATH)] = render_table_specs()
    for path in CFF_PATHS:
        files[Path(path)] = render_cff()
    return dict(sorted(files.items()))


class NotACheckoutError(RuntimeError):
    """Generated files are written into a source checkout, never into an installed package."""


def repo_root(root: Path | None = None) -> Path:
    """The source checkout to write into: ``root``, or by default the one this package is imported from.

    Raises:
        NotACheckoutError: when the folder is not a source checkout of usiraq, as
            when the package is installed from a wheel.

    """
    if root is None:
        root, where = Path(__file__).resolve().parent.parent, "usiraq is installed, not run from a checkout"
    else:
        where = f"{root} is not a source checkout of usiraq"
    if not (root / "pyproject.toml").is_file() or not (root / "schema" / "generate").is_dir():
        raise NotACheckoutError(
            f"{where}: generated files are written only into a source checkout "
            "(git clone, then run from it, or pass --root CHECKOUT)"
        )
    return root


def stale_files(root: Path) -> list[Path]:
    """JSON files in the generated directories that no generator makes any more (repo-relative)."""
    expected = set(generated_files())
    found = (path.relative_to(root) for folder in GENERATED_DIRS for path in (root / folder).glob("*.json"))
    return sorted(path for path in found if path not in expected)


def write_generated_files(root: Path | None = None) -> list[Path]:
    """Write every generated file (LF line ends, UTF-8) and delete stale ones.

    Args:
        root: the repository root; by default the checkout this package runs from.

    Returns:
        The repository-relative paths written or deleted, in sorted order.

    Raises:
        NotACheckoutError: if ``root`` (or the folder usiraq runs from) is not a source checkout.

    """
    root = repo_root(root)
    touched = []
    for relative, content in generated_files().items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != content.encode("utf-8"):
            target.write_bytes(content.encode("utf-8"))
            touched.append(relative)
    for relative in stale_files(root):
        (root / relative).unlink()
        touched.append(relative)
    return sorted(touched)
