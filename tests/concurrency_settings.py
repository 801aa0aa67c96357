"""The example site's development settings for the concurrency tests: abuse limits high enough for many clients
on one address, and no other change (the database settings under test are the example site's own)."""

from example_site.settings.dev import *  # noqa: F401,F403
from example_site.settings.dev import BIBNETZ

BIBNETZ = {**BIBNETZ, "JOIN_RATE": (1000, 3600), "LOGIN_RATE": (1000, 600)}
