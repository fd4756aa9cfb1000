"""Validation of a usiraq data package: Frictionless plus the dataset's own checks.

:func:`usiraq.validation.package.open_package` reads a package without
trusting it; :func:`usiraq.validation.validate.validate_package` runs every
check and returns a report.
"""
