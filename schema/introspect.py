"""Read the table models into plain column specifications.

Every generator (Frictionless, Arrow, pandas, codebook) works from
:class:`ColumnSpec`, so the way a pydantic annotation is read lives here once.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Union

from pydantic.fields import FieldInfo
from usiraq.schema import fields as shared
from usiraq.schema.enums import DescribedEnum
from usiraq.schema.record import Record

_CONSTRAINTS = ("pattern", "min_length", "max_length", "ge", "le")


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a release table, as every generator needs it."""

    name: str
    python_type: type
    nullable: bool
    description: str
    examples: tuple[Any, ...] = ()
    constraints: dict[str, Any] = field(default_factory=dict)
    shared_type: str | None = None

    @property
    def enum(self) -> type[DescribedEnum] | None:
        """The enum class of the column, if it has one."""
        if isinstance(self.python_type, type) and issubclass(self.python_type, Enum):
            return self.python_type  # type: ignore[return-value]
        return None

    @property
    def kind(self) -> str:
        """One of 'string', 'integer', 'boolean', 'date', 'enum'."""
        if self.enum is not None:
            return "enum"
        return {str: "string", int: "integer", bool: "boolean", dt.date: "date"}[self.python_type]


def shared_type_names() -> dict[int, str]:
    """Map ``id()`` of each shared Annotated type in schema/fields.py to its name."""
    return {id(value): name for name, value in vars(shared).items() if typing.get_origin(value) is typing.Annotated}


def columns(model: type[Record]) -> list[ColumnSpec]:
    """The columns of a table model, in declaration order."""
    hints = typing.get_type_hints(model, include_extras=True)
    names = shared_type_names()
    specs = []
    for name, info in model.model_fields.items():
        specs.append(_column(name, info, hints[name], names))
    return specs


def _column(name: str, info: FieldInfo, hint: Any, names: dict[int, str]) -> ColumnSpec:
    inner, nullable = _strip_none(hint)
    shared_type = names.get(id(inner))
    metadata: list[Any] = list(info.metadata)
    descriptions = [info.description]
    examples = list(info.examples or [])
    shared_examples: list[Any] = []
    if typing.get_origin(inner) is typing.Annotated:
        base, *extras = typing.get_args(inner)
        for extra in extras:
            if isinstance(extra, FieldInfo):
                metadata.extend(extra.metadata)
                descriptions.append(extra.description)
                shared_examples = shared_examples or list(extra.examples or [])
    else:
        base = inner
    description = next((d for d in descriptions if d), "")
    examples = _own_examples(description, examples or shared_examples, descriptions[1:], shared_examples)
    return ColumnSpec(
        name=name,
        python_type=base,
        nullable=nullable,
        description=description,
        examples=tuple(examples),
        constraints=_constraints(metadata),
        shared_type=shared_type,
    )


def _own_examples(
    description: str, examples: list[Any], shared_descriptions: list[str | None], shared_examples: list[Any]
) -> list[Any]:
    """Drop a shared type's examples from a column that gives the type its own meaning.

    A column that sharpens a shared description (``outlet`` is a ``Verbatim``)
    but names no example of its own would otherwise show the shared type's
    example ("a senior US defence official"), which does not fit it.
    """
    overridden = bool(shared_descriptions) and description not in shared_descriptions
    if overridden and shared_examples and examples == shared_examples:
        return []
    return examples


def _strip_none(hint: Any) -> tuple[Any, bool]:
    """Return (the non-None member of an Optional, whether None was allowed)."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        members = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(members) != 1:
            raise TypeError(f"unsupported union {hint!r}")
        return members[0], True
    return hint, False


def _constraints(metadata: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        for key in _CONSTRAINTS:
            value = getattr(item, key, None)
            if value is not None:
                found[key] = value
    return found
