"""Deterministic, realistic German demo content for the example site (see the ``bibnetz_demo`` command)."""
