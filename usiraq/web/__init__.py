"""The web view of the release: Datasette over usiraq.sqlite, with an article reader (``usiraq serve``).

Everything here needs the ``web`` extra (``pip install 'usiraq[web]'``) and is
imported only by ``usiraq serve`` and its tests.
"""
