"""Build the release as shipped: the builders' tables, croissant.json beside them, validated before the switch.

The builders write the tables and datapackage.json (:func:`usiraq.builders.build.build_release`);
this module adds what needs the layer above them: the data version, croissant.json
(which cites the dataset) and the validation that ``usiraq validate`` runs.
"""

from __future__ import annotations

from pathlib import Path

from usiraq.builders.build import STEPS as TABLE_STEPS
from usiraq.builders.build import BuildResult, Progress, build_release
from usiraq.builders.errors import display_path
from usiraq.dataset import dataset_root
from usiraq.release.croissant import write_croissant
from usiraq.schema.version import data_version

STEPS: tuple[str, ...] = (*TABLE_STEPS, "validate")
"""The steps of a build, in order: reading the inputs, each table, the warnings, writing and validating the release."""


def default_root() -> Path:
    """The dataset folder of the package (dataset/ in a source checkout)."""
    return Path(str(dataset_root()))


def build(
    root: Path | None = None, out: Path | None = None, progress: Progress | None = None, validate: bool = True
) -> BuildResult:
    """Build the release from the inputs under ``root`` and write it to ``out``.

    Args:
        root: the dataset folder (sources.yaml, sources/, registry/, annotations/);
            by default the package's own.
        out: where to write the release; by default ``<root>/release``.
        progress: called with the name of each step in :data:`STEPS` as it starts.
        validate: validate the release written, with :func:`usiraq.validation.validate.validate_package`
            (what ``usiraq validate`` runs), before it replaces the previous one.

    Raises:
        RefusedError: ``root`` is not a dataset folder, or ``out`` is, holds or lies in the inputs, is not a release
            written by usiraq, or another build is writing it; nothing was read or written.
        BuildError: every problem with the inputs, each with file and line; the
            previous release is then left untouched.
        InvalidPackageError: the release written does not validate; it was not switched in.

    """
    root = Path(root) if root is not None else default_root()
    out = Path(out) if out is not None else root / "release"

    def check(folder: Path) -> None:
        validate_written(folder, out, progress)

    return build_release(root, out, data_version(), progress, extra=write_croissant, check=check if validate else None)


def validate_written(folder: Path, out: Path | None = None, progress: Progress | None = None) -> None:
    """Validate the release written in ``folder`` (to be switched in at ``out``) as ``usiraq validate`` does.

    Raises:
        InvalidPackageError: with the report, if it is not valid.

    """
    from usiraq.validation.require import require_valid

    if progress is not None:
        progress("validate")
    label = f"the new release for {display_path(out)}" if out is not None else None
    require_valid(folder, label)
