"""Open a data package on disk without trusting it.

:func:`open_package` reads ``datapackage.json`` and refuses, with one clear
:class:`PackageError`, anything that would make a reader fetch or open a file
outside the package folder: absolute paths, URLs of any scheme, ``..``
components and symbolic links that resolve outside. Nothing is fetched.

Example:
    >>> package = open_package()  # the shipped release
    >>> package.resource_path("claims").name
    'claims.csv'

"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

DESCRIPTOR_NAME = "datapackage.json"
MAX_DESCRIPTOR_BYTES = 50_000_000
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_FORMAT_SUFFIXES = ("-csv", "_csv", "-parquet", "_parquet")
_PROFILE_KEYS = ("$schema", "profile")
_PROFILE_URL = re.compile(
    r"^https://(datapackage\.org/profiles|specs\.frictionlessdata\.io/schemas)/[A-Za-z0-9./_-]+\.json$"
)
_PROFILE_NAME = re.compile(r"^[a-z][a-z-]*$")


class PackageError(ValueError):
    """The package cannot be used: the message names the file and says why, on one line."""


@dataclass(frozen=True)
class LocalPackage:
    """A data package whose descriptor was read and whose resource paths stay inside ``root``.

    Attributes:
        root: the package folder (the folder of ``datapackage.json``), resolved.
        descriptor: the parsed ``datapackage.json``.
        descriptor_path: the ``datapackage.json`` file.

    """

    root: Path
    descriptor: dict[str, Any]
    descriptor_path: Path

    @property
    def resources(self) -> list[dict[str, Any]]:
        """The resource descriptors, in the order the package lists them."""
        return list(self.descriptor.get("resources", []))

    def resource_names(self) -> list[str]:
        """The names of the tables, once each, in descriptor order.

        A table shipped as CSV and as Parquet is one name (a resource named
        ``claims-parquet`` or ``claims_parquet`` counts as ``claims``).
        """
        names: list[str] = []
        for resource in self.resources:
            name = table_name(resource)
            if name not in names:
                names.append(name)
        return names

    def resource(self, name: str, fmt: str = "csv") -> dict[str, Any]:
        """The descriptor of table ``name`` in format ``fmt`` ("csv" or "parquet").

        Raises:
            PackageError: if the package has no such resource.

        """
        for resource in self.resources:
            if table_name(resource) == name and resource_format(resource) == fmt:
                return resource
        known = ", ".join(self.resource_names()) or "none"
        raise PackageError(f"{self.descriptor_path}: no {fmt} resource named {name!r} (tables: {known})")

    def resource_path(self, name: str, fmt: str = "csv") -> Path:
        """The file of table ``name`` in format ``fmt``, checked to exist inside the package.

        Raises:
            PackageError: if there is no such resource, its path is unsafe, or the file is missing.

        """
        resource = self.resource(name, fmt)
        path = resource.get("path")
        if not isinstance(path, str):
            raise PackageError(f"{self.descriptor_path}: resource {name!r} ({fmt}) needs one path as a string")
        return self.local_file(path)

    def local_file(self, relative: str) -> Path:
        """The existing file ``relative`` to the package folder, refused if it is unsafe or missing.

        Raises:
            PackageError: if the path is unsafe or no file is there.

        """
        path = safe_path(self.root, relative, self.descriptor_path)
        if not path.is_file():
            raise PackageError(f"{self.descriptor_path}: resource file {relative!r} does not exist")
        return path


def open_package(path: str | Path | None = None) -> LocalPackage:
    """Read a data package from disk.

    Args:
        path: a ``datapackage.json`` file or the folder holding one; ``None``
            opens the release shipped with this package.

    Raises:
        PackageError: if the descriptor is missing, unreadable, not UTF-8, not
            JSON, not an object, or lists a resource path that is absolute, a
            URL, or leaves the package folder.

    """
    descriptor_path = _descriptor_file(path)
    descriptor = _read_descriptor(descriptor_path)
    root = descriptor_path.parent.resolve()
    _check_resources(descriptor, root, descriptor_path)
    return LocalPackage(root=root, descriptor=descriptor, descriptor_path=descriptor_path)


def table_name(resource: dict[str, Any]) -> str:
    """The table a resource holds: its name without a ``-parquet``/``-csv`` suffix."""
    name = str(resource.get("name", ""))
    for suffix in _FORMAT_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def resource_format(resource: dict[str, Any]) -> str:
    """A resource's format: its ``format``, else the suffix of its path, in lower case."""
    fmt = resource.get("format")
    if isinstance(fmt, str) and fmt:
        return fmt.lower()
    path = resource.get("path")
    return PurePosixPath(path).suffix.lstrip(".").lower() if isinstance(path, str) else ""


def safe_path(root: Path, relative: str, descriptor_path: Path) -> Path:
    """``root / relative``, refused unless it is a plain relative path that stays inside ``root``.

    Raises:
        PackageError: for an empty, absolute, URL, ``..``, backslash or NUL path,
            or one whose symbolic links resolve outside ``root``.

    """
    reason = unsafe_reason(relative)
    if reason:
        raise PackageError(f"{descriptor_path}: resource path {relative!r} refused: {reason}")
    target = Path(os.path.realpath(root / relative))
    if not target.is_relative_to(Path(os.path.realpath(root))):
        raise PackageError(f"{descriptor_path}: resource path {relative!r} refused: it resolves outside the package")
    return target


def unsafe_reason(relative: str) -> str | None:
    """Why a resource path may not be opened, or ``None`` if it is a plain relative path."""
    if not relative:
        return "it is empty"
    if "\x00" in relative or "\\" in relative:
        return "it holds a NUL or a backslash"
    if relative.startswith("/") or PureWindowsPath(relative).is_absolute():
        return "it is absolute"
    if _SCHEME.match(relative):
        return "it is a URL (only files inside the package are read)"
    if ".." in PurePosixPath(relative).parts:
        return "it leaves the package folder ('..')"
    return None


def _descriptor_file(path: str | Path | None) -> Path:
    if path is None:
        from usiraq.dataset import release_root

        path = Path(str(release_root()))
    path = Path(path)
    if path.is_dir():
        path = path / DESCRIPTOR_NAME
    if not path.is_file():
        raise PackageError(f"{path}: no such file (give a datapackage.json or the folder holding one)")
    return path


def _read_descriptor(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_DESCRIPTOR_BYTES:
            raise PackageError(f"{path}: descriptor larger than {MAX_DESCRIPTOR_BYTES} bytes")
        raw = path.read_bytes()
    except OSError as error:
        raise PackageError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = raw[error.start : error.start + 1].hex()
        raise PackageError(
            f"{path}: not a datapackage.json: not UTF-8 text (byte 0x{bad} at byte offset {error.start})"
        ) from None
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise PackageError(f"{path}: malformed JSON at {where}: {error.msg}") from None
    except RecursionError:
        raise PackageError(f"{path}: malformed JSON: nested too deeply") from None
    if not isinstance(descriptor, dict):
        raise PackageError(f"{path}: the descriptor must be a JSON object, not {type(descriptor).__name__}")
    return descriptor


def _check_resources(descriptor: dict[str, Any], root: Path, descriptor_path: Path) -> None:
    _check_profile(descriptor, "the package", descriptor_path)
    resources = descriptor.get("resources", [])
    if not isinstance(resources, list):
        raise PackageError(f"{descriptor_path}: 'resources' must be a list")
    for index, resource in enumerate(resources):
        if not isinstance(resource, dict):
            raise PackageError(f"{descriptor_path}: resources[{index}] must be an object")
        if not isinstance(resource.get("name"), str) or not resource["name"]:
            raise PackageError(f"{descriptor_path}: resources[{index}] needs a name (a non-empty string)")
        _check_profile(resource, f"resources[{index}]", descriptor_path)
        for relative in _paths(resource, index, descriptor_path):
            safe_path(root, relative, descriptor_path)


def _check_profile(item: dict[str, Any], where: str, descriptor_path: Path) -> None:
    """Refuse a custom profile: a reader would fetch it. Standard names and URLs pass."""
    for key in _PROFILE_KEYS:
        value = item.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not (_PROFILE_URL.match(value) or _PROFILE_NAME.match(value)):
            raise PackageError(f"{descriptor_path}: {where} {key} {value!r} refused: only standard profiles are read")


def _paths(resource: dict[str, Any], index: int, descriptor_path: Path) -> list[str]:
    """Every file the resource refers to: its path(s), and a schema or dialect given by path."""
    path = resource.get("path")
    if path is None:
        parts: list[Any] = []
    else:
        parts = path if isinstance(path, list) else [path]
        if not parts or not all(isinstance(part, str) for part in parts):
            raise PackageError(f"{descriptor_path}: resources[{index}].path must be a string or a list of strings")
    parts += [resource[key] for key in ("schema", "dialect") if isinstance(resource.get(key), str)]
    return parts
