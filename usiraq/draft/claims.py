"""Claim candidates: attributed statements, found by their cue with spaCy's Matcher.

A cue is a reporting verb ("said", "told", "announced", "confirmed",
"stated", "declined to", ...), optionally led by an auxiliary, a negation and
an adverb ("has privately conveyed", "has not responded"), or "according to",
or a headline's colon ("Pentagon: ..."). A verb right after a form of "be"
(a passive, "was announced") or after a determiner (a noun, "the views") is
no cue. The speaker is the words "according to" leads to, or else the
subject before the cue: the last clause before it, with an apposition kept
("Pat Ryder, Pentagon spokesperson,") and a relative clause dropped
("the prime minister, whose ..., has demanded"); "and said" keeps the
speaker of the cue before it. When a sentence says "according to X", its
other cues are part of what X says, not claims of their own. The speaker
resolves to an actor through the registry's aliases inside it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from usiraq.builders.mentions import AliasMatch
from usiraq.draft.actors import Registry
from usiraq.draft.candidates import Claim
from usiraq.draft.text import Sentences, pipeline, word_patterns
from usiraq.schema.enums import AttributionKind, Modality

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Span

_VERBS = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "added",
    "adds",
    "noted",
    "notes",
    "warned",
    "warns",
    "claimed",
    "claims",
    "denied",
    "denies",
    "insisted",
    "insists",
    "indicated",
    "indicates",
    "maintained",
    "maintains",
    "conveyed",
    "conveys",
    "demanded",
    "demands",
    "anticipates",
    "anticipated",
    "expects",
    "views",
    "believes",
    "asserted",
    "asserts",
    "acknowledged",
    "acknowledges",
    "reported",
    "reports",
    "informed",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "explained",
    "argued",
    "argues",
    "revealed",
    "wrote",
    "suggested",
    "suggests",
    "urged",
    "urges",
    "responded",
    "declined",
    "refused",
    "opted",
]
_AUXILIARIES = frozenset(["has", "have", "had", "will", "would", "did", "does", "do"])
_NEGATIONS = frozenset(["not", "n't", "never"])
_ADVERBS = frozenset(["also", "again"])
_BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s"}
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those", "this", "that"}
_RELATIVE = re.compile(r"^\s*(?:who|whose|which|where|whom)\b", re.I)
_LEADING = re.compile(
    r"^\s*(?:(?:and|but|yet|so|however|though|although|because|when|while|if|after|before|since|whereas|that)\b\s*)+",
    re.I,
)
_LAST_THAT = re.compile(
    r"^.*(?:(?<!\bof )(?<!\bin )(?<!\bat )(?<!\bon )(?<!\bfor )(?<!\bwith )\bthat|\b(?:when|because|whereas|although"
    r"|though|if))\s+",
    re.I | re.S,
)
_ACCORDING_END = re.compile(
    r"[,;:()“”\"]|(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])(?<!\b[A-Z])\.(?:\s|$)|\s(?:obtained|seen|reviewed|published|released)\s+by\b|\s(?:that|who|which)\b"
)
_ANONYMOUS = set(
    [
        "official",
        "officials",
        "source",
        "sources",
        "authorities",
        "diplomat",
        "diplomats",
        "people",
        "person",
        "aide",
        "aides",
        "advisers",
        "adviser",
        "analysts",
        "analyst",
        "experts",
        "expert",
        "residents",
        "lawmakers",
        "officers",
        "officer",
        "commanders",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "insiders",
    ]
)
_NOT_SPEAKER_START = frozenset(
    [
        "that",
        "on",
        "in",
        "at",
        "to",
        "for",
        "during",
        "after",
        "before",
        "by",
        "with",
        "from",
        "last",
        "this",
        "next",
        "yesterday",
        "today",
        "earlier",
        "later",
    ]
)
_BODIES = {"office", "ministry", "department", "council", "committee", "embassy", "command"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_TITLES = set(
    [
        "minister",
        "president",
        "premier",
        "secretary",
        "ministry",
        "office",
        "government",
        "administration",
        "council",
        "committee",
        "commander",
        "general",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "ambassador",
        "envoy",
        "military",
        "army",
        "militia",
        "group",
        "parliament",
        "embassy",
        "department",
        "command",
        "coalition",
        "leader",
        "chief",
    ]
)
_DOCUMENTS = re.compile(
    r"\b(?:cable|memo|memorandum|report|letter|statement|document|resolution|communiqu[eé]|decree|filing|transcript)\b",
    re.I,
)
_HEDGES = word_patterns(
    (
        (Modality.DECLINED_TO_COMMENT, r"declined to|refused to comment|opted not to comment|opted not to"),
        (Modality.DID_NOT_RESPOND, r"has not responded|have not responded|did not respond|could not be reached"),
        (Modality.DENIED, r"denied|denies|would not be|will not be"),
        (Modality.DEMANDED, r"demanded|demands|called for|calls for|urged|urges"),
        (Modality.INTENDED, r"intends to|intention|desire|wants to|hopes to|is hoping to|seeks to|seeking|willingness"),
        (Modality.EXPECTED, r"is expected to|are expected to|expected to|anticipates|anticipated"),
        (Modality.PLANNED, r"was scheduled to|scheduled to|plans to|will|would"),
        (Modality.POSSIBLE, r"might|could|may|it's unclear if|it’s unclear if|unclear|possibly|potentially"),
    )
)


@cache
def _matcher() -> PhraseMatcher:
    from spacy.matcher import PhraseMatcher

    nlp = pipeline()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("verb", [nlp.make_doc(verb) for verb in _VERBS])
    matcher.add("according", [nlp.make_doc("according to")])
    return matcher


def _with_auxiliaries(cue: Span) -> Span:
    """The verb with the auxiliary, negation and adverb just before it ("has privately conveyed")."""
    from spacy.tokens import Span

    doc, start = cue.doc, cue.start
    for allowed in (_ADVERBS, _NEGATIONS, _AUXILIARIES):
        word = doc[start - 1].lower_ if start > 0 else ""
        if word in allowed or (allowed is _ADVERBS and word.endswith("ly")):
            start -= 1
    return Span(doc, start, cue.end, label=cue.label)


def find_claims(sentences: Sentences, matches: list[AliasMatch], registry: Registry) -> list[Claim]:
    """One claim candidate per cue of the article, in text order."""
    doc = sentences.doc
    found: list[Claim] = []
    found_cues = _matcher()(doc, as_spans=True)
    cues = sorted((_with_auxiliaries(c) if c.label_ == "verb" else c for c in found_cues), key=lambda c: c.start)
    by_sentence: dict[int, list[Span]] = {}
    for cue in cues:
        by_sentence.setdefault(sentences.index(cue.start_char), []).append(cue)
    for index, sentence_cues in by_sentence.items():
        sentence = sentences.items[index]
        if any(cue.label_ == "according" for cue in sentence_cues):
            sentence_cues = [cue for cue in sentence_cues if cue.label_ == "according"]
        previous: Claim | None = None
        for cue in sentence_cues:
            claim = _claim(sentences.text, sentence.start, sentence.end, cue, previous, matches, registry)
            if claim is not None:
                found.append(claim)
                previous = claim
    found.extend(headline_claims(sentences, matches, registry))
    return sorted(found, key=lambda claim: (claim.char_start, claim.cue))


def _claim(
    text: str, start: int, end: int, cue: Span, previous: Claim | None, matches: list[AliasMatch], registry: Registry
) -> Claim | None:
    if cue.label_ == "verb" and not _is_verb(cue):
        return None
    cue_text = _cue_words(cue)
    if cue.label_ == "verb" and previous is not None and cue.doc[cue.start - 1].lower_ in ("and", "but"):
        written, actor = previous.speaker_as_written, previous.speaker_actor_id
    else:
        if cue.label_ == "according" or _inverted(text, start, cue.start_char, cue.end_char, end):
            written = _speaker_after(text, cue.end_char, end)
        else:
            written = _speaker_before(text, start, cue.start_char)
        if written is None:
            return None
        actor = _actor_in(text, written, start, end, matches, registry)
    sentence = text[start:end]
    modality, hedge = _modality(cue_text, text[cue.start_char : end], text[start : cue.start_char])
    kind = _attribution(written or "", actor, sentence)
    return Claim(start, end, sentence, written, actor, cue_text, kind, modality, hedge)


def _inverted(text: str, start: int, cue_start: int, cue_end: int, end: int) -> bool:
    """A cue after a quotation or a comma and before a short speaker: "..., said Austin." ("said the minister")."""
    before = text[start:cue_start].rstrip()
    if not before or before[-1] not in ',”"’':
        return False
    after = _speaker_after(text, cue_end, end)
    if after is None or len(after.split()) > 8 or after.split()[0].lower() in _NOT_SPEAKER_START:
        return False
    return _speaker_like(after)


def _is_verb(cue: Span) -> bool:
    """In lower case; not a passive ("was announced"), an infinitive ("to say") or a noun ("the views")."""
    if not cue[-1].text.islower():
        return False
    first = cue[0]
    if first.i == 0:
        return True
    before = cue.doc[first.i - 1].lower_
    return before not in _BE and before not in _DETERMINERS and before != "to"


def _cue_words(cue: Span) -> str:
    """The cue as written; "declined to" takes the verb after it ("declined to comment")."""
    doc = cue.doc
    end = cue.end
    if cue[-1].lower_ in ("declined", "refused", "opted"):
        end = min(len(doc), end + (3 if doc[end : end + 1].text.lower() == "not" else 2))
    elif cue[-1].lower_ == "claimed" and end < len(doc) and doc[end].lower_ == "responsibility":
        end += 1
    return doc[cue.start : end].text


def _speaker_after(text: str, start: int, stop: int) -> str | None:
    rest = text[start:stop]
    cut = _ACCORDING_END.search(rest)
    words = rest[: cut.start() if cut else len(rest)].strip()
    return words or None


def _speaker_before(text: str, start: int, cue_start: int) -> str | None:
    pre = text[start:cue_start]
    trailing_comma = pre.rstrip().endswith(",")
    parts = [part for part in re.split(r"[,;“”\"()]", pre) if part.strip()]
    if not parts:
        return None
    words = parts[-1]
    if trailing_comma and len(parts) > 1 and not _RELATIVE.match(parts[-1]):
        words = parts[-2] + "," + parts[-1]
    elif trailing_comma and len(parts) > 1:
        words = parts[-2]
    words = _LEADING.sub("", _LAST_THAT.sub("", words)).strip()
    if not words or len(words.split()) > 14 or not _speaker_like(words):
        return None
    return words


def _speaker_like(words: str) -> bool:
    """A name, a pronoun, or words whose head is a speaker noun or a title: not a clause fragment."""
    head = _head(words)
    if head in _PRONOUNS or head in _ANONYMOUS or head in _TITLES:
        return True
    return any(char.isupper() for char in words) or bool(_DOCUMENTS.search(words))


def _head(words: str) -> str:
    """The head word of a noun phrase: its last word, or the last before "of" ("the minister of ...")."""
    tokens = re.findall(r"[\w’'-]+", words.lower())
    if "of" in tokens[1:]:
        tokens = tokens[: tokens.index("of")]
    return tokens[-1] if tokens else ""


def _actor_in(
    text: str, written: str, start: int, end: int, matches: list[AliasMatch], registry: Registry
) -> str | None:
    """The actor the speaker words name through the aliases inside them, or None.

    None for an unnamed speaker ("US officials": the alias is not the head), or
    for two actors joined ("Iraq and the United States"); a person among
    them wins unless the words name a body ("al-Sudani's office"); else the
    longest alias.
    """
    where = text.find(written, start, end)
    inside = [match for match in matches if where <= match.start and match.end <= where + len(written)]
    actors = [registry.actor_of(match) for match in inside]
    people = [actor for actor in actors if actor.actor_type == "person"]
    if not inside or (not people and _head(written) in _ANONYMOUS):
        return None
    head = re.search(rf"\b{re.escape(_head(written))}\b", written.lower()) if _head(written) in _BODIES else None
    if head and not any(m.start <= where + head.start() < m.end for m in inside):
        return None
    if len({actor.actor_id for actor in actors}) > 1 and re.search(r"\s(?:and|&)\s", written):
        return None
    if people and not re.search(r"\b(?:office|ministry|department)\b", written, re.I):
        return people[0].actor_id
    return registry.actor_of(max(inside, key=lambda match: match.end - match.start)).actor_id


def _attribution(written: str, actor: str | None, sentence: str) -> str:
    if _DOCUMENTS.search(written):
        return AttributionKind.DOCUMENT.value
    words = re.findall(r"[\w’'-]+", written.lower())
    if actor is None and words and words[-1] in _ANONYMOUS:
        return AttributionKind.ANONYMOUS.value
    if re.search(r"[“”\"]", sentence):
        return AttributionKind.DIRECT_QUOTE.value
    return AttributionKind.REPORTED_SPEECH.value


def _modality(cue: str, rest: str, before: str = "") -> tuple[str, str | None]:
    """The modality of the first hedge in the cue, after it, or else before it ("“We will ...,” Austin said")."""
    for modality, pattern in _HEDGES[:4]:
        if pattern.search(cue):
            return modality.value, None
    for words in (rest, before):
        for modality, pattern in _HEDGES:
            found = pattern.search(words)
            if found:
                return modality.value, found.group()
    return Modality.ASSERTED.value, None


def headline_claims(sentences: Sentences, matches: list[AliasMatch], registry: Registry) -> list[Claim]:
    """A short line "Speaker: statement" whose speaker is an alias or a speaker noun."""
    found = []
    text = sentences.text
    for sentence in sentences:
        line = text[sentence.start : sentence.end]
        colon = line.find(":")
        if colon <= 0 or len(line.split()) > 16 or len(line[:colon].split()) > 4 or "\n" in line:
            continue
        speaker = line[:colon].strip()
        actor = _actor_in(text, speaker, sentence.start, sentence.end, matches, registry)
        if actor is None and speaker.split()[-1].lower() not in _ANONYMOUS:
            continue
        modality, hedge = _modality(":", line[colon:])
        kind = _attribution(speaker, actor, line)
        found.append(Claim(sentence.start, sentence.end, line, speaker, actor, ":", kind, modality, hedge))
    return found
