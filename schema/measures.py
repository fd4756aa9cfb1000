"""What the sources table records about an article's text: its sha256, characters and words.

The builders compute these columns and the ``source-text`` check recomputes
them; both call :func:`text_measures`.
"""

from __future__ import annotations

import hashlib


def text_sha256(text: str) -> str:
    """The hex sha256 of ``text`` encoded as UTF-8 (the bytes of the article file).

    Example:
        >>> text_sha256("")[:8]
        'e3b0c442'

    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_measures(text: str) -> dict[str, str | int]:
    """The columns ``sha256``, ``char_count`` and ``word_count`` (whitespace-separated tokens) of ``text``.

    Example:
        >>> text_measures("two words")["word_count"]
        2

    """
    return {"sha256": text_sha256(text), "char_count": len(text), "word_count": len(text.split())}
