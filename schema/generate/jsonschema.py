"""JSON Schemas (draft 2020-12) of the hand-written YAML input files.

Editors that speak the YAML language server check a file as it is typed when
its first line names the schema, e.g. in dataset/annotations/<id>.yaml::

    # yaml-language-server: $schema=../../schema/json/annotation.schema.json

The JSON Schemas check shape, keys, types, patterns and enum values; the
cross-field rules of :mod:`usiraq.schema.inputs` (a complete explicit date, a
note for an inferred one) are checked by the builders.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel
from usiraq.schema import enums
from usiraq.schema.inputs import (
    ActorsFile,
    AnnotationFile,
    EventsFile,
    NonActorNamesFile,
    PropositionsFile,
    SourcesFile,
    TensionsFile,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = PurePosixPath("schema/json")


@dataclass(frozen=True)
class InputSchema:
    """One kind of input file: its model and where files of that kind live."""

    name: str
    model: type[BaseModel]
    files: str

    @property
    def path(self) -> PurePosixPath:
        """Repository-relative path of the generated JSON Schema."""
        return SCHEMA_DIR / f"{self.name}.schema.json"


INPUT_SCHEMAS: tuple[InputSchema, ...] = (
    InputSchema("sources", SourcesFile, "dataset/sources.yaml"),
    InputSchema("actors", ActorsFile, "dataset/registry/actors.yaml"),
    InputSchema("events", EventsFile, "dataset/registry/events.yaml"),
    InputSchema("propositions", PropositionsFile, "dataset/registry/propositions.yaml"),
    InputSchema("tensions", TensionsFile, "dataset/registry/tensions.yaml"),
    InputSchema("non_actor_names", NonActorNamesFile, "dataset/registry/non_actor_names.yaml"),
    InputSchema("annotation", AnnotationFile, "dataset/annotations/*.yaml"),
)


def yaml_modeline(spec: InputSchema) -> str:
    """The first line that points an editor at the schema, relative to the input file.

    Example:
        >>> yaml_modeline(input_schema_for("annotation"))
        '# yaml-language-server: $schema=../../schema/json/annotation.schema.json'

    """
    depth = len(PurePosixPath(spec.files).parent.parts)
    return f"# yaml-language-server: $schema={'../' * depth}{spec.path}"


def input_schema_for(name: str) -> InputSchema:
    """The input schema called ``name``, e.g. 'annotation'; :data:`INPUT_SCHEMAS` lists them all."""
    for spec in INPUT_SCHEMAS:
        if spec.name == name:
            return spec
    raise KeyError(f"no input schema named {name!r}; the names are: {', '.join(s.name for s in INPUT_SCHEMAS)}")


def json_schema(spec: InputSchema) -> dict[str, Any]:
    """The JSON Schema of one kind of input file.

    Example:
        >>> json_schema(input_schema_for("propositions"))["required"]
        ['propositions']

    """
    schema = spec.model.model_json_schema(mode="validation")
    for definition in schema.get("$defs", {}).values():
        _describe_enum(definition)
    return {
        "$schema": DRAFT,
        "title": f"usiraq input: {spec.files}",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def _describe_enum(definition: dict[str, Any]) -> None:
    """Add each value's one-line meaning to an enum definition, for editors' hover text."""
    enum_class = getattr(enums, definition.get("title", ""), None)
    if not (isinstance(enum_class, type) and issubclass(enum_class, enums.DescribedEnum)):
        return
    lines = [f"- {member.value}: {member.meaning}" for member in enum_class]
    definition["description"] = "\n".join([definition.get("description", ""), "", *lines]).strip()
    definition["markdownEnumDescriptions"] = [member.meaning for member in enum_class]
