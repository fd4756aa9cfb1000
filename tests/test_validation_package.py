"""open_package reads a package without trusting it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from usiraq.validation.package import PackageError, open_package, unsafe_reason


def write_package(folder: Path, descriptor: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "datapackage.json"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    return path


def resource(name: str, path: str, fmt: str = "csv") -> dict[str, str]:
    return {"name": name, "path": path, "format": fmt}


def test_opens_a_folder_or_its_descriptor(tmp_path: Path) -> None:
    (tmp_path / "csv").mkdir()
    (tmp_path / "csv" / "claims.csv").write_text("claim_id\n", encoding="utf-8")
    (tmp_path / "parquet").mkdir()
    (tmp_path / "parquet" / "claims.parquet").write_bytes(b"PAR1")
    descriptor = {
        "name": "p",
        "resources": [
            resource("claims", "csv/claims.csv"),
            resource("claims-parquet", "parquet/claims.parquet", "parquet"),
        ],
    }
    path = write_package(tmp_path, descriptor)
    for given in (tmp_path, path, str(path)):
        package = open_package(given)
        assert package.root == tmp_path.resolve()
        assert package.descriptor == descriptor
        assert package.resource_names() == ["claims"]
        assert package.resource_path("claims") == (tmp_path / "csv" / "claims.csv").resolve()
        assert package.resource_path("claims", "parquet").name == "claims.parquet"


def test_unknown_resource_names_the_tables(tmp_path: Path) -> None:
    write_package(tmp_path, {"resources": [resource("claims", "csv/claims.csv")]})
    with pytest.raises(PackageError, match="no csv resource named 'actors' \\(tables: claims\\)"):
        open_package(tmp_path).resource_path("actors")


def test_missing_resource_file_is_named(tmp_path: Path) -> None:
    write_package(tmp_path, {"resources": [resource("claims", "csv/claims.csv")]})
    with pytest.raises(PackageError, match=r"'csv/claims\.csv' does not exist"):
        open_package(tmp_path).resource_path("claims")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"name": ', "malformed JSON at line 1"),
        (b"[1, 2]", "must be a JSON object, not list"),
        (b'"text"', "must be a JSON object, not str"),
        (b"[" * 100_000, "malformed JSON"),
        (b'{"resources": {}}', "'resources' must be a list"),
        (b'{"resources": [3]}', r"resources\[0\] must be an object"),
        (b'{"resources": [{"path": "a.csv"}]}', r"resources\[0\] needs a name"),
        (b'{"resources": [{"name": "a", "path": 3}]}', "must be a string or a list of strings"),
        (b'{"$schema": "https://example.org/p.json"}', "only standard profiles"),
    ],
)
def test_broken_descriptors_are_refused_with_the_file_named(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "datapackage.json"
    path.write_bytes(content)
    with pytest.raises(PackageError, match=message) as raised:
        open_package(tmp_path)
    assert str(path) in str(raised.value)
    assert "\n" not in str(raised.value)


def test_missing_folder_or_file(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="no such file"):
        open_package(tmp_path / "nowhere")
    with pytest.raises(PackageError, match="no such file"):
        open_package(tmp_path)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/etc/passwd", "absolute"),
        ("C:/data/x.csv", "absolute"),
        ("//host/share/x.csv", "absolute"),
        ("https://example.org/x.csv", "URL"),
        ("file:x.csv", "URL"),
        ("s3://bucket/x.csv", "URL"),
        ("../x.csv", "leaves the package"),
        ("csv/../../x.csv", "leaves the package"),
        ("csv\\..\\x.csv", "backslash"),
        ("", "empty"),
    ],
)
def test_unsafe_resource_paths_are_refused(tmp_path: Path, path: str, reason: str) -> None:
    write_package(tmp_path, {"resources": [resource("claims", path)]})
    with pytest.raises(PackageError, match=reason):
        open_package(tmp_path)


@pytest.mark.parametrize("key", ["schema", "dialect"])
def test_schema_or_dialect_by_url_is_refused(tmp_path: Path, key: str) -> None:
    write_package(tmp_path, {"resources": [{"name": "a", "path": "a.csv", key: "https://example.org/s.json"}]})
    with pytest.raises(PackageError, match="URL"):
        open_package(tmp_path)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_symlink_leaving_the_package_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text("secret\n", encoding="utf-8")
    package = tmp_path / "package"
    package.mkdir()
    (package / "claims.csv").symlink_to(outside)
    write_package(package, {"resources": [resource("claims", "claims.csv")]})
    with pytest.raises(PackageError, match="resolves outside the package"):
        open_package(package)


def test_plain_relative_paths_are_safe() -> None:
    assert unsafe_reason("csv/claims.csv") is None
    assert unsafe_reason("parquet/claims.parquet") is None
