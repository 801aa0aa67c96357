"""Production settings of the example site: secrets, hosts and the site's address come from the environment.

The site refuses to start without them, so that a forgotten variable can never fall back to a key that is in
the repository or to a site that answers for any ``Host`` header (password-reset links are built from it).

Required: ``DJANGO_SECRET_KEY`` (at least 50 characters), ``DJANGO_ALLOWED_HOSTS`` (comma-separated host
names), ``WAGTAILADMIN_BASE_URL`` (``https://…``, the address every link in an e-mail starts with).
Optional: ``DJANGO_SECURE_SSL_REDIRECT`` (default ``1``; ``0`` when a proxy redirects to HTTPS already),
``DJANGO_SECURE_PROXY_SSL_HEADER`` (``1`` behind a proxy that sets ``X-Forwarded-Proto``),
``DJANGO_HSTS_SECONDS`` (default one year), ``DJANGO_HSTS_INCLUDE_SUBDOMAINS`` and ``DJANGO_HSTS_PRELOAD``
(default ``1``), ``DJANGO_CSRF_TRUSTED_ORIGINS``, and the mail server as ``EMAIL_HOST``, ``EMAIL_PORT``,
``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``, ``EMAIL_USE_TLS``, ``DEFAULT_FROM_EMAIL``.

The cache is the database (run ``manage.py createcachetable`` once), so that every worker process counts the
same login and join attempts; a site with Redis or Memcached sets ``CACHES`` to that instead.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403


def required(name):
    """The environment variable ``name``; the site does not start without it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the environment variable {name} for the production settings.")
    return value


def listed(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def flag(name, default):
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


DEBUG = False

SECRET_KEY = required("DJANGO_SECRET_KEY")
if len(SECRET_KEY) < 50 or "not-secret" in SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be a random value of at least 50 characters.")

ALLOWED_HOSTS = listed("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS to the site's host names (no '*').")

WAGTAILADMIN_BASE_URL = required("WAGTAILADMIN_BASE_URL").rstrip("/")
CSRF_TRUSTED_ORIGINS = listed("DJANGO_CSRF_TRUSTED_ORIGINS")

SECURE_SSL_REDIRECT = flag("DJANGO_SECURE_SSL_REDIRECT", "1")
if flag("DJANGO_SECURE_PROXY_SSL_HEADER", "0"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", "1")
SECURE_HSTS_PRELOAD = flag("DJANGO_HSTS_PRELOAD", "1")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "bibnetz_cache"}}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = flag("EMAIL_USE_TLS", "0")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
SERVER_EMAIL = DEFAULT_FROM_EMAIL
