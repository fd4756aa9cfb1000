"""Read a YAML file with PyYAML's safe loader, keeping the line of every node.

Every mapping key and list item gets the line where its value starts, so a
problem found later (by pydantic, or by a reference check) can name the file
and line a coder has to open. Where PyYAML has its libyaml binding the text is
parsed in C (about ten times faster than the pure-Python parser, which is the
fallback); either way the nodes carry their marks and the same resolvers apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from usiraq.builders.errors import BuildError, Problem, Where

Loc = tuple[str | int, ...]

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """The safe loader, except that dates stay strings (pydantic parses them where a date is due).

    This keeps ``as_written: 2024-01-25`` the words as written, not a date object.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def format_loc(loc: Loc) -> str:
    """A location as a reader writes it.

    Example:
        >>> format_loc(("claims", 3, "modality"))
        'claims[3].modality'

    """
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass(frozen=True)
class YamlDoc:
    """A parsed YAML file: its data and the line of every node, by location."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest written ancestor (a missing key has none)."""
        for end in range(len(loc), -1, -1):
            found = self.lines.get(tuple(loc[:end]))
            if found is not None:
                return found
        return None

    def where(self, *loc: str | int) -> Where:
        """The place of the item at ``loc``, labelled with its location."""
        return Where(self.path, self.line(loc), format_loc(loc))


def load_yaml(path: Path) -> YamlDoc:
    """Parse ``path`` safely and record the line of every node.

    Raises:
        BuildError: the file is missing or unreadable, is not UTF-8, is not valid
            YAML, or repeats a key in one mapping; each problem names the file.

    """
    text = read_text(path)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise BuildError([_syntax_problem(path, error)]) from None
    except yaml.YAMLError as error:
        raise BuildError([Problem(path, None, f"not valid YAML: {error}")]) from None
    finally:
        loader.dispose()
    lines: dict[Loc, int] = {}
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), lines, problems, path)
    if problems:
        raise BuildError(problems)
    return YamlDoc(path, data, lines)


def read_text(path: Path) -> str:
    """The text of ``path`` decoded as UTF-8, exactly (no newline or other normalisation).

    Raises:
        BuildError: the file is missing, unreadable or not UTF-8.

    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BuildError([Problem(path, None, "file not found")]) from None
    except OSError as error:
        raise BuildError([Problem(path, None, f"cannot read the file: {error.strerror or error}")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1].hex()
        message = f"not valid UTF-8: byte 0x{byte} at byte offset {error.start} ({error.reason}); save it as UTF-8"
        raise BuildError([Problem(path, line, message)]) from None


def _syntax_problem(path: Path, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    parts = [part for part in (error.context, error.problem) if part]
    return Problem(path, line, "YAML syntax error: " + "; ".join(parts))


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], problems: list[Problem], path: Path) -> None:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
            if key in seen:
                problems.append(Problem(path, key_node.start_mark.line + 1, f"{format_loc((*loc, key))}: repeated key"))
            seen.add(key)
            _walk(value_node, (*loc, key), lines, problems, path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), lines, problems, path)
