"""JSON Schemas of the YAML input files, checked with the `jsonschema` library."""

from __future__ import annotations

import datetime as dt
import fnmatch
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel
from usiraq.schema import inputs as inputs_module
from usiraq.schema.generate.jsonschema import INPUT_SCHEMAS, InputSchema, input_schema_for, json_schema, yaml_modeline

ROOT = Path(__file__).resolve().parent.parent
INPUT_FILES = sorted(
    path.relative_to(ROOT)
    for pattern in ("dataset/*.yaml", "dataset/registry/*.yaml", "dataset/annotations/*.yaml")
    for path in ROOT.glob(pattern)
)

VALID: dict[str, dict[str, Any]] = {
    "sources": {
        "sources": [
            {
                "source_id": "003_ab9f14d1c7684910",
                "file_name": "003_ab9f14d1c7684910.txt",
                "sha256": "c6328d15b16e84625c32ee08db579802cf7ffd53dbabc28b6af0d0e8f19eacc7",
                "outlet": "Al-Monitor",
                "published": {"start": "2024-01-25", "end": "2024-01-25", "precision": "day", "basis": "stated"},
                "flags": [
                    {"flag_id": "003-boilerplate", "flag": "boilerplate", "description": "Tags.", "quote": "Tags"}
                ],
            }
        ]
    },
    "actors": {
        "actors": [
            {
                "actor_id": "pat-ryder",
                "name": "Pat Ryder",
                "actor_type": "person",
                "country": "USA",
                "parent_actor_id": "us-department-of-defense",
                "description": "Pentagon spokesman.",
                "aliases": [{"alias": "Ryder", "alias_kind": "short_form"}],
            }
        ]
    },
    "events": {
        "events": [
            {
                "event_id": "us-iraq-talks-2024-01",
                "event_type": "talks",
                "plover_event": "CONSULT",
                "summary": "US and Iraqi officials meet.",
                "actors": [{"actor_id": "iraq", "role": "participant"}],
            }
        ]
    },
    "propositions": {
        "propositions": [
            {"proposition_id": "us-troops-about-2500", "statement": "About 2,500 troops.", "topic": "troop_presence"}
        ]
    },
    "annotation": {
        "source_id": "004_da6def8141b84164",
        "claims": [
            {
                "claim_id": "004-troops-2500",
                "quote": "roughly 2,500 US troops",
                "attribution_kind": "unattributed",
                "modality": "asserted",
                "topic": "troop_presence",
                "content": "About 2,500 US troops are in Iraq.",
                "propositions": [{"proposition_id": "us-troops-about-2500", "stance": "supports"}],
            }
        ],
        "figures": [
            {
                "figure_id": "004-troops",
                "quote": "roughly 2,500 US troops",
                "quantity": "personnel",
                "counted_as_written": "US troops",
                "number_text": "2,500",
                "value": 2500,
                "approximate": True,
                "as_of": {"as_written": "currently"},
            }
        ],
        "event_mentions": [
            {"event_id": "us-iraq-talks-2024-01", "quote": "talks", "occurrence": 2, "status": "occurred"}
        ],
        "uncoded_numbers": [{"quote": "7921132.jpg", "reason": "url_or_file_name"}],
    },
    "tensions": {
        "tensions": [
            {
                "tension_id": "us-troops-in-syria-about-900-or-900",
                "kind": "precision_difference",
                "scope": "between_articles",
                "proposition_id": "us-troops-in-syria-about-900",
                "summary": "003 says about 900 US troops are in Syria; 004 says 900.",
                "a": [{"source_id": "003_ab9f14d1c7684910", "quote": "about 900 in Syria"}],
                "b": [
                    {"source_id": "004_da6def8141b84164", "quote": "an additional 900 in Syria", "claim_id": "004-x"}
                ],
            }
        ]
    },
    "non_actor_names": {"names": ["Baghdad"]},
}

FIGURE = VALID["annotation"]["figures"][0]
INVALID: list[tuple[str, str, Any]] = [
    ("unknown key", "actors", {"actors": [{**VALID["actors"]["actors"][0], "nickname": "Pat"}]}),
    ("enum value", "actors", {"actors": [{**VALID["actors"]["actors"][0], "actor_type": "spokesman"}]}),
    ("missing key", "propositions", {"propositions": [{"proposition_id": "x", "statement": "S."}]}),
    ("slug pattern", "events", {"events": [{**VALID["events"]["events"][0], "event_id": "Talks 1"}]}),
    ("empty text", "propositions", {"propositions": [{"proposition_id": "x", "statement": "", "topic": "talks"}]}),
    ("wrong type", "annotation", {"source_id": "004", "figures": [{**FIGURE, "value": "many"}]}),
    ("negative number", "annotation", {"source_id": "004", "figures": [{**FIGURE, "value": -1}]}),
    ("no aliases", "actors", {"actors": [{**VALID["actors"]["actors"][0], "aliases": []}]}),
    ("top-level typo", "annotation", {"source_id": "004", "claim": []}),
    ("tension kind", "tensions", {"tensions": [{**VALID["tensions"]["tensions"][0], "kind": "disagreement"}]}),
    ("tension side empty", "tensions", {"tensions": [{**VALID["tensions"]["tensions"][0], "b": []}]}),
]


def validator(spec: InputSchema) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema(spec))


def as_editor_sees_it(value: Any) -> Any:
    """YAML as a YAML 1.2 editor reads it: dates stay strings."""
    if isinstance(value, dict):
        return {key: as_editor_sees_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_editor_sees_it(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def spec_for_file(relative: Path) -> InputSchema:
    matches = [spec for spec in INPUT_SCHEMAS if fnmatch.fnmatch(relative.as_posix(), spec.files)]
    assert matches, f"{relative.as_posix()} is an input file without a JSON Schema: add it to INPUT_SCHEMAS"
    return matches[0]


@pytest.mark.parametrize("spec", INPUT_SCHEMAS, ids=lambda s: s.name)
def test_json_schema_is_a_valid_draft_2020_12_schema(spec: InputSchema) -> None:
    schema = json_schema(spec)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_input_model_has_a_json_schema() -> None:
    file_models = {
        value
        for name, value in vars(inputs_module).items()
        if name.endswith("File") and isinstance(value, type) and issubclass(value, BaseModel)
    }
    assert file_models == {spec.model for spec in INPUT_SCHEMAS}


@pytest.mark.parametrize("spec", INPUT_SCHEMAS, ids=lambda s: s.name)
def test_valid_example_passes_json_schema_and_model(spec: InputSchema) -> None:
    document = VALID[spec.name]
    validator(spec).validate(document)
    spec.model.model_validate(document)


@pytest.mark.parametrize(("what", "name", "document"), INVALID, ids=[case[0] for case in INVALID])
def test_invalid_example_fails_json_schema_and_model(what: str, name: str, document: Any) -> None:
    spec = input_schema_for(name)
    assert list(validator(spec).iter_errors(document)), f"the JSON Schema accepts a document with a bad {what}"
    with pytest.raises(ValueError):
        spec.model.model_validate(document)


@pytest.mark.parametrize("relative", INPUT_FILES, ids=lambda p: p.as_posix())
def test_committed_input_file_passes_its_json_schema(relative: Path) -> None:
    spec = spec_for_file(relative)
    document = as_editor_sees_it(yaml.safe_load((ROOT / relative).read_text(encoding="utf-8")))
    errors = sorted(validator(spec).iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{relative}: {list(e.absolute_path)}: {e.message}" for e in errors[:10])


@pytest.mark.parametrize("relative", INPUT_FILES, ids=lambda p: p.as_posix())
def test_committed_input_file_names_its_schema_on_its_first_line(relative: Path) -> None:
    spec = spec_for_file(relative)
    first = (ROOT / relative).read_text(encoding="utf-8").splitlines()[0]
    assert first == yaml_modeline(spec), f"make the first line of {relative.as_posix()}: {yaml_modeline(spec)}"


@pytest.mark.parametrize("spec", INPUT_SCHEMAS, ids=lambda s: s.name)
def test_modeline_points_at_the_schema(spec: InputSchema) -> None:
    relative_schema = yaml_modeline(spec).split("$schema=")[1]
    folder = ROOT / Path(spec.files).parent
    assert (folder / relative_schema).resolve() == (ROOT / spec.path).resolve()


def test_enum_definitions_carry_meanings() -> None:
    defs = json_schema(input_schema_for("annotation"))["$defs"]
    assert "- asserted: Stated as fact." in defs["Modality"]["description"]
    assert len(defs["Modality"]["markdownEnumDescriptions"]) == len(defs["Modality"]["enum"])
