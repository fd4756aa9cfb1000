"""Problems found while building, and the exception that carries them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


def display_path(path: Path | None) -> str:
    """A path as a message shows it: relative to the working folder where possible."""
    if path is None:
        return "<build>"
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:  # outside the working folder
        return path.as_posix()


@dataclass(frozen=True)
class Where:
    """Where an input item is written: its file, its line and its path in the file.

    ``label`` is the item's path as a reader would write it, e.g. ``claims[3]``.
    """

    file: Path | None
    line: int | None = None
    label: str = ""

    def __str__(self) -> str:
        """``file:line``, or just ``file`` when the line is unknown."""
        text = display_path(self.file)
        return f"{text}:{self.line}" if self.line is not None else text

    def problem(self, message: str) -> Problem:
        """A problem at this place, its message prefixed with the label."""
        text = f"{self.label}: {message}" if self.label else message
        return Problem(self.file, self.line, text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the inputs, with the file and line to fix."""

    file: Path | None
    line: int | None
    message: str

    def __str__(self) -> str:
        """``file:line: message``, the form editors and CI logs link to."""
        return f"{Where(self.file, self.line)}: {self.message}"


@dataclass
class BuildError(Exception):
    """The inputs cannot be built; ``problems`` says every reason found, each with file and line."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        """Every problem on its own line."""
        return "\n".join(str(problem) for problem in self.problems)


class InputError(ValueError):
    """A problem with one input item; the caller knows where the item is written and adds it.

    ``field`` is the path of the key at fault inside the item (e.g. ``("date", "as_written")``),
    so the message can name that key's line rather than the item's first line.
    """

    def __init__(self, message: str, field: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.field = field


@contextmanager
def inside(*prefix: str | int) -> Iterator[None]:
    """Re-raise an :class:`InputError` from the block as one about the key ``prefix`` of the item."""
    try:
        yield
    except InputError as error:
        raise InputError(str(error), (*prefix, *error.field)) from None


def raise_if_any(problems: list[Problem]) -> None:
    """Raise :class:`BuildError` if ``problems`` is not empty.

    Raises:
        BuildError: carrying ``problems``.

    """
    if problems:
        raise BuildError(list(problems))


class RefusedError(Exception):
    """The build refuses to start or to write: no dataset folder, an unsafe out folder, or another build writing it.

    The command's exit code is then 2; nothing was written.
    """
