"""Development settings of the example site: debug on, any host, a fixed secret unless one is given."""

import os

from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret-bibnetz-example-site")
ALLOWED_HOSTS = ["*"]
