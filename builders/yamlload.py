"""Read a YAML file with PyYAML's safe loader, keeping the line of every node.

Every mapping key and list item gets the line where its value starts, so a
problem found later (by pydantic, or by a reference check) can name the file
and line a coder has to open. Where PyYAML has its libyaml binding the text is
parsed in C (about ten times faster than the pure-Python parser, which is the
fallback); either way the nodes carry their marks and the same resolvers apply.

Inputs are written by hand, so anything a hand-written file never needs is
refused with the file and line, before a node is built: a file larger than
:data:`MAX_YAML_BYTES`, an alias (``*name``: the way to a recursive document
or a "billion laughs" one that grows to gigabytes), and nesting deeper than
:data:`MAX_DEPTH` (libyaml's composer recurses in C and would crash). A cheap
upper bound of the nesting (:func:`depth_bound`) lets a file with no ``*``
skip the event-by-event check, which would add 40% to the parse.
"""

from __future__ import annotations

import re
import stat
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeAlias

import yaml
from usiraq.builders.errors import BuildError, Problem, Where, raise_if_any

Loc = tuple[str | int, ...]
LineTree: TypeAlias = "int | tuple[int, dict[str, LineTree] | list[LineTree]]"
"""The line of a node: a scalar's line, or a mapping's or list's line with the line trees of its values.

A tree, not a table of locations, because a build keeps every input file's lines
to the end: the keys are shared strings and no location tuple is kept per node.
"""

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_INT = "tag:yaml.org,2002:int"
try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_YAML_BYTES = 64 << 20
"""The largest input YAML file read (64 MiB; a 5,000-article sources.yaml is under 10 MiB)."""
MAX_DEPTH = 32
"""The deepest nesting of mappings and lists in an input file (the annotations need 6)."""
MAX_REPORTED = 10
"""Aliases reported per file; a hostile file may hold millions."""
_LEAD = re.compile(r"^[ ?:-]*", re.MULTILINE)
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_NESTED = (yaml.MappingNode, yaml.SequenceNode)


class _Loader(_SafeLoader):
    """The safe loader, except that dates stay strings (pydantic parses them where a date is due).

    This keeps ``as_written: 2024-01-25`` the words as written, not a date object.
    """


_DECIMAL = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
"""The only whole numbers read as numbers: YAML 1.1 also reads ``010`` as 8, ``15:00`` as 900 and ``0x10`` as 16."""


def _resolver(tag: str, regexp: re.Pattern[str]) -> tuple[str, re.Pattern[str]]:
    return (tag, _DECIMAL) if tag == _INT else (tag, regexp)


_Loader.yaml_implicit_resolvers = {
    first: [_resolver(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
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
    """A parsed YAML file: its data and the line of every node (see :func:`YamlDoc.line`)."""

    path: Path
    data: Any
    lines: LineTree | None = None

    def line(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest written ancestor (a missing key has none)."""
        tree = self.lines
        if tree is None:
            return None
        found = _own_line(tree)
        for part in loc:
            child = _child(tree, part)
            if child is None:
                break
            tree, found = child, _own_line(child)
        return found

    def where(self, *loc: str | int) -> Where:
        """The place of the item at ``loc``, labelled with its location."""
        return Where(self.path, self.line(loc), format_loc(loc))

    def without_data(self) -> YamlDoc:
        """This file without its data, once validated: the lines are all a build needs of it afterwards."""
        return replace(self, data=None)


def _own_line(tree: LineTree) -> int:
    return tree if isinstance(tree, int) else tree[0]


def _child(tree: LineTree, part: str | int) -> LineTree | None:
    """The line tree of the value at ``part`` of a mapping or list, if it has one."""
    if isinstance(tree, int):
        return None
    children = tree[1]
    if isinstance(children, dict):
        return children.get(part) if isinstance(part, str) else None
    return children[part] if isinstance(part, int) and 0 <= part < len(children) else None


def load_yaml(path: Path) -> YamlDoc:
    """Parse ``path`` safely and record the line of every node.

    Raises:
        BuildError: the file is missing or unreadable, is not UTF-8, is not valid
            YAML, or repeats a key in one mapping; each problem names the file.

    """
    text = read_text(path, MAX_YAML_BYTES)
    raise_if_any(refuse_hostile(path, text))
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise BuildError([_syntax_problem(path, error)]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        message = f"a character YAML does not allow: U+{error.character:04X} ({error.reason}); remove it"
        raise BuildError([Problem(path, line, message)]) from None
    except yaml.YAMLError as error:
        raise BuildError([Problem(path, None, f"not valid YAML: {error}")]) from None
    finally:
        loader.dispose()
    problems: list[Problem] = []
    lines = _walk(node, (), problems, path) if node is not None else None
    if problems:
        raise BuildError(problems)
    return YamlDoc(path, data, lines)


def read_text(path: Path, limit: int) -> str:
    """The text of ``path`` decoded as UTF-8, exactly (no newline or other normalisation).

    Raises:
        BuildError: the file is missing, not a regular file, unreadable, larger than ``limit`` bytes or not UTF-8.

    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise BuildError([Problem(path, None, "not a regular file")])
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise BuildError([Problem(path, None, "file not found")]) from None
    except OSError as error:
        raise BuildError([Problem(path, None, f"cannot read the file: {error.strerror or error}")]) from None
    if len(raw) > limit:
        raise BuildError([Problem(path, None, f"the file is larger than the {limit:,} bytes an input may have")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1].hex()
        message = f"not valid UTF-8: byte 0x{byte} at byte offset {error.start} ({error.reason}); save it as UTF-8"
        raise BuildError([Problem(path, line, message)]) from None


def depth_bound(text: str) -> int:
    r"""An upper bound of how deeply a YAML text nests mappings and lists, found without parsing.

    In block style each level but a list under a key starts further right, and
    a line opens levels on it only with leading ``- ``, ``? `` or ``: `` (so two
    levels per column of that lead); in flow style each level needs a ``[`` or
    ``{``, and flow holds no block.

    Example:
        >>> depth_bound("a:\n  - b: 1\n") >= 4
        True

    """
    lead = max((len(found) for found in _LEAD.findall(text)), default=0)
    return 2 * (lead + 2) + text.count("[") + text.count("{")


def refuse_hostile(path: Path, text: str) -> list[Problem]:
    """Aliases, and nesting deeper than :data:`MAX_DEPTH`, each at its line; nothing for a plain file."""
    if "*" not in text and depth_bound(text) <= MAX_DEPTH:
        return []
    problems: list[Problem] = []
    loader = _Loader(text)
    depth = 0
    try:
        while len(problems) < MAX_REPORTED and (event := loader.get_event()) is not None:
            line = event.start_mark.line + 1 if event.start_mark is not None else None
            if isinstance(event, yaml.AliasEvent):
                message = f"an alias (*{event.anchor}); aliases are not allowed in input files, write the value out"
                problems.append(Problem(path, line, message))
            elif isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    message = f"nested more than {MAX_DEPTH} levels deep; input files never need that"
                    problems.append(Problem(path, line, message))
                    break
            elif isinstance(event, _CLOSE):
                depth -= 1
    except yaml.YAMLError:
        pass  # the parse that follows reports the syntax error, with its line
    finally:
        loader.dispose()
    return problems


def _syntax_problem(path: Path, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    parts = [part for part in (error.context, error.problem) if part]
    return Problem(path, line, "YAML syntax error: " + "; ".join(parts))


def _walk(node: yaml.Node, loc: Loc, problems: list[Problem], path: Path) -> LineTree:
    """The line tree of ``node`` (at ``loc``), with a problem for every key repeated in a mapping."""
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        children: dict[str, LineTree] = {}
        for key_node, value_node in node.value:
            key = sys.intern(key_node.value) if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
            if key in children:
                problems.append(Problem(path, key_node.start_mark.line + 1, f"{format_loc((*loc, key))}: repeated key"))
            nested = isinstance(value_node, _NESTED)
            children[key] = _walk(value_node, (*loc, key), problems, path) if nested else value_node.start_mark.line + 1
        return line, children
    if isinstance(node, yaml.SequenceNode):
        return line, [
            _walk(item, (*loc, index), problems, path) if isinstance(item, _NESTED) else item.start_mark.line + 1
            for index, item in enumerate(node.value)
        ]
    return line
