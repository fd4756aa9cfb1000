"""Find actors' aliases in the articles, and capitalised names that match no alias.

Aliases are matched case-sensitively as whole words: no letter or digit
directly before or after (so "U.S." matches in "U.S.-led", and "Iraq" does not
match inside "Iraqi"). Longer matches win, and matches never overlap.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from usiraq.builders.inputs import BuildInputs


@dataclass(frozen=True)
class AliasMatch:
    """One occurrence of an alias in a text."""

    start: int
    end: int
    alias: str


@dataclass(frozen=True)
class UnmatchedName:
    """A capitalised name in an article that matches no alias and is not on the reviewed list."""

    source_id: str
    name: str
    starts: tuple[int, ...]
    line: int = 1

    def __str__(self) -> str:
        """One line for a warning."""
        where = ", ".join(map(str, self.starts))
        return (
            f"capitalised name {self.name!r} (at char {where}) matches no actor alias; add it to "
            "registry/actors.yaml, or to registry/non_actor_names.yaml once judged not an actor"
        )


class AliasMatcher:
    """Finds the aliases in texts with one compiled pattern, whatever the number of aliases.

    The pattern is a trie of the aliases (so a position is tried against the
    aliases' first characters once, not against every alias), anchored where
    no letter or digit comes before, and gives the longest alias starting at
    each position; every shorter alias starting there is one of its prefixes.
    So the candidates are exactly every whole-word occurrence of every alias,
    as a search alias by alias finds them, and the longest-first choice among
    them is the same.

    Example:
        >>> [(m.alias, m.start) for m in AliasMatcher(["US", "US military"]).find("the US military and US")]
        [('US military', 4), ('US', 20)]

    """

    def __init__(self, aliases: Iterable[str]) -> None:
        self.aliases = frozenset(aliases)
        self._prefixes = {alias: _prefix_aliases(alias, self.aliases) for alias in self.aliases}
        body = _trie_pattern(self.aliases)
        self._pattern = re.compile(rf"(?<![^\W_])(?=({body}))") if body else None

    def find(self, text: str) -> list[AliasMatch]:
        """Every whole-word occurrence of the aliases in ``text``, longest first, without overlaps, in text order."""
        if self._pattern is None:
            return []
        candidates = []
        for found in self._pattern.finditer(text):
            start = found.start()
            for alias in self._prefixes[found.group(1)]:
                end = start + len(alias)
                if _is_whole_word(text, start, end):
                    candidates.append(AliasMatch(start, end, alias))
        return _longest_first(candidates)


def find_aliases(text: str, aliases: Iterable[str]) -> list[AliasMatch]:
    """Every whole-word occurrence of the aliases in ``text``, longest first, without overlaps, in text order.

    For many texts, make one :class:`AliasMatcher` and call its ``find``.
    """
    return AliasMatcher(aliases).find(text)


def _longest_first(candidates: list[AliasMatch]) -> list[AliasMatch]:
    """The longest candidates first (earliest first among equals), skipping any that overlap one taken."""
    candidates.sort(key=lambda match: (-(match.end - match.start), match.start))
    taken: list[AliasMatch] = []
    covered: set[int] = set()
    for match in candidates:
        span = range(match.start, match.end)
        if not covered.intersection(span):
            taken.append(match)
            covered.update(span)
    return sorted(taken, key=lambda match: match.start)


def _prefix_aliases(alias: str, aliases: frozenset[str]) -> tuple[str, ...]:
    """The aliases that ``alias`` starts with (itself included), longest first."""
    return tuple(alias[:end] for end in range(len(alias), 0, -1) if alias[:end] in aliases)


Trie = dict[str, "Trie"]
"""A trie of words: each character leads to the trie of what may follow it; the key \"\" ends a word."""


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching the longest of ``words`` that starts where it is tried."""
    trie: Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: Trie) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def _is_whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return not (before.isalnum() or after.isalnum())


# -- capitalised names matching no alias ---------------------------------------


def unmatched_capitalised_names(inputs: BuildInputs) -> list[UnmatchedName]:
    """Capitalised names in the articles that match no alias and are not in registry/non_actor_names.yaml.

    Every occurrence of an alias counts as reviewed, including those a
    ``not_mentions`` entry removes from actor_mentions. The build prints these
    as warnings; the tests assert the dataset has none.
    """
    reviewed = inputs.non_actor_names.model.names
    found: list[UnmatchedName] = []
    for source_id, text in inputs.texts.items():
        found.extend(unmatched_names(source_id, text, inputs.alias_matches[source_id], reviewed))
    return found


_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*")
_ABBREVIATIONS = {"maj", "gen", "lt", "col", "sgt", "capt", "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "no"}
_CALENDAR_WORDS = {
    name.lower()
    for name in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr, "Sept")
    if name
}
_SENTENCE_END = ".!?:…"
_AROUND = "\"'“”‘’()[] \u00a0"
_CONNECTORS = re.compile(r"(?:[ \u00a0]+(?:of|the|for))*[ \u00a0]+")


def unmatched_names(
    source_id: str, text: str, matches: Iterable[AliasMatch], reviewed: Iterable[str]
) -> list[UnmatchedName]:
    """Capitalised word sequences of ``text`` that no alias match covers and ``reviewed`` does not list.

    A word starting a sentence (or a line) is skipped, as are month and
    weekday names; each returned name is a maximal run of such capitalised
    words separated by spaces, by 'of', 'the' or 'for' ("Secretary of
    Defence"), or by an abbreviation's dot ("Maj. Gen.").
    """
    covered = {index for match in matches for index in range(match.start, match.end)}
    known = set(reviewed)
    found: dict[str, list[int]] = {}
    for start, end in _name_runs(text, covered):
        name = text[start:end]
        if name not in known:
            found.setdefault(name, []).append(start)
    return [
        UnmatchedName(source_id, name, tuple(starts), text.count("\n", 0, starts[0]) + 1)
        for name, starts in found.items()
    ]


def _name_runs(text: str, covered: set[int]) -> list[tuple[int, int]]:
    """(start, end) of each run of consecutive candidate name words."""
    runs: list[tuple[int, int]] = []
    previous: re.Match[str] | None = None
    for word in _WORD.finditer(text):
        if _is_candidate(text, word, previous, covered):
            if runs and _joins(text, runs[-1][1], word.start()):
                runs[-1] = (runs[-1][0], word.end())
            else:
                runs.append((word.start(), word.end()))
        previous = word
    return [(start, _with_abbreviation_dot(text, start, end)) for start, end in runs]


def _is_candidate(text: str, word: re.Match[str], previous: re.Match[str] | None, covered: set[int]) -> bool:
    value = word.group()
    if not value[0].isupper() or value.lower() in _CALENDAR_WORDS:
        return False
    if any(index in covered for index in range(word.start(), word.end())):
        return False
    return not _starts_sentence(text, word, previous)


def _starts_sentence(text: str, word: re.Match[str], previous: re.Match[str] | None) -> bool:
    if previous is None:
        return True
    gap = text[previous.end() : word.start()]
    if "\n" in gap:
        return True
    mark = gap.strip(_AROUND)
    if not mark or mark[0] not in _SENTENCE_END:
        return False
    return not (mark[0] == "." and _is_abbreviation(previous.group()))


def _is_abbreviation(word: str) -> bool:
    return word.lower() in _ABBREVIATIONS or "." in word or (len(word) == 1 and word.isupper())


def _joins(text: str, end: int, start: int) -> bool:
    """Whether a run ending at ``end`` goes on with the word at ``start``."""
    gap = text[end:start]
    if _CONNECTORS.fullmatch(gap):
        return True
    last = _WORD.findall(text[max(0, end - 20) : end])
    return gap.startswith(".") and gap[1:].strip(" \u00a0") == "" and bool(last) and _is_abbreviation(last[-1])


def _with_abbreviation_dot(text: str, start: int, end: int) -> int:
    last = _WORD.findall(text[start:end])[-1]
    return end + 1 if end < len(text) and text[end] == "." and _is_abbreviation(last) else end
