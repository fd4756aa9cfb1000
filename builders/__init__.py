"""Builders: turn the articles and their hand coding into the validated release tables.

One module per release table, each with the same ``run(inputs, built)``; the
order is declared once in :mod:`usiraq.builders.order`;
:func:`usiraq.builders.build.build_release` runs them all and writes the release.
"""
