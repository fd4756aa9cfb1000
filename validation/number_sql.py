"""SQL for the numbers-coded check: the accounted-for spans, and a screen of the articles that need reading.

The screen is sound (it never passes an article with a number outside every
span) and cheap (RE2 over the text left when the spans are cut out), so the
exact check in Python reads only the articles it flags:

- a number that touches no span is whole in what is left: a decimal digit,
  or a number word between word boundaries, in any case, once the letters
  the check's case-blind matching also folds are made ASCII ('İ' and 'ı' to
  'i', 'ſ' to 's', the Kelvin sign to 'k'); RE2's ASCII word boundaries hold
  wherever Python's do around ASCII letters;
- a number that a span covers only in part crosses one of the span's edges:
  then the character just outside the edge is a word character (anything but
  space, punctuation or a symbol, or an underscore), or a comma or point with
  a digit beyond it, as inside "2,500";
- a span that is empty, negative or past the text's end flags its article.
"""

from __future__ import annotations

from collections.abc import Sequence

SPANS = """
SELECT source_id, char_start + instr(quote, number_text) - 1, length(number_text) FROM {force_figures}
WHERE source_id IS NOT NULL AND char_start IS NOT NULL AND contains(quote, number_text)
UNION ALL SELECT source_id, char_start + instr(quote, date_as_written) - 1, length(date_as_written)
FROM {event_mentions} WHERE source_id IS NOT NULL AND char_start IS NOT NULL AND contains(quote, date_as_written)
UNION ALL SELECT source_id, char_start, char_end - char_start FROM {uncoded_numbers}
WHERE source_id IS NOT NULL AND char_start IS NOT NULL AND char_end IS NOT NULL
UNION ALL SELECT source_id, instr(text, published_as_written) - 1, length(published_as_written) FROM {sources}
WHERE source_id IS NOT NULL AND contains(text, published_as_written)
"""
"""(source_id, start, size) of every span whose numbers are accounted for."""

_WORDLIKE = r"(?:[^\s\p{P}\p{S}\p{Z}]|_)"
_BEFORE = rf"{_WORDLIKE}$|^\p{{Nd}}[,.]$"
_AFTER = rf"^{_WORDLIKE}|^[,.]\p{{Nd}}"
_FOLDED = "replace(replace(replace(replace({x}, '\u0130', 'i'), '\u0131', 'i'), '\u017f', 's'), '\u212a', 'k')"
_SCREEN = """
WITH t AS (SELECT _row, source_id, length(text) AS n FROM {sources} WHERE text IS NOT NULL AND source_id IS NOT NULL),
j AS (SELECT t._row, t.n, x.start, x.start + x.size AS stop, false AS sentinel
      FROM t JOIN (<spans>) x(source_id, start, size) USING (source_id)
      UNION ALL SELECT _row, n, n, n, true FROM t),
k AS (SELECT *, coalesce(max(stop) OVER (PARTITION BY _row ORDER BY start, stop
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS reach FROM j)
SELECT k._row FROM k JOIN {sources} a USING (_row) GROUP BY k._row HAVING bool_or(
  (NOT sentinel AND (start < 0 OR stop <= start OR stop > n
    OR regexp_matches(substring(text, greatest(start - 1, 1), least(start, 2)), '<before>')
    OR regexp_matches(substring(text, stop + 1, 2), '<after>')))
  OR (start > reach AND regexp_matches(<gap>, '(?i)<numbers>')))
"""
_ARTICLES = """
SELECT s._row, s.source_id, s.text, c.starts, c.sizes FROM {sources} s LEFT JOIN
(SELECT source_id, list(start) AS starts, list(size) AS sizes FROM (<spans>) t(source_id, start, size) GROUP BY 1) c
USING (source_id) WHERE s._row IN (<screen>) ORDER BY s._row
"""


def articles_query(words: Sequence[str]) -> str:
    """The sources rows the screen flags, with their text and spans, for the exact check over ``words``."""
    screen = _SCREEN.replace("<spans>", SPANS).replace("<before>", _BEFORE).replace("<after>", _AFTER)
    numbers = r"\p{Nd}|\b(?:" + "|".join(words) + r")\b"
    gap = _FOLDED.format(x="substring(text, reach + 1, start - reach)")
    screen = screen.replace("<numbers>", numbers).replace("<gap>", gap)
    return _ARTICLES.replace("<spans>", SPANS).replace("<screen>", screen)
