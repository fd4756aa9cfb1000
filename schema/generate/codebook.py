"""The codebook (docs/CODEBOOK.md), rendered from the table models and enums."""

from __future__ import annotations

from usiraq.schema import TABLES
from usiraq.schema.enums import DescribedEnum
from usiraq.schema.fields import SLUG_PATTERN
from usiraq.schema.generate.frictionless import example_text
from usiraq.schema.generate.jsonschema import INPUT_SCHEMAS, yaml_modeline
from usiraq.schema.introspect import ColumnSpec, columns
from usiraq.schema.record import Record
from usiraq.schema.version import data_version

CODEBOOK_PATH = "docs/CODEBOOK.md"

_TYPES = {"string": "text", "integer": "integer", "boolean": "boolean", "date": "date", "enum": "category"}

_PATTERNS = {
    SLUG_PATTERN: "slug: lowercase letters and digits, joined by `-` or `_`",
    r"^[0-9a-f]{64}$": "64 lowercase hexadecimal digits",
    r"^[A-Za-z0-9_.-]+\.txt$": "a file name ending in `.txt`",
    r"^[a-z][a-z-]*$": "lowercase letters and `-`",
}

_INTRO = """\
# usiraq codebook

<!-- Generated from the models in schema/ by `usiraq regenerate` (`make regenerate`). Do not edit by hand. -->

Data version: {version}

## What the dataset is

usiraq holds structured, evidence-linked data on the 2024 talks between the
United States and Iraq on the future of the US military presence in Iraq. A
small set of news articles is coded by hand into tables of **claims** (who
said what, how firmly), **force figures** (every number about troops, bases,
attacks and casualties), **events** (talks, announcements, attacks, merged
across articles), the **actors** involved and the **tensions** inside and
between the articles. The **sources** table holds each
article's full text, so every coded row can be checked against its words from
the data package alone.

Each table is released as CSV and as Parquet inside a Frictionless Data
Package (`datapackage.json`), which states the types, constraints and keys
below in machine-readable form. In Python, `usiraq.load("claims")` returns a
typed pandas DataFrame.

## How the tables join

Every table has a primary key (one or more columns that identify a row) and
most have foreign keys (columns whose values are keys of another table). Keys
are readable slugs that stay stable across versions. The joins are:

{joins}

Two joins are worth knowing by heart: every evidence-bearing row has a
`source_id` that points to its article in `sources`, and the
`claim_propositions` table links claims to the propositions they support,
contradict or qualify, so corroboration and contradiction between articles
are one join away. To count *independent* sources, count distinct
`sources.independence_group` values rather than articles: articles that
retell one another share a group.

Disagreements that are not one proposition supported and contradicted (an
article's headline that says more than its body, two articles that frame the
talks differently, a name spelled two ways) are **tensions**: each row of
`tensions` has a kind and a scope (inside one article or between articles),
and `tension_sides` holds the evidence of its side `a` and side `b`, joined on
`tension_id`. `usiraq.conflicts()` (and `usiraq conflicts`) lists
contradictions and tensions first, ranked by kind; `all=True` (`--all`) adds
differences of precision, qualifications and attribution differences.

## Evidence spans

A row that rests on words in an article carries four columns: `source_id`,
`quote`, `char_start` and `char_end`. `quote` is copied character for
character from the article (curly quotes, dashes and the occasional no-break
space as written). `char_start` and `char_end` are offsets into
`sources.text` counted in **Unicode code points** from 0, with an exclusive
end, so that in Python

```python
text[char_start:char_end] == quote
```

holds for every such row. Code points are neither bytes nor UTF-16 units: in
R, `substr(text, char_start + 1, char_end)` gives the quote; in languages
that count UTF-16 units (JavaScript, Java), offsets differ only after a
character outside the Basic Multilingual Plane, such as an emoji. Columns
named `..._as_written`, and `speaker_as_written`, `cue`, `hedge`,
`qualifier` and `number_text`, hold words exactly as the article writes them,
so they can be found in its text.

## Missing values

A null (an empty cell in the CSV files, a null in Parquet, `<NA>` in pandas)
means **the article is silent**: the text does not say, so nothing is filled
in. It never means zero, "none" or "not applicable" unless the column's
meaning says so. No text column ever holds an empty string, so an empty CSV
cell is always a null.

## Outside knowledge

Nothing is taken from outside the articles except where a row says so: any
fact from elsewhere is written in that row's note column (`note`,
`date_note`, `published_note`) and the note starts with
`Outside knowledge:`. A date that comes from outside the articles also has
the basis `outside_knowledge`. Dates are intervals: `..._start` and `..._end`
are the first and last day the date may be, with `..._precision` saying how
finely it is known and `..._basis` where it comes from.

## File formats

- CSV: UTF-8, a header row, comma-separated, LF line ends, fields quoted with
  `"` when needed; nulls are empty cells; booleans are `true` and `false`;
  dates are ISO 8601 (`YYYY-MM-DD`).
- Parquet: the same columns, with categories stored as dictionary-encoded
  strings and dates as `date32`.
- Category columns take only the values listed under
  [Controlled vocabularies](#controlled-vocabularies); country columns take
  ISO 3166-1 alpha-3 codes.

The rules the coders follow (what counts as a claim, how dates are resolved,
when two mentions are one event) are in [CODING.md](CODING.md).

## Tables
"""


_INPUTS = """\
## For maintainers: checking input files as you write them

The hand-written inputs (`dataset/sources.yaml`, `dataset/registry/*.yaml`,
`dataset/annotations/*.yaml`) have JSON Schemas in `schema/json/`, generated
from the input models. An editor with the YAML language server (VS Code's
YAML extension, Neovim, Helix, JetBrains IDEs) checks keys, types and allowed
values as you type when the file's first line names its schema:

| File | First line |
| --- | --- |
{rows}

The builders apply the remaining rules (a quote must occur in its article, an
explicit date needs start, end, precision and basis together, and so on).
"""


def render_codebook() -> str:
    """The full text of docs/CODEBOOK.md."""
    parts = [_INTRO.format(version=data_version(), joins=_joins())]
    parts.append("\n".join(f"- [{model.table_name}](#{model.table_name}): {model.table_title}" for model in TABLES))
    parts.extend(render_table(model) for model in TABLES)
    parts.append(_render_enums())
    parts.append(_INPUTS.format(rows=_input_rows()))
    return "\n".join(parts).rstrip("\n") + "\n"


def _input_rows() -> str:
    return "\n".join(f"| `{spec.files}` | `{yaml_modeline(spec)}` |" for spec in INPUT_SCHEMAS)


def render_table(model: type[Record]) -> str:
    """The codebook section of one table: description, keys and a table of its columns."""
    lines = [
        "",
        f"### {model.table_name}",
        "",
        f"**{model.table_title}.** {model.table_description}",
        "",
        f"- File: `csv/{model.table_name}.csv`, `parquet/{model.table_name}.parquet`",
        f"- Primary key: {_code_list(model.primary_key)}",
    ]
    for fk in model.foreign_keys:
        lines.append(f"- Foreign key: {_code_list(fk.fields)} → {_reference(fk.table, fk.reference_fields)}")
    if not model.foreign_keys:
        lines.append("- Foreign keys: none")
    lines += [
        "",
        "| Column | Type | Required | Meaning | Allowed values | Example |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    lines += [_column_row(column) for column in columns(model)]
    return "\n".join(lines)


def _joins() -> str:
    lines = []
    for model in TABLES:
        for fk in model.foreign_keys:
            source = ", ".join(f"{model.table_name}.{name}" for name in fk.fields)
            lines.append(f"- `{source}` → {_reference(fk.table, fk.reference_fields)}")
    return "\n".join(lines)


def _reference(table: str, fields: tuple[str, ...]) -> str:
    names = ", ".join(f"{table}.{name}" for name in fields)
    return f"[`{names}`](#{table})"


def _code_list(names: tuple[str, ...]) -> str:
    return " + ".join(f"`{name}`" for name in names)


def _column_row(column: ColumnSpec) -> str:
    cells = [
        f"`{column.name}`",
        _TYPES[column.kind],
        "no" if column.nullable else "yes",
        _cell(column.description),
        _cell(allowed_values(column)),
        _cell(_example(column)),
    ]
    return "| " + " | ".join(cells) + " |"


def allowed_values(column: ColumnSpec) -> str:
    """The values a column may take, in words.

    Example:
        >>> from usiraq.schema import model_for
        >>> from usiraq.schema.introspect import columns
        >>> allowed_values(columns(model_for("actors"))[3])
        'ISO 3166-1 alpha-3 country code'

    """
    if column.enum is not None:
        return f"one of [{column.enum.__name__}](#{column.enum.__name__.lower()})"
    if column.shared_type == "Country":
        return "ISO 3166-1 alpha-3 country code"
    parts = []
    pattern = column.constraints.get("pattern")
    if pattern is not None:
        parts.append(_PATTERNS.get(pattern, f"matches the regular expression `{pattern}`"))
    parts += _bounds(column)
    if column.kind == "boolean":
        parts.append("`true` or `false`")
    if column.kind == "date":
        parts.append("ISO 8601 date (`YYYY-MM-DD`)")
    return "; ".join(parts)


def _bounds(column: ColumnSpec) -> list[str]:
    constraints = column.constraints
    parts = []
    if constraints.get("min_length") == 1 and "pattern" not in constraints:
        parts.append("non-empty")
    if "max_length" in constraints:
        parts.append(f"at most {constraints['max_length']} characters")
    if "ge" in constraints:
        parts.append(f"≥ {constraints['ge']}")
    if "le" in constraints:
        parts.append(f"≤ {constraints['le']}")
    return parts


def _example(column: ColumnSpec) -> str:
    if not column.examples:
        return ""
    return f"`{example_text(column.examples[0])}`"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _render_enums() -> str:
    lines = [
        "",
        "## Controlled vocabularies",
        "",
        "Every category column takes one of the values below. Values are written exactly as listed.",
    ]
    for enum_class, used_by in enum_usage().items():
        lines += [
            "",
            f"### {enum_class.__name__}",
            "",
            enum_class.__doc__.strip() if enum_class.__doc__ else "",
            "",
            f"Used by: {', '.join(f'`{name}`' for name in used_by)}.",
            "",
            "| Value | Meaning |",
            "| --- | --- |",
        ]
        lines += [f"| `{member.value}` | {_cell(member.meaning)} |" for member in enum_class]
    return "\n".join(lines) + "\n"


def enum_usage() -> dict[type[DescribedEnum], list[str]]:
    """Each enum used by a release table -> the ``table.column`` names that use it, in table order."""
    usage: dict[type[DescribedEnum], list[str]] = {}
    for model in TABLES:
        for column in columns(model):
            if column.enum is not None:
                usage.setdefault(column.enum, []).append(f"{model.table_name}.{column.name}")
    return usage
