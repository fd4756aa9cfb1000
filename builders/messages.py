"""Turn pydantic validation errors into one-line messages a coder can act on."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from usiraq.builders.yamlload import Loc, format_loc
from usiraq.schema.fields import SLUG_PATTERN

_SCALARS = (str, int, float, bool, type(None))


def error_messages(error: ValidationError, model: type[BaseModel] | None = None) -> list[tuple[Loc, str]]:
    """Each error of ``error`` as (location, message), the message starting with the location.

    ``model`` (the model that was validated) lets an unknown key name the keys allowed there.
    """
    found = []
    for details in error.errors(include_url=False):
        loc = tuple(details["loc"])
        text = describe(details, model)
        found.append((loc, f"{format_loc(loc)}: {text}" if loc else text))
    return found


def describe(details: ErrorDetails, model: type[BaseModel] | None = None) -> str:
    """One pydantic error in plain words."""
    kind = details["type"]
    value = details.get("input")
    ctx = details.get("ctx") or {}
    if kind in ("enum", "literal_error"):
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"{_show(value)} is not one of {', '.join(allowed)}"
    if kind == "missing":
        return "required, but missing"
    if kind == "extra_forbidden":
        return _unknown_key(details["loc"], model)
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == SLUG_PATTERN:
        return f"{_show(value)} is not a slug (lowercase letters and digits, joined by single '-' or '_')"
    if kind == "string_type" and isinstance(value, int | float | bool):
        return f"YAML read {_show(value)} as a {type(value).__name__}; write it in quotes to keep it as text"
    if kind == "int_type" and isinstance(value, str | bool | float):
        return f"{_show(value)} is {_kind_of(value)}, not a whole number; write the number without quotes"
    if kind == "bool_type":
        return f"{_show(value)} is {_kind_of(value)}; write true or false"
    message = str(details["msg"]).removeprefix("Value error, ")
    if isinstance(value, _SCALARS) and kind != "value_error":
        return f"{message} (got {_show(value)})"
    return message


def _kind_of(value: Any) -> str:
    """What YAML made of a value, in words."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        digits = value.strip().lstrip("+-")
        if digits.isdigit():
            leading_zero = digits.startswith("0") and len(digits) > 1
            return "text (it has a leading zero)" if leading_zero else "text (it is in quotes)"
        return "text"
    return f"a {type(value).__name__}"


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _unknown_key(loc: tuple[Any, ...], model: type[BaseModel] | None) -> str:
    key = str(loc[-1]) if loc else ""
    parent = _model_at(model, loc[:-1]) if model is not None else None
    if parent is None:
        return "unknown key"
    allowed = list(parent.model_fields)
    close = _longer_names(key, allowed) or difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown key; {hint}the keys here are: {', '.join(allowed)}"


def _longer_names(key: str, allowed: list[str]) -> list[str]:
    """The keys that name ``key`` more fully, as the release columns do (``speaker`` -> ``speaker_actor_id``).

    Input keys were renamed to their release column names after 0.2.0 (CHANGELOG.md), so a file
    written before then is told the new name of each old key.

    Example:
        >>> _longer_names("id", ["claim_id", "speaker_actor_id", "quote"])
        ['claim_id', 'speaker_actor_id']

    """
    return [name for name in allowed if name.startswith(f"{key}_") or name.endswith(f"_{key}")]


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model that validates the object at ``loc`` inside ``model``."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(str(part))
        current = _inner_model(info.annotation) if info is not None else None
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as ``list[X]`` or ``X | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None
