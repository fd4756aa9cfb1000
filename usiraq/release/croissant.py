"""croissant.json: Croissant (ML Commons) metadata of the release, beside datapackage.json.

Generated from the data package descriptor, itself generated from the schema:
one record set per table over its Parquet file, one field per column, and the
primary key. The files' sha256 are those of the descriptor, so the same
package gives the same bytes. Foreign keys stay in datapackage.json only:
Croissant readers (mlcroissant 1.x) take a field's ``references`` as a join
to perform while reading, which would change the records a reader gets.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CROISSANT_NAME = "croissant.json"
CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
PARQUET_MEDIATYPE = "application/x-parquet"
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
DATA_TYPES = {"string": "sc:Text", "integer": "sc:Integer", "boolean": "sc:Boolean", "date": "sc:Date"}


def croissant(descriptor: dict[str, Any], citation: dict[str, Any]) -> dict[str, Any]:
    """The Croissant JSON-LD of a usiraq data package.

    Args:
        descriptor: the package's datapackage.json, parsed.
        citation: the parsed CITATION.cff (for the creator, citation and release date).

    """
    from usiraq.citation import bibtex

    parquet = [resource for resource in descriptor["resources"] if resource.get("format") == "parquet"]
    schemas = {resource["name"]: resource["schema"] for resource in descriptor["resources"] if "schema" in resource}
    metadata: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": descriptor["name"],
        "description": descriptor["description"],
        "version": descriptor["version"],
        "license": [licence["path"] for licence in descriptor.get("licenses", [])],
        "keywords": descriptor.get("keywords", []),
        "creator": [{"@type": "sc:Organization", "name": author["name"]} for author in citation["authors"]],
        "citeAs": bibtex(citation),
        "distribution": [_file_object(resource) for resource in parquet],
        "recordSet": [_record_set(resource, schemas[_table(resource)]) for resource in parquet],
    }
    if "date-released" in citation:
        metadata["datePublished"] = str(citation["date-released"])
    return metadata


def render_croissant(package_root: Path) -> str:
    """The text of croissant.json for the package in ``package_root`` (JSON, sorted keys, LF)."""
    from usiraq.citation import citation

    descriptor = json.loads((package_root / "datapackage.json").read_text(encoding="utf-8"))
    return json.dumps(croissant(descriptor, citation()), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_croissant(package_root: Path) -> Path:
    """Write croissant.json beside the datapackage.json in ``package_root``; return its path."""
    target = package_root / CROISSANT_NAME
    target.write_bytes(render_croissant(package_root).encode("utf-8"))
    return target


def _table(resource: dict[str, Any]) -> str:
    name = str(resource["name"])
    return name.removesuffix("-parquet")


def _file_object(resource: dict[str, Any]) -> dict[str, Any]:
    return {
        "@type": "cr:FileObject",
        "@id": resource["name"],
        "name": resource["name"],
        "description": f"The {_table(resource)} table as Parquet.",
        "contentUrl": resource["path"],
        "contentSize": f"{resource['bytes']} B",
        "encodingFormat": PARQUET_MEDIATYPE,
        "sha256": resource["hash"].removeprefix("sha256:"),
    }


def _record_set(resource: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The record set of a Parquet file, its fields from the Table Schema of its CSV twin."""
    table = _table(resource)
    keys = [{"@id": f"{table}/{name}"} for name in schema.get("primaryKey", [])]
    record_set: dict[str, Any] = {
        "@type": "cr:RecordSet",
        "@id": table,
        "name": table,
        "description": resource.get("description", ""),
        "field": [_field(table, resource["name"], field) for field in schema["fields"]],
    }
    if keys:
        record_set["key"] = keys[0] if len(keys) == 1 else keys
    return record_set


def _field(table: str, file_id: str, field: dict[str, Any]) -> dict[str, Any]:
    return {
        "@type": "cr:Field",
        "@id": f"{table}/{field['name']}",
        "name": field["name"],
        "description": field.get("description", ""),
        "dataType": DATA_TYPES[field["type"]],
        "source": {"fileObject": {"@id": file_id}, "extract": {"column": field["name"]}},
    }
