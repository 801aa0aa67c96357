"""Deterministic, realistic German demo content: an app of its own with the ``bibnetz_demo`` command.

A site gets the command only by adding ``bibnetz_wagtail.demo`` to ``INSTALLED_APPS`` on purpose (the example
site does, in its development settings); the rest of the package does not depend on it.
"""
