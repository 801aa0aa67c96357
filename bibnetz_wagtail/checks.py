"""System checks for the ``BIBNETZ`` settings, with namespaced ids and hints."""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from .conf import get_setting
from .search.bands import BandError, parse_band_setting
from .search.engines import engine_class, needs_elasticsearch_client
from .search.optional import INSTALL_HINT, elasticsearch_installed

#: The optional app with the admin screens; named here, never imported.
MODELADMIN_APP = "bibnetz_wagtail.contrib.modeladmin"


@register()
def check_bibnetz_settings(app_configs, **kwargs):
    errors = []
    engine = get_setting("SEARCH_ENGINE")
    if not engine_is_usable(engine):
        errors.append(
            Error(
                f"BIBNETZ['SEARCH_ENGINE'] is {engine!r}.",
                hint="Use 'database', 'elasticsearch' or the dotted path of a BaseEngine subclass.",
                id="bibnetz_wagtail.E001",
            )
        )
    for metric, bands in get_setting("BANDS").items():
        try:
            parse_band_setting(metric, bands)
        except BandError as error:
            errors.append(
                Error(
                    f"BIBNETZ['BANDS'][{metric!r}] is invalid: {error}",
                    hint="Give a list of 'FROM-TO' strings, e.g. ['0-5000', '5000-'].",
                    id="bibnetz_wagtail.E002",
                )
            )
    seconds = get_setting("VOCABULARY_CACHE_SECONDS")
    if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds < 0:
        errors.append(
            Error(
                f"BIBNETZ['VOCABULARY_CACHE_SECONDS'] is {seconds!r}.",
                hint="Give a whole number of seconds, 0 or more (0 reads the vocabularies on every request).",
                id="bibnetz_wagtail.E004",
            )
        )
    return errors


def engine_is_usable(engine):
    """An alias or a dotted path of a ``BaseEngine`` subclass; the Elasticsearch engine also without its client
    (E020 says what to install)."""
    try:
        engine_class(engine)
    except ImportError:
        return needs_elasticsearch_client(engine)
    except Exception:  # noqa: BLE001  (anything a wrong dotted path raises is this check's finding)
        return False
    return True


@register()
def check_admin_screens(app_configs, **kwargs):
    """A site that lists wagtail_modeladmin for the network's screens, but not the app that now holds them."""
    if not apps.is_installed("wagtail_modeladmin") or apps.is_installed(MODELADMIN_APP):
        return []
    return [
        Warning(
            f"'wagtail_modeladmin' is in INSTALLED_APPS, but {MODELADMIN_APP!r} is not, so the 'Library network' "
            "admin menu (toolkit results, topics, target groups, participations) is not available.",
            hint=f"Add {MODELADMIN_APP!r} to INSTALLED_APPS, or leave it out on purpose and silence this warning.",
            id="bibnetz_wagtail.W001",
        )
    ]


@register()
def check_elasticsearch(app_configs, **kwargs):
    """With the Elasticsearch engine: the client installed, a usable HOSTS setting and a cluster that answers."""
    if not engine_is_usable(get_setting("SEARCH_ENGINE")) or not needs_elasticsearch_client():
        return []
    if not elasticsearch_installed():
        return [
            Error(
                "BIBNETZ['SEARCH_ENGINE'] is 'elasticsearch', but the Elasticsearch client is not installed.",
                hint=f"Install the package with its extra: {INSTALL_HINT}",
                id="bibnetz_wagtail.E020",
            )
        ]
    hosts = get_setting("ELASTICSEARCH").get("HOSTS")
    if not isinstance(hosts, (list, tuple)) or not hosts or not all(isinstance(host, str) and host for host in hosts):
        return [
            Error(
                f"BIBNETZ['ELASTICSEARCH']['HOSTS'] is {hosts!r}.",
                hint="Give a list of cluster URLs, e.g. ['http://127.0.0.1:9200'].",
                id="bibnetz_wagtail.E003",
            )
        ]
    from elasticsearch import ApiError, TransportError

    from .search.cluster import get_client

    try:
        get_client().cluster.health()
    except (TransportError, ApiError) as error:
        return [
            Warning(
                f"Elasticsearch at {', '.join(hosts)} cannot be reached ({type(error).__name__}); listings answer "
                "from the database until it can.",
                hint="Start the cluster or correct BIBNETZ['ELASTICSEARCH']['HOSTS'], then run bibnetz_sync_index.",
                id="bibnetz_wagtail.W002",
            )
        ]
    return []


PER_PROCESS_CACHES = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


@register(Tags.security, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """With ``check --deploy``: login and join limits need a cache that every process of the site shares."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        Warning(
            f"The default cache ({backend.rsplit('.', 1)[-1]}) is not shared between processes, so each process "
            "counts login and join attempts on its own.",
            hint="Set CACHES['default'] to a shared cache (Redis, Memcached or DatabaseCache).",
            id="bibnetz_wagtail.W031",
        )
    ]


@register()
def check_email_management(app_configs, **kwargs):
    """The admin's account page must not change the login address past the network's confirmation."""
    if not getattr(settings, "WAGTAIL_EMAIL_MANAGEMENT_ENABLED", True):
        return []
    return [
        Warning(
            "Members can change their login e-mail address in the Wagtail admin without confirming it, and take an "
            "address another account uses.",
            hint="Set WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False: members change it in 'Meine Bibliothek' instead.",
            id="bibnetz_wagtail.W032",
        )
    ]


@register()
def check_mail_base_url(app_configs, **kwargs):
    """Every link in the package's e-mails starts with WAGTAILADMIN_BASE_URL, so it must be a usable address."""
    from .web.links import base_url_problem, configured_base_url

    value = configured_base_url()
    hint = "Set WAGTAILADMIN_BASE_URL to the site's public address, e.g. 'https://www.bibliotheksverband.de'."
    if value is None:
        message = (
            "WAGTAILADMIN_BASE_URL is not set: links in e-mails use the default Site's root URL instead, "
            "which is often http://localhost."
        )
        return [Warning(message, hint=hint, id="bibnetz_wagtail.W010")]
    problem = base_url_problem(value)
    if problem is not None:
        return [Error(f"WAGTAILADMIN_BASE_URL is {value!r}: {problem}.", hint=hint, id="bibnetz_wagtail.E010")]
    return []
