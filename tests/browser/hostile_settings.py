"""The example site's settings with a careless host base template (tests/templates/hostile_base.html)."""

from pathlib import Path

from example_site.settings.dev import *  # noqa: F401,F403
from example_site.settings.dev import BIBNETZ, TEMPLATES

TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], Path(__file__).resolve().parents[1] / "templates"]
BIBNETZ = {**BIBNETZ, "BASE_TEMPLATE": "hostile_base.html"}
