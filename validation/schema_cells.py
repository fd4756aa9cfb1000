"""The standards gate's cell checks (types and constraints), in one DuckDB SQL scan per table.

For each field, :func:`usiraq.validation.typer.sound` decides in SQL which
cells are certainly fine. Only the cells it cannot vouch for (none in a valid
table, so a clean table costs one scan whatever its width) are read by
Frictionless' own field cell reader, once per distinct value: it decides
whether they are wrong and gives the note, so the errors are Frictionless'
errors, with its types, notes and message wording.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from usiraq.validation.report import Finding
from usiraq.validation.typer import present, sound

TYPE_ERROR = "type-error"
CONSTRAINT_ERROR = "constraint-error"

Cell = tuple[int, int, str, Finding]


def cell_errors(
    tables: Any, table: str, fields: Sequence[Any], cells: Sequence[str | None], missing: Sequence[str]
) -> Iterator[Cell]:
    """(row, field position, error type, finding) for every cell Frictionless would report.

    ``fields`` are Frictionless' fields of the resource's Table Schema,
    ``cells`` each field's raw column (``None`` where the header has no such
    column). One scan returns only the rows with a cell SQL cannot vouch for,
    and which of their cells those are.
    """
    checked = [
        (position, field, raw, sound(field.to_descriptor(), present(raw, missing)))
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
