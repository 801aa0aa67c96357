"""The package's settings: one ``BIBNETZ`` dict, read lazily, with documented defaults."""

from copy import deepcopy

from django.conf import settings

#: Population size classes of the German library statistics; area and FTE bands likewise.
DEFAULT_BANDS = {
    "population": ["0-5000", "5000-10000", "10000-20000", "20000-50000", "50000-100000", "100000-"],
    "area": ["0-100", "100-300", "300-600", "600-1000", "1000-"],
    "fte": ["0-1", "1-2", "2-5", "5-10", "10-"],
}

DEFAULTS = {
    # "database" (always available) or "elasticsearch".
    "SEARCH_ENGINE": "database",
    "ELASTICSEARCH": {
        "HOSTS": ["http://127.0.0.1:9200"],
        "INDEX_PREFIX": "bibnetz",
        # Seconds per request; a slow cluster must not stall page saves or listings.
        "TIMEOUT": 2,
        # Seconds of cluster time one web request may spend in all (a profile page shows several listings).
        "REQUEST_BUDGET": 3,
        # After FAILURES failed or timed-out requests in a row, nobody waits for the cluster for COOL_DOWN
        # seconds (listings answer from the database, index changes wait in the outbox); then one request probes.
        "BREAKER": {"FAILURES": 3, "COOL_DOWN": 30},
        # Index settings for new indices, e.g. {"number_of_shards": 1, "number_of_replicas": 0}.
        "INDEX_SETTINGS": {},
    },
    # Band edges per metric, as "FROM-TO" strings (half-open, "FROM-" has no upper end).
    "BANDS": DEFAULT_BANDS,
    # The host site's base template that every page of the package extends.
    "BASE_TEMPLATE": "base.html",
    "PER_PAGE": 20,
    "MAX_PER_PAGE": 100,
    # Longest accepted full-text query and most values accepted per facet.
    "MAX_QUERY_LENGTH": 200,
    "MAX_FACET_VALUES": 50,
    # Seconds a process keeps the topics, target groups and toolkit results of the facets; 0 reads them per request.
    "VOCABULARY_CACHE_SECONDS": 300,
    # Seconds a process keeps the words of the pages that typos are corrected to (reading them takes seconds on
    # a large network); 0 reads them for every misspelt search.
    "CORPUS_CACHE_SECONDS": 3600,
    # Join requests go through the moderators' approval; without it a confirmed e-mail address suffices.
    "MODERATION": True,
    # Name of a collection whose images and documents every library may choose (e.g. the association's logos);
    # None: each library chooses from its own collection only.
    "SHARED_COLLECTION": None,
    # Page permissions each library's group gets on its own profile subtree.
    "LIBRARY_PAGE_PERMISSIONS": ["add", "change", "publish"],
    # Seconds a link in a confirmation e-mail stays valid, and days an invitation stays open.
    "JOIN_LINK_MAX_AGE": 3 * 24 * 3600,
    "INVITATION_DAYS": 14,
    # Days an application whose address was not confirmed stays open; then it is deleted with everything it
    # created (by the next application, or by ``manage.py bibnetz_expire_join_requests`` run from cron).
    "JOIN_REQUEST_DAYS": 7,
    # Abuse limits: requests per IP address and failed logins per account, each within the window in seconds.
    "JOIN_RATE": (5, 3600),
    "LOGIN_RATE": (20, 600),
    "LOGIN_FAILURES_PER_ACCOUNT": (5, 900),
}


def get_setting(name):
    """Return one setting from ``settings.BIBNETZ``, falling back to the documented default."""
    user = getattr(settings, "BIBNETZ", {}) or {}
    default = deepcopy(DEFAULTS[name])
    value = user.get(name, default)
    if isinstance(default, dict) and isinstance(value, dict):
        return {**default, **value}
    return value
