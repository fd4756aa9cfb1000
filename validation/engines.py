"""The engines of the standards gate, named once for :mod:`usiraq.validation.validate` and the CLI.

Light on purpose (no imports): the command line builds its ``--engine`` choice from it at start-up.
"""

from __future__ import annotations

ENGINES = ("auto", "frictionless", "duckdb")
"""``frictionless`` row by row, ``duckdb`` as SQL, ``auto`` choosing by the package's size."""
