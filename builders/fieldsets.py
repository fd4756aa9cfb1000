"""Share pydantic's set of the fields each model was given: one set object per distinct set.

pydantic keeps on every model a set of the fields it was given
(``model_fields_set``): 216 bytes for up to four names, 728 for five to
eighteen, often more than the model's own values. A build holds hundreds of
thousands of input entries and rows, among which there are only a few dozen
distinct sets; a frozen model never changes its set, so it can share one with
every model that was given the same fields, as
:meth:`pydantic.BaseModel.model_construct` lets a caller give the set to use.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

_SHARED: dict[frozenset[str], set[str]] = {}
_LEAVES = frozenset({str, int, float, bool, type(None)})
"""Types of values that hold no model, not looked into."""


def share_fields_set(model: BaseModel) -> None:
    """Give a frozen ``model`` the shared set equal to its own set of fields given (other models keep their own)."""
    if not model.model_config.get("frozen"):
        return
    own = model.__pydantic_fields_set__
    shared = _SHARED.setdefault(frozenset(own), own)
    if shared is not own:
        object.__setattr__(model, "__pydantic_fields_set__", shared)


def share_fields_sets(value: object) -> None:
    """:func:`share_fields_set` for every model in ``value``, a validated tree of models, lists, tuples and dicts."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, BaseModel):
            share_fields_set(node)
            children: Iterable[object] = node.__dict__.values()
        elif isinstance(node, list | tuple):
            children = node
        elif isinstance(node, dict):
            children = node.values()
        else:
            continue
        for child in children:
            if type(child) not in _LEAVES:
                stack.append(child)
