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

from pydantic import BaseModel

_SHARED: dict[frozenset[str], set[str]] = {}


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
    if isinstance(value, BaseModel):
        share_fields_set(value)
        for item in value.__dict__.values():
            share_fields_sets(item)
    elif isinstance(value, list | tuple):
        for item in value:
            share_fields_sets(item)
    elif isinstance(value, dict):
        for item in value.values():
            share_fields_sets(item)
