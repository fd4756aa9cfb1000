"""usiraq: evidence-linked data on the 2024 talks on the future of US troops in Iraq.

Example:
    >>> import usiraq
    >>> claims = usiraq.load("claims")  # a typed pandas DataFrame  # doctest: +SKIP

``import usiraq`` reads nothing and imports neither pandas nor pyarrow: the
functions below are imported on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from usiraq.compare import conflicts
    from usiraq.loader import describe, load, load_all, source_text, tables
    from usiraq.sql import connect

_LAZY = {
    "load": "usiraq.loader",
    "load_all": "usiraq.loader",
    "tables": "usiraq.loader",
    "describe": "usiraq.loader",
    "source_text": "usiraq.loader",
    "connect": "usiraq.sql",
    "conflicts": "usiraq.compare",
}

__all__ = ["__version__", "conflicts", "connect", "describe", "load", "load_all", "source_text", "tables"]


def __getattr__(name: str) -> Any:
    """Import the public functions, and read the version, on first use."""
    if name == "__version__":
        from usiraq.schema.version import data_version

        return data_version()
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'usiraq' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names, for tab completion."""
    return sorted(set(globals()) | set(__all__))
