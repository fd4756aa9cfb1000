"""``file-integrity``: every resource declares its file's size and a usable hash, and the file is there.

Whether the file has that size and hash is the standards gate's
(``frictionless/byte-count``, ``frictionless/hash-count``), as Frictionless
compares them; this check makes sure there is something to compare: a
descriptor without ``bytes`` or ``hash`` would pass Frictionless unchecked.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from usiraq.schema import TABLE_NAMES
from usiraq.validation.checks.base import Check
from usiraq.validation.hashes import ALGORITHMS, declared_hash
from usiraq.validation.package import PackageError, table_name
from usiraq.validation.report import Finding
from usiraq.validation.tables import Tables


def resource_errors(tables: Tables, resource: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(field, what is wrong) with one resource's file and its declared size and hash."""
    fmt = resource.get("format", "?")
    try:
        tables.package.local_file(str(resource.get("path")))
    except PackageError as error:
        yield "path", f"{fmt}: {error}"
        return
    bytes_declared = resource.get("bytes")
    if not isinstance(bytes_declared, int) or isinstance(bytes_declared, bool) or bytes_declared < 0:
        yield "bytes", f"{fmt}: bytes is {bytes_declared!r}, not the file's size as a whole number"
    declared = declared_hash(resource.get("hash"))
    if declared is None or declared[0] not in ALGORITHMS or not declared[1]:
        yield (
            "hash",
            f"{fmt}: hash {resource.get('hash')!r} is not one of {', '.join(ALGORITHMS)} as '<algorithm>:<hex>'",
        )


def run(tables: Tables) -> Iterator[Finding]:
    """Look at every resource's path, ``bytes`` and ``hash``."""
    for resource in tables.package.resources:
        table = table_name(resource)
        for field, message in resource_errors(tables, resource):
            yield Finding(table if table in TABLE_NAMES else None, message, field=field)


CHECK = Check(
    code="file-integrity",
    description="Every resource's file is there and its descriptor declares its bytes and hash ('sha256:<hex>').",
    error="{format}: hash {declared!r} is not one of md5, sha1, sha256, sha512 as '<algorithm>:<hex>'",
    tables=TABLE_NAMES,
    run=run,
)
