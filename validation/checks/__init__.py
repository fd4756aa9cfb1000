"""The dataset's own checks, one small plug-in module each (see :mod:`usiraq.validation.checks.registry`)."""
