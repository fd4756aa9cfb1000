"""Validation of a usiraq data package: its Table Schema rules, as Frictionless checks them, and its own checks.

:func:`usiraq.validation.package.open_package` reads a package without
trusting it; :func:`usiraq.validation.validate.validate_package` runs every
check and returns a report.
"""
