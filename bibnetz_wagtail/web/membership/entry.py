"""The ways into the network on the host's own pages: the header's account links and the call to join."""

import logging
from urllib.parse import urlencode

from django.middleware.csrf import get_token
from django.urls import NoReverseMatch, reverse

from ..responses import login_url

logger = logging.getLogger(__name__)

#: On these pages a link to the login page carries no ``next``: coming back to them after logging in is useless.
NO_RETURN_URLS = ("bibnetz:login", "bibnetz:logout", "bibnetz:join")


def url_or_none(name, *args):
    """The URL of ``name``, or None (logged) where the host has not installed the network's URLs."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        logger.warning("bibnetz: the URL %r is not installed; its link is left out.", name)
        return None


def is_logged_in(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def account_links(request):
    """What the account menu shows: join and log in for visitors; library, admin and log out for members."""
    if request is not None and is_logged_in(request):
        return member_links(request)
    return {
        "member": False,
        "join_url": url_or_none("bibnetz:join"),
        "login_url": login_link(request),
    }


def member_links(request):
    """Links for a logged-in user; the admin only for those Wagtail lets in (superusers cost no query)."""
    user = request.user
    may_use_admin = user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    return {
        "member": True,
        "user": user,
        "my_library_url": url_or_none("bibnetz:my_library"),
        "admin_url": url_or_none("wagtailadmin_home") if may_use_admin else None,
        "logout_url": url_or_none("bibnetz:logout"),
        # The tag renders its template in a context of its own, without the CSRF context processor.
        "csrf_token": get_token(request),
    }


def login_link(request):
    """The login page with ``next`` pointing back to the page the visitor is on."""
    url = login_url()
    if request is None or request.path in no_return_paths():
        return url
    return f"{url}?{urlencode({'next': request.get_full_path()})}"


def no_return_paths():
    paths = set()
    for name in NO_RETURN_URLS:
        try:
            paths.add(reverse(name))
        except NoReverseMatch:
            continue
    return paths


def current_path(request):
    return request.path if request is not None else None
