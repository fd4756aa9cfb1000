"""Frictionless' cell checks (types and constraints), in one DuckDB SQL scan per table.

For each field, SQL generated from the field's Table Schema descriptor decides
which cells are certainly fine: of a type every such cell parses as, within
every constraint (required, minLength, maxLength, pattern, enum, minimum,
maximum). That decision is sound but may be cautious: any cell SQL cannot vouch
for (a non-ASCII digit, a pattern RE2 cannot run, a type without a rule here)
goes to Frictionless' own cell reader, once per distinct value. So the errors
are Frictionless' errors, with its types and notes, and a clean table costs
one SQL scan, whatever its number of columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from usiraq.validation.report import Finding
from usiraq.validation.sqltext import literal, literals

_UNSAFE_PATTERN = re.compile(r"\\[dDwWsSbBAZzGg1-9pPNuUxX]|\(\?[^:]|\[\[:|\{,")
_INTEGER = "regexp_full_match({c}, '[+-]?[0-9]+')"
_DATE = (
    "(regexp_full_match({c}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') AND {c} >= '0001' "
    "AND TRY_CAST({c} AS DATE) IS NOT NULL)"
)

TYPE_ERROR = "type-error"
CONSTRAINT_ERROR = "constraint-error"


def cell_expression(cell: str, missing: list[str]) -> str:
    """The raw cell with the schema's missing values (other than the empty cell, already NULL) as NULL."""
    others = [value for value in missing if value != ""]
    if not others:
        return cell
    return f"CASE WHEN {cell} IN ({literals(others)}) THEN NULL ELSE {cell} END"


def type_sound(field: Any, c: str) -> str:
    """SQL true only for non-missing cells that certainly parse as the field's type."""
    if field.type == "string" and field.format == "default":
        return "true"
    if field.type == "integer" and getattr(field, "bare_number", True):
        return _INTEGER.format(c=c)
    if field.type == "boolean":
        values = [*field.true_values, *field.false_values]
        return f"{c} IN ({literals(values)})" if values else "false"
    if field.type == "date" and field.format == "default":
        return _DATE.format(c=c)
    return "false"


def constraint_sound(field: Any, name: str, value: Any, c: str) -> str:
    """SQL true only for non-missing cells that certainly meet constraint ``name``."""
    if name in ("required", "unique"):
        return "true"
    if field.type == "string" and name in ("minLength", "maxLength") and isinstance(value, int):
        return f"length({c}) {'>=' if name == 'minLength' else '<='} {value}"
    if field.type == "string" and name == "enum" and isinstance(value, list):
        return f"{c} IN ({literals(value)})" if value else "false"
    if field.type == "string" and name == "pattern" and isinstance(value, str) and re2_safe(value):
        return f"regexp_matches({c}, {literal('^' + value + chr(10) + '?$')})"
    if field.type == "integer" and name in ("minimum", "maximum") and isinstance(value, int):
        return f"TRY_CAST({c} AS HUGEINT) {'>=' if name == 'minimum' else '<='} {value}"
    return "false"


def re2_safe(pattern: str) -> bool:
    """True when RE2 reads ``pattern`` as Python does: no escaped classes (digit, word, space), no flags."""
    if _UNSAFE_PATTERN.search(pattern):
        return False
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def sound(field: Any, c: str) -> str:
    """SQL true only for cells Frictionless certainly finds nothing wrong with."""
    constraints = field.constraints or {}
    required = bool(constraints.get("required"))
    parts = [type_sound(field, c)]
    parts += [constraint_sound(field, name, value, c) for name, value in constraints.items()]
    fine = " AND ".join(f"({part})" for part in parts)
    missing = "false" if required else f"{c} IS NULL"
    return f"coalesce({missing} OR ({c} IS NOT NULL AND {fine}), false)"


def cell_errors(
    tables: Any, table: str, fields: list[Any], cells: list[str | None], missing: list[str]
) -> Iterator[tuple[int, int, str, Finding]]:
    """(row, field position, code, finding) for every cell Frictionless would report.

    ``cells`` gives each field's raw column (``None`` where the header has no
    such column). One scan of the table returns only the rows with a cell SQL
    cannot vouch for, and which of their cells those are.
    """
    checked = [
        (position, field, raw, sound(field, cell_expression(raw, missing)))
        for position, (field, raw) in enumerate(zip(fields, cells, strict=True), start=1)
        if raw is not None
    ]
    if not checked:
        return
    doubts = ", ".join(f"NOT ({check}) AS d{position}, {raw}" for position, _, raw, check in checked)
    where = " OR ".join(f"NOT ({check})" for *_, check in checked)
    suspects = tables.query(f'SELECT _row, {doubts} FROM "raw_{table}" WHERE {where} ORDER BY _row')
    for index, (position, field, _, _) in enumerate(checked):
        doubtful = [(row[0], row[2 * index + 2]) for row in suspects if row[2 * index + 1]]
        if not doubtful:
            continue
        reader = field.create_cell_reader()
        notes = {value: reader(value if value is not None else "")[1] for value in {cell for _, cell in doubtful}}
        for row, cell in doubtful:
            for code, message in _messages(notes[cell], cell, row, field.name, position):
                yield row, position, code, Finding(table, message, row, field.name)


def _messages(
    notes: dict[str, str] | None, cell: str | None, row: int, name: str, position: int
) -> Iterator[tuple[str, str]]:
    """Frictionless' messages for the notes its cell reader gave a cell."""
    where = f'"{cell if cell is not None else ""}" in row'
    for kind, note in (notes or {}).items():
        if kind == "type":
            yield (
                TYPE_ERROR,
                f'Type error in the cell {where} "{row}" and field "{name}" at position "{position}": {note}',
            )
        else:
            message = f'The cell {where} at position "{row}" and field "{name}" at position "{position}" '
            yield CONSTRAINT_ERROR, message + f"does not conform to a constraint: {note}"
