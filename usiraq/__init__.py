"""usiraq: evidence-linked data on the 2024 talks on the future of US troops in Iraq."""

from __future__ import annotations

from usiraq.version import data_version

__version__ = data_version()

__all__ = ["__version__"]
