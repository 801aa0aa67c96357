"""Development settings of the example site, for ``runserver`` on this machine only: debug on, a fixed secret.

They answer only for local host names, so that a link built from the ``Host`` header (password reset,
confirmation) can never name a foreign host. Anything served to others uses ``settings.production``.
"""

import os

from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret-bibnetz-example-site")
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
