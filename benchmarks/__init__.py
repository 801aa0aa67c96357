"""Benchmarks of bibnetz_wagtail (not part of the test suite): ``bash benchmarks/run --help``."""
