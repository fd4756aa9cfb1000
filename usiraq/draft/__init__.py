"""Draft the coding of a new article: every candidate with its evidence, for a coder to review.

:func:`usiraq.draft.article.draft_article` finds the candidates (actor
mentions, new actors, figures, uncoded numbers, dates, attributed claims);
:mod:`usiraq.draft.writer` writes them as an annotation file whose every entry
is marked ``suggested: true``; :mod:`usiraq.draft.coverage` audits what the
coding of the dataset's articles still leaves open. Rules: docs/DRAFTING.md.
"""
