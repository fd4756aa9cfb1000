"""Builders: turn the articles and their hand coding into the validated release tables.

The table builders live in :mod:`usiraq.builders.tables`, one module per module
of :mod:`usiraq.schema.tables`; :data:`usiraq.builders.order.BUILDERS` names the
builder of every table and the tables it reads, once;
:func:`usiraq.builders.build.build_release` runs them all and writes the release.
"""
