"""Copy the release tables, as CSV or as Parquet, into a folder of one's own."""

from __future__ import annotations

import shutil
from pathlib import Path

EXPORT_FORMATS = ("csv", "parquet")


def export(out: str | Path, fmt: str = "csv", path: str | Path | None = None) -> list[Path]:
    """Write ``<out>/<table>.<fmt>`` for every table, byte for byte as released.

    Args:
        out: the folder to write into (created if needed; files there are replaced).
        fmt: ``"csv"`` or ``"parquet"``.
        path: another copy of the data package; by default the shipped release.

    Returns:
        The files written, in table order.

    Raises:
        ValueError: for an unknown format.
        InvalidPackageError: if the package does not validate (nothing is written).

    """
    from usiraq.loader import tables
    from usiraq.validation.package import open_package
    from usiraq.validation.require import require_valid

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    require_valid(path)
    package = open_package(path)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in tables():
        target = folder / f"{name}.{fmt}"
        shutil.copyfile(package.resource_path(name, fmt), target)
        written.append(target)
    return written
