"""Settings for the package's own tests: an in-memory SQLite database, no example site."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = "tests-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "bibnetz_wagtail",
    # The optional parts: the admin screens (with wagtail-modeladmin) and the demo content generator.
    "bibnetz_wagtail.contrib.modeladmin",
    "wagtail_modeladmin",
    "bibnetz_wagtail.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "bibnetz_wagtail.middleware.LoginThrottleMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "tests.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Logging in with the e-mail address, on the front end and in the Wagtail admin.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "bibnetz_wagtail.web.accounts.backends.EmailBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "bibnetz_wagtail.web.accounts.forms.AdminLoginForm"
LOGIN_URL = "bibnetz:login"
# The login address changes only through the network's confirmed e-mail change, not in the admin's account page.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static-collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

WAGTAIL_SITE_NAME = "bibnetz tests"
WAGTAILADMIN_BASE_URL = "http://testserver"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

BIBNETZ = {
    "SEARCH_ENGINE": "database",
    "ELASTICSEARCH": {
        "HOSTS": [os.environ.get("BIBNETZ_ELASTICSEARCH_URL", "http://127.0.0.1:9200")],
        "INDEX_PREFIX": "bibnetz-test",
    },
}
