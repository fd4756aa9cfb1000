"""The base class of every release table model, and its key declarations."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, model_validator


@dataclass(frozen=True)
class ForeignKey:
    """A foreign key: ``fields`` of this table reference ``reference_fields`` of ``table``."""

    fields: tuple[str, ...]
    table: str
    reference_fields: tuple[str, ...]


class Record(BaseModel):
    """One row of a release table.

    Subclasses declare the table name, a description, the primary key and the
    foreign keys as class variables; the generators read them from here.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    table_name: ClassVar[str]
    table_title: ClassVar[str]
    table_description: ClassVar[str]
    primary_key: ClassVar[tuple[str, ...]]
    foreign_keys: ClassVar[tuple[ForeignKey, ...]] = ()

    @model_validator(mode="after")
    def _check_evidence_and_intervals(self) -> Record:
        """Check the invariants every table shares: span length and interval order."""
        values = self.__dict__
        if {"quote", "char_start", "char_end"} <= values.keys():
            _check_span(values["quote"], values["char_start"], values["char_end"])
        for start, end in _interval_pairs(type(self)):
            if values[start] is not None and values[end] is not None and values[start] > values[end]:
                raise ValueError(f"{start} ({values[start]}) is after {end} ({values[end]})")
        low, high = values.get("value_low"), values.get("value_high")
        value = values.get("value")
        if low is not None and value is not None and low > value:
            raise ValueError(f"value_low ({low}) is above value ({value})")
        if high is not None and value is not None and value > high:
            raise ValueError(f"value ({value}) is above value_high ({high})")
        return self

    def to_row(self) -> dict[str, Any]:
        """The row as plain Python values (enums as their string values)."""
        return self.model_dump(mode="python")


def _check_span(quote: str | None, start: int | None, end: int | None) -> None:
    if quote is None or start is None or end is None:
        return
    if end - start != len(quote):
        raise ValueError(f"char_end - char_start ({end - start}) differs from the length of quote ({len(quote)})")


@cache
def _interval_pairs(model: type[Record]) -> tuple[tuple[str, str], ...]:
    """Pairs of columns named ``X_start`` / ``X_end`` (or ``date_start`` / ``date_end``), found once per table."""
    names = tuple(model.model_fields)
    pairs = []
    for name in names:
        if name.endswith("_start") and name != "char_start":
            end = name[: -len("_start")] + "_end"
            if end in names:
                pairs.append((name, end))
    return tuple(pairs)
