"""WSGI entry point of the example site: production settings, which need their environment variables."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings.production")

application = get_wsgi_application()
