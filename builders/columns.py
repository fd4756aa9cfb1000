"""From input fields to release columns: the one place where the two are mapped.

An input field and a release column with the same name mean the same thing,
and :func:`carried` passes every such field through as it is (``claim_id``,
``speaker_actor_id``, ``attribution_kind``, ``actor_type`` ...). What is not
passed through by name is mapped here and only here:

- evidence: the selector's ``quote``, ``prefix`` and ``occurrence`` become the
  columns ``quote``, ``char_start`` and ``char_end`` of the span the builder
  finds (:func:`evidence`);
- dates: a nested date (``published`` of sources.yaml, ``date`` of an event or
  an event mention, ``as_of`` of a figure) becomes the columns
  ``<name>_as_written``, ``<name>_start``, ``<name>_end``, ``<name>_precision``,
  ``<name>_basis`` and ``<name>_note`` (:func:`usiraq.builders.dates.date_columns`);
- nested lists: a row of a nested list (an alias, a flag, a proposition link,
  an event's actor, a tension's side) takes its parent's key (``actor_id``,
  ``source_id``, ``claim_id``, ``event_id``, ``tension_id``) from the parent,
  and an annotation's rows take ``source_id`` from its file;
- computed columns (``sha256`` and the counts of an article, the
  ``independence_group``, the counts of a proposition, an event's status and
  ``n_sources``) come from the builders, never from an input.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel
from usiraq.builders.quotes import Span
from usiraq.schema.inputs import Selector
from usiraq.schema.record import Record

SELECTOR_FIELDS = frozenset(Selector.model_fields)
"""The fields that find the evidence (``quote``, ``prefix``, ``occurrence``): a span is made of them, not a copy."""


def carried(entry: BaseModel, model: type[Record]) -> dict[str, Any]:
    """The fields of input ``entry`` that ``model`` has as columns, by name, with their values as they are.

    Example:
        >>> from usiraq.schema.inputs import PropositionEntry
        >>> from usiraq.schema.tables.claims import Proposition
        >>> entry = PropositionEntry(proposition_id="p", statement="S.", topic="talks")
        >>> sorted(carried(entry, Proposition))
        ['note', 'proposition_id', 'statement', 'topic']

    """
    return {name: getattr(entry, name) for name in shared_fields(type(entry), model)}


@cache
def shared_fields(entry_type: type[BaseModel], model: type[Record]) -> tuple[str, ...]:
    """The names that are both fields of ``entry_type`` and columns of ``model`` (selector fields aside)."""
    return tuple(name for name in entry_type.model_fields if name in model.model_fields and name not in SELECTOR_FIELDS)


def evidence(span: Span) -> dict[str, Any]:
    """The evidence columns of ``span``: ``quote``, ``char_start`` and ``char_end``."""
    return {"quote": span.quote, "char_start": span.start, "char_end": span.end}
