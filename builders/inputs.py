"""Load and check every hand-written input: sources.yaml, the registry, the annotations, the articles.

:func:`load_inputs` returns :class:`BuildInputs` only when every file parses,
validates against its model in :mod:`usiraq.schema.inputs`, and every id and
reference is sound; otherwise it raises :class:`BuildError` with every problem
found, each naming the file and line to fix.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError
from usiraq.builders.errors import BuildError, Problem, Where, display_path, raise_if_any
from usiraq.builders.fieldsets import share_fields_sets
from usiraq.builders.messages import error_messages
from usiraq.builders.yamlload import YamlDoc, load_yaml, read_text
from usiraq.schema.inputs import (
    ActorsFile,
    AnnotationFile,
    EventsFile,
    NonActorNamesFile,
    PropositionsFile,
    PublishedEntry,
    SourceEntry,
    SourcesFile,
    TensionsFile,
)
from usiraq.schema.measures import text_sha256

if TYPE_CHECKING:
    from usiraq.builders.mentions import AliasMatch

M = TypeVar("M", bound=BaseModel)

SOURCES_FILE = "sources.yaml"
ACTORS_FILE = "registry/actors.yaml"
EVENTS_FILE = "registry/events.yaml"
PROPOSITIONS_FILE = "registry/propositions.yaml"
TENSIONS_FILE = "registry/tensions.yaml"
NON_ACTOR_NAMES_FILE = "registry/non_actor_names.yaml"
ANNOTATIONS_DIR = "annotations"
ARTICLES_DIR = "sources"
REGISTRY_DIR = "registry"
INPUT_PATHS = (SOURCES_FILE, ARTICLES_DIR, REGISTRY_DIR, ANNOTATIONS_DIR)
"""Every input of a dataset folder, relative to it."""
MAX_ARTICLE_BYTES = 4 << 20
"""The largest article read (4 MiB; a long news article is under 100 KiB)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated input file: its model and the lines of its YAML (its parsed data is dropped once validated)."""

    model: M
    doc: YamlDoc

    def where(self, *loc: str | int) -> Where:
        """The file and line of the item at ``loc``."""
        return self.doc.where(*loc)


class Item(NamedTuple):
    """One entry of an input file, with where it is written and which article it codes.

    ``doc`` and ``loc`` (the parsed file and the entry's location in it) let a
    problem with one key of the entry name that key's line.
    """

    where: Where
    source_id: str
    entry: Any
    doc: YamlDoc | None = None
    loc: tuple[str | int, ...] = ()

    def at(self, field: tuple[str | int, ...]) -> Where:
        """The place of key ``field`` inside this entry (the entry's own place if unknown)."""
        if not field or self.doc is None:
            return self.where
        return self.doc.where(*self.loc, *field)


@dataclass(frozen=True)
class BuildInputs:
    """Every input of the build, validated and cross-checked."""

    root: Path
    sources: Loaded[SourcesFile]
    actors: Loaded[ActorsFile]
    events: Loaded[EventsFile]
    propositions: Loaded[PropositionsFile]
    tensions: Loaded[TensionsFile]
    non_actor_names: Loaded[NonActorNamesFile]
    annotations: dict[str, Loaded[AnnotationFile]]
    texts: dict[str, str]

    @cached_property
    def _source_entries(self) -> dict[str, SourceEntry]:
        return {entry.source_id: entry for entry in self.sources.model.sources}

    @cached_property
    def alias_matches(self) -> dict[str, list[AliasMatch]]:
        """Every article's alias occurrences (longest first, no overlaps), found once per build."""
        from usiraq.builders.mentions import AliasMatcher

        matcher = AliasMatcher(alias.alias for actor in self.actors.model.actors for alias in actor.aliases)
        return {source_id: matcher.find(text) for source_id, text in self.texts.items()}

    def source(self, source_id: str) -> SourceEntry:
        """The sources.yaml entry of ``source_id``."""
        return self._source_entries[source_id]

    def published(self, source_id: str) -> PublishedEntry | None:
        """The publication date of ``source_id`` as recorded in sources.yaml."""
        return self.source(source_id).published

    def items(self, kind: str) -> Iterator[Item]:
        """Every entry of list ``kind`` ('claims', 'figures', ...) of every annotation, in source order."""
        for source_id, loaded in self.annotations.items():
            for index, entry in enumerate(getattr(loaded.model, kind)):
                yield Item(loaded.where(kind, index), source_id, entry, loaded.doc, (kind, index))


def load_inputs(root: Path) -> BuildInputs:
    """Load, validate and cross-check every input under the dataset folder ``root``.

    Raises:
        BuildError: every problem found, each with file and line.

    """
    from usiraq.builders.references import check_references
    from usiraq.builders.suggestions import suggestion_problems

    root = root.resolve()
    problems: list[Problem] = []
    files = _load_files(root, problems)
    annotations = _load_annotations(root, problems)
    problems.extend(stray_files(root / ANNOTATIONS_DIR))
    problems.extend(suggestion_problems(annotations))
    raise_if_any(problems)
    texts = _load_articles(root, files["sources"], problems)
    problems.extend(_check_annotation_files(files["sources"], annotations))
    raise_if_any(problems)
    inputs = BuildInputs(root=root, annotations=annotations, texts=texts, **files)
    raise_if_any(check_references(inputs))
    return inputs


def validate(doc: YamlDoc, model: type[M]) -> M:
    """Validate the data of ``doc`` as ``model``.

    Raises:
        BuildError: one problem per validation error, at the line of the offending node.

    """
    try:
        validated = model.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as error:
        problems = [Problem(doc.path, doc.line(loc), message) for loc, message in error_messages(error, model)]
        raise BuildError(problems) from None
    share_fields_sets(validated)
    return validated


def load(path: Path, model: type[M]) -> Loaded[M]:
    """Parse ``path`` and validate it as ``model``.

    Raises:
        BuildError: the file cannot be read or parsed, or does not validate.

    """
    doc = load_yaml(path)
    return Loaded(validate(doc, model), doc.without_data())


_OPTIONAL: dict[str, BaseModel] = {
    "tensions": TensionsFile(tensions=[]),
    "non_actor_names": NonActorNamesFile(names=[]),
}
"""Input files a dataset may leave out, and what their absence means."""


def _load_files(root: Path, problems: list[Problem]) -> dict[str, Loaded[Any]]:
    wanted: dict[str, tuple[str, type[BaseModel]]] = {
        "sources": (SOURCES_FILE, SourcesFile),
        "actors": (ACTORS_FILE, ActorsFile),
        "events": (EVENTS_FILE, EventsFile),
        "propositions": (PROPOSITIONS_FILE, PropositionsFile),
        "tensions": (TENSIONS_FILE, TensionsFile),
        "non_actor_names": (NON_ACTOR_NAMES_FILE, NonActorNamesFile),
    }
    loaded: dict[str, Loaded[Any]] = {}
    for key, (name, model) in wanted.items():
        path = root / name
        if key in _OPTIONAL and not path.exists():
            loaded[key] = Loaded(_OPTIONAL[key], YamlDoc(path, None))
            continue
        try:
            loaded[key] = load(path, model)
        except BuildError as error:
            problems.extend(error.problems)
    return loaded


def _load_annotations(root: Path, problems: list[Problem]) -> dict[str, Loaded[AnnotationFile]]:
    annotations: dict[str, Loaded[AnnotationFile]] = {}
    for path in sorted((root / ANNOTATIONS_DIR).glob("*.yaml")):
        try:
            loaded = load(path, AnnotationFile)
        except BuildError as error:
            problems.extend(error.problems)
            continue
        if loaded.model.source_id != path.stem:
            where = loaded.where("source_id")
            problems.append(where.problem(f"{loaded.model.source_id!r} differs from the file name {path.name!r}"))
        annotations[path.stem] = loaded
    return annotations


def stray_files(folder: Path) -> list[Problem]:
    """A problem for every entry of ``folder`` that is not a ``.yaml`` file (hidden files aside): none is read."""
    if not folder.is_dir():
        return []
    return [
        Problem(path, None, f"not read: only <source id>.yaml files are read in {folder.name}/; rename it or move it")
        for path in sorted(folder.iterdir())
        if not path.name.startswith(".") and not (path.suffix == ".yaml" and path.is_file())
    ]


def _load_articles(root: Path, sources: Loaded[SourcesFile], problems: list[Problem]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for index, entry in enumerate(sources.model.sources):
        try:
            texts[entry.source_id] = _load_article(root, sources, index)
        except BuildError as error:
            problems.extend(error.problems)
    return texts


def _load_article(root: Path, sources: Loaded[SourcesFile], index: int) -> str:
    """The text of one article, checked against its sources.yaml entry."""
    entry = sources.model.sources[index]
    path = root / ARTICLES_DIR / entry.file_name
    if Path(entry.file_name).stem != entry.source_id:
        message = f"{entry.source_id!r} differs from the file name {entry.file_name!r} without '.txt'"
        raise BuildError([sources.where("sources", index, "source_id").problem(message)])
    if not os.path.lexists(path):
        message = f"the article {display_path(path)} is not there"
        raise BuildError([sources.where("sources", index, "file_name").problem(message)])
    text = read_text(path, MAX_ARTICLE_BYTES)
    raise_if_any(article_text_problems(path, text))
    actual = text_sha256(text)  # the bytes read: strict UTF-8 round-trips
    if actual != entry.sha256:
        message = (
            f"{entry.sha256} is not the sha256 of {display_path(path)}, which is {actual}; "
            "articles are never edited, so either the file changed or sources.yaml is wrong"
        )
        raise BuildError([sources.where("sources", index, "sha256").problem(message)])
    return text


def article_text_problems(path: Path, text: str) -> list[Problem]:
    """A byte order mark, a carriage return or a control character in an article, each at its line.

    Offsets count the code points of the text as released, so an article is
    refused rather than silently normalised: a BOM would be text at offset 0,
    and CRLF line ends would shift every offset on another system's copy.
    """
    problems = []
    if text.startswith("\ufeff"):
        message = "starts with a byte order mark (BOM, U+FEFF); save the article as UTF-8 without a BOM"
        problems.append(Problem(path, 1, message))
    return_at = text.find("\r")
    if return_at >= 0:
        message = (
            "a carriage return (CR, as in Windows CRLF line ends); articles have LF line ends only: "
            "convert the file (e.g. dos2unix) and update its sha256 in sources.yaml"
        )
        problems.append(Problem(path, text.count("\n", 0, return_at) + 1, message))
    control = _CONTROL.search(text.replace("\r", "\n"))
    if control is not None:
        message = f"a control character U+{ord(control[0]):04X}; articles hold text, tabs and line ends (LF) only"
        problems.append(Problem(path, text.count("\n", 0, control.start()) + 1, message))
    return problems


def _check_annotation_files(
    sources: Loaded[SourcesFile], annotations: dict[str, Loaded[AnnotationFile]]
) -> list[Problem]:
    problems: list[Problem] = []
    known = {entry.source_id for entry in sources.model.sources}
    for index, entry in enumerate(sources.model.sources):
        if entry.source_id not in annotations:
            where = sources.where("sources", index)
            problems.append(
                where.problem(f"no annotation file {ANNOTATIONS_DIR}/{entry.source_id}.yaml for this article")
            )
    for source_id, loaded in annotations.items():
        if source_id not in known:
            message = f"annotation file for {source_id!r}, which is not in {SOURCES_FILE}"
            problems.append(Problem(loaded.doc.path, 1, message))
    return problems


def registry_items(loaded: Loaded[Any], key: str) -> Iterator[Item]:
    """Every entry of list ``key`` of a registry or sources file, with its place (no article)."""
    for index, entry in enumerate(getattr(loaded.model, key)):
        yield Item(loaded.where(key, index), "", entry, loaded.doc, (key, index))


def nested_items(loaded: Loaded[Any], key: str, inner: str, source_of: Any = None) -> Iterator[Item]:
    """Every entry of the inner list ``inner`` of each entry of list ``key``, as (outer, inner) pairs.

    ``source_of(outer)`` names the article of the outer entry, if any.
    """
    for index, outer in enumerate(getattr(loaded.model, key)):
        source_id = source_of(outer) if source_of is not None else ""
        for position, entry in enumerate(getattr(outer, inner)):
            loc = (key, index, inner, position)
            yield Item(loaded.where(*loc), source_id, (outer, entry), loaded.doc, loc)
