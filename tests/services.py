"""What a test does when a service it needs (Elasticsearch, a browser, GNU gettext) is missing."""

import os

import pytest


def services_required():
    """In CI, and under the test command (which installs and starts every service), a missing one is a failure."""
    return bool(os.environ.get("CI") or os.environ.get("BIBNETZ_REQUIRE_SERVICES"))


def missing_service(what, message):
    """Fail where services are required, skip on a developer machine that runs single test files."""
    if services_required():
        pytest.fail(f"No {what}: {message}", pytrace=False)
    pytest.skip(f"no {what}: {message}")
