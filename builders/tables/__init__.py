"""The table builders, one module per module of :mod:`usiraq.schema.tables`.

Each function is named after the table it builds and takes the build inputs
and the rows of the tables it reads (see :mod:`usiraq.builders.order`).
"""
