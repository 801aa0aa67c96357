"""Absolute links in e-mails: every one starts with the site's one base URL, ``WAGTAILADMIN_BASE_URL``."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def configured_base_url():
    """``WAGTAILADMIN_BASE_URL`` as set, or None when it is missing or empty."""
    value = getattr(settings, "WAGTAILADMIN_BASE_URL", None)
    return value if value else None


def base_url_problem(value):
    """Why ``value`` cannot start the links in e-mails, or None when it can."""
    if not isinstance(value, str):
        return "it is not a string"
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "it is not an absolute http:// or https:// address"
    if parts.query or parts.fragment:
        return "it has a query or fragment"
    return None


def base_url():
    """The base of every link in e-mails, without a trailing slash.

    ``WAGTAILADMIN_BASE_URL`` (Wagtail's own mails use it too); when it is missing, the default Site's root
    URL, which the system check bibnetz_wagtail.W010 warns about.
    """
    value = configured_base_url()
    if value is not None and base_url_problem(value) is None:
        return value.strip().rstrip("/")
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site is not None else ""


def absolute_url(path):
    """``path`` (as ``reverse()`` gives it) on the base URL."""
    return base_url() + path


def page_url(page):
    """A page's address on the base URL, or None when the page is not reachable in any site."""
    parts = page.get_url_parts()
    if parts is None:
        return None
    return absolute_url(parts[2])
