"""The release and the files made from it: build, croissant.json, the zip, the spreadsheet, the database, exports.

:mod:`usiraq.release.build` builds the release as shipped; the other modules
make the artefacts that ``usiraq release`` and ``usiraq export`` write from it.
"""
