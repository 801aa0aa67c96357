"""Development settings of the example site, for ``runserver`` on this machine only: debug on, a fixed secret.

They answer only for local host names, so that a link built from the ``Host`` header (password reset,
confirmation) can never name a foreign host. Anything served to others uses ``settings.production``.
"""

import os

from .base import *  # noqa: F401,F403
from .base import INSTALLED_APPS

DEBUG = True
# The demo content generator (``manage.py bibnetz_demo``) is for development only: production leaves it out.
INSTALLED_APPS = [*INSTALLED_APPS, "bibnetz_wagtail.demo"]
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret-bibnetz-example-site")
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
