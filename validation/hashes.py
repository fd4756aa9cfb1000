"""The hash a data package declares for a file, and checking a file against it.

Light on purpose (no pandas, pyarrow or pydantic): :func:`usiraq.load` checks
a package's file with it before reading.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from usiraq.validation.package import PackageError

ALGORITHMS = ("md5", "sha1", "sha256", "sha512")


def declared_hash(value: Any) -> tuple[str, str] | None:
    """(algorithm, hex) of a Data Package ``hash``; a bare hex string is MD5, as the standard says."""
    if not isinstance(value, str) or not value:
        return None
    algorithm, _, hexdigest = value.rpartition(":")
    return (algorithm or "md5").lower(), hexdigest.lower()


def file_digest(path: Path, algorithm: str) -> tuple[int, str]:
    """(byte count, hex digest) of a file, read in chunks (hashlib lets other threads run meanwhile)."""
    with path.open("rb") as handle:
        hasher = hashlib.file_digest(handle, algorithm)
        return handle.tell(), hasher.hexdigest()


def verify_file(resource: dict[str, Any], path: Path) -> None:
    """Check that ``path`` has the byte count and hash that ``resource`` declares.

    Raises:
        PackageError: no usable hash is declared, or the file's size or hash differs.

    """
    declared = declared_hash(resource.get("hash"))
    if declared is None or declared[0] not in ALGORITHMS:
        raise PackageError(f"{path}: the package declares no usable hash for it ({resource.get('hash')!r})")
    size, actual = file_digest(path, declared[0])
    if resource.get("bytes") not in (None, size) or actual != declared[1]:
        raise PackageError(
            f"{path}: the file is not the one the package declares ({size} bytes, {declared[0]}:{actual}; "
            f"declared {resource.get('bytes')} bytes, {declared[0]}:{declared[1]}): it was changed or cut short"
        )
