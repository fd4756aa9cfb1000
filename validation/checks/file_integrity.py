"""``file-integrity``: every resource file has the byte count and hash the descriptor declares."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from usiraq.schema import TABLE_NAMES
from usiraq.validation.checks.base import Check
from usiraq.validation.hashes import ALGORITHMS, declared_hash
from usiraq.validation.package import PackageError, table_name
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables


def resource_errors(tables: Tables, resource: dict[str, Any]) -> Iterator[str]:
    """What is wrong with one resource's declared size and hash."""
    fmt = resource.get("format", "?")
    try:
        path = tables.package.local_file(str(resource.get("path")))
    except PackageError as error:
        yield f"{fmt}: {error}"
        return
    declared = declared_hash(resource.get("hash"))
    if declared is None or declared[0] not in ALGORITHMS:
        yield f"{fmt}: hash {resource.get('hash')!r} is not one of {', '.join(ALGORITHMS)} as '<algorithm>:<hex>'"
        declared = ("sha256", "")
    size, actual = tables.digest(path, declared[0])
    if resource.get("bytes") != size:
        yield f"{fmt}: bytes is {resource.get('bytes')!r}, the file has {size}"
    if declared[1] and actual != declared[1]:
        yield f"{fmt}: hash is {declared[0]}:{declared[1]}, the file has {declared[0]}:{actual}"


def run(tables: Tables) -> Iterator[Finding]:
    """Recompute the size and hash of every resource file."""
    for resource in tables.package.resources:
        table = table_name(resource)
        for message in resource_errors(tables, resource):
            yield Finding(table if table in TABLE_NAMES else None, message, field="hash")


CHECK = Check(
    code="file-integrity",
    description="Every resource file has the bytes and hash ('sha256:<hex>') its descriptor declares.",
    error="{format}: hash is {declared}, the file has {actual}",
    tables=TABLE_NAMES,
    run=run,
)
