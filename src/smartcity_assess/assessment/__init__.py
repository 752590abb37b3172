"""Assessment projects: the ``assessment.yaml`` config, its assertions, provenance and runs."""
