"""Settings of the example host site; everything that varies between machines comes from the environment.

- ``DATABASE_URL``: any URL dj-database-url understands (default: SQLite file ``example_site/db.sqlite3``)
- ``BIBNETZ_SEARCH_ENGINE``: ``database`` (default) or ``elasticsearch``
- ``BIBNETZ_ELASTICSEARCH_URL``: the Elasticsearch node (default ``http://127.0.0.1:9200``)
- ``DJANGO_SECRET_KEY``: required outside development
- ``DJANGO_ALLOWED_HOSTS``: comma-separated host names
"""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = [host for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if host]

INSTALLED_APPS = [
    "home",
    "bibnetz_wagtail",
    "bibnetz_wagtail.contrib.modeladmin",  # the "Library network" admin menu
    "wagtail_modeladmin",
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
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "bibnetz_wagtail.middleware.LoginThrottleMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"
WSGI_APPLICATION = "example_site.wsgi.application"

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

DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=600)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers on SQLite: a transaction takes the write lock when it begins (IMMEDIATE), so two
    # requests never both read and then fail to upgrade ("database is locked"); a writer waits up to 20 s for
    # another; and readers do not wait for writers (write-ahead log).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Twelve characters, as the network's own forms require, also for passwords set in the Wagtail admin.
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Members log in with their e-mail address, on the site and in the Wagtail admin; usernames keep working.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "bibnetz_wagtail.web.accounts.backends.EmailBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "bibnetz_wagtail.web.accounts.forms.AdminLoginForm"
LOGIN_URL = "bibnetz:login"
# The login address changes only through the network's confirmed e-mail change, not in the admin's account page.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False

# A German site: pages are German whatever the browser asks for (no LocaleMiddleware); the Wagtail admin
# still follows each user's own language preference.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "netzwerk@bibliotheken.example"

# Page forms in Wagtail's editor can exceed Django's default of 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Netzwerk Flächenbibliotheken"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]

BIBNETZ = {
    "SEARCH_ENGINE": os.environ.get("BIBNETZ_SEARCH_ENGINE", "database"),
    "ELASTICSEARCH": {
        "HOSTS": [os.environ.get("BIBNETZ_ELASTICSEARCH_URL", "http://127.0.0.1:9200")],
        "INDEX_PREFIX": os.environ.get("BIBNETZ_INDEX_PREFIX", "bibnetz"),
    },
}
