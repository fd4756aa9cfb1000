"""The one typer: a Table Schema field (type, format, constraints) as DuckDB SQL over its raw text cell.

Every rule that reads a CSV cell as its type goes through here: the typed
tables the dataset's checks query (fields generated from the models' column
specs, :func:`usiraq.schema.generate.frictionless.field_descriptor`), and the
standards gate (the fields of each resource's Table Schema in the descriptor).
It is PUDL's ``to_sql`` idea: one mapping from a field to SQL, many callers.

- :func:`value`: the cell as a value of the field's type, else NULL.
- :func:`sound`: true only for cells Frictionless certainly finds nothing
  wrong with (of the type, within every constraint). It is cautious, never
  wrong: a cell it cannot vouch for (a digit that is not ASCII, a date
  written ``2024-1-01``, a pattern RE2 cannot run, a type without a rule
  here) is left to Frictionless' own cell reader, which decides, so the
  errors reported are exactly Frictionless'.

A cell is the raw text (NULL for an empty cell); :func:`present` turns the
schema's other missing values into NULL first. Example:

    >>> value({"name": "n", "type": "integer"}, "c0")
    "CASE WHEN regexp_full_match(c0, '[+-]?[0-9]+') THEN TRY_CAST(c0 AS BIGINT) END"

"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from usiraq.validation.sqltext import literal, literals

Field = Mapping[str, Any]
"""A Table Schema field descriptor (``name``, ``type``, ``format``, ``constraints``, ...)."""

TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")
"""Table Schema's defaults for a boolean field without ``trueValues``/``falseValues``."""

SQL_TYPES = {"integer": "BIGINT", "boolean": "BOOLEAN", "date": "DATE"}
"""The DuckDB type of each Table Schema type typed here; every other type stays text (VARCHAR)."""

_INTEGER = "regexp_full_match({c}, '[+-]?[0-9]+')"
_DATE = "(regexp_full_match({c}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') AND {c} >= '0001')"
_UNSAFE_PATTERN = re.compile(r"\\[dDwWsSbBAZzGg1-9pPNuUxX]|\(\?[^:]|\[\[:|\{,")


def kind(field: Field) -> str:
    """The field's type and format as ``type/format`` (``string/default`` when unset)."""
    return f"{field.get('type') or 'string'}/{field.get('format') or 'default'}"


def sql_type(field: Field) -> str:
    """The DuckDB type of the field's typed values."""
    return SQL_TYPES.get(str(field.get("type")), "VARCHAR")


def present(cell: str, missing: Sequence[str]) -> str:
    """The raw cell with the schema's missing values (other than the empty cell, already NULL) as NULL."""
    others = [item for item in missing if item != ""]
    if not others:
        return cell
    return f"CASE WHEN {cell} IN ({literals(others)}) THEN NULL ELSE {cell} END"


def truth(field: Field) -> tuple[list[str], list[str]]:
    """The field's true and false values (Table Schema's defaults unless it declares its own)."""
    return list(field.get("trueValues", TRUE_VALUES)), list(field.get("falseValues", FALSE_VALUES))


def of_type(field: Field, c: str) -> str:
    """SQL true only for non-missing cells that certainly parse as the field's type and format."""
    found = kind(field)
    if found == "string/default":
        return "true"
    if found == "integer/default" and field.get("bareNumber", True) is True:
        return _INTEGER.format(c=c)
    if found == "boolean/default":
        values = [*truth(field)[0], *truth(field)[1]]
        return f"{c} IN ({literals(values)})" if values else "false"
    if found == "date/default":
        return f"({_DATE.format(c=c)} AND TRY_CAST({c} AS DATE) IS NOT NULL)"
    return "false"


def value(field: Field, c: str) -> str:
    """The SQL of the cell as a value of the field's type: NULL if missing or not certainly of the type.

    Integers beyond 64 bits and cells only Frictionless' reader parses
    (non-ASCII digits, ``2024-1-01``) are NULL here: the dataset's checks
    see them as missing, and the standards gate compares keys on these values.
    """
    found = kind(field)
    if found == "integer/default":
        return f"CASE WHEN {of_type(field, c)} THEN TRY_CAST({c} AS BIGINT) END"
    if found == "date/default":
        return f"CASE WHEN {_DATE.format(c=c)} THEN TRY_CAST({c} AS DATE) END"
    if found == "boolean/default":
        true, false = (literals(values) or "NULL" for values in truth(field))
        return f"CASE WHEN {c} IN ({true}) THEN true WHEN {c} IN ({false}) THEN false END"
    if found == "string/default":
        return c
    return f"CASE WHEN {of_type(field, c)} THEN {c} END"


def within(field: Field, name: str, limit: Any, c: str) -> str:
    """SQL true only for non-missing cells that certainly meet constraint ``name`` (``required`` always does)."""
    text, number = field.get("type", "string") == "string", field.get("type") == "integer"
    if name in ("required", "unique"):
        return "true"
    if text and name in ("minLength", "maxLength") and isinstance(limit, int):
        return f"length({c}) {'>=' if name == 'minLength' else '<='} {limit}"
    if text and name == "enum" and isinstance(limit, list):
        return f"{c} IN ({literals(limit)})" if limit else "false"
    if text and name == "pattern" and isinstance(limit, str) and re2_safe(limit):
        return f"regexp_matches({c}, {literal('^' + limit + chr(10) + '?$')})"
    if number and name in ("minimum", "maximum") and isinstance(limit, int) and not isinstance(limit, bool):
        return f"TRY_CAST({c} AS HUGEINT) {'>=' if name == 'minimum' else '<='} {limit}"
    return "false"


def sound(field: Field, c: str) -> str:
    """SQL true only for cells Frictionless certainly finds nothing wrong with (a missing one: if not required)."""
    constraints = field.get("constraints") or {}
    parts = [of_type(field, c), *(within(field, name, limit, c) for name, limit in constraints.items())]
    fine = " AND ".join(f"({part})" for part in parts)
    missing = "false" if constraints.get("required") else f"{c} IS NULL"
    return f"coalesce({missing} OR ({c} IS NOT NULL AND {fine}), false)"


def re2_safe(pattern: str) -> bool:
    """True when RE2 reads ``pattern`` as Python does: no escaped classes (digit, word, space), no flags."""
    if _UNSAFE_PATTERN.search(pattern):
        return False
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True
