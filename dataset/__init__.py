"""The dataset's inputs (articles, annotations, registry) and its built release."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def dataset_root() -> Traversable:
    """The folder holding sources/, annotations/, registry/ and release/."""
    return files(__name__)


def release_root() -> Traversable:
    """The folder of the shipped release (datapackage.json, csv/, parquet/)."""
    return dataset_root() / "release"
