"""Which pages may appear in listings at all: the one rule both engines and every count follow."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from ..models import LibraryProfilePage


def restricted_paths():
    """Tree paths of every page with a view restriction (one query)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())


def public_live_q(prefix="", paths=None, now=None):
    """Live, not expired and not below a view restriction; ``prefix`` reaches a related page."""
    now = now or timezone.now()
    q = Q(**{f"{prefix}live": True}) & (
        Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": now})
    )
    for path in paths if paths is not None else restricted_paths():
        q &= ~Q(**{f"{prefix}path__startswith": path})
    return q


def visible_q(model, paths=None):
    """The visibility rule for ``model``: measures and calls also need a visible library."""
    paths = restricted_paths() if paths is None else paths
    q = public_live_q(paths=paths)
    if model is not LibraryProfilePage:
        q &= Q(library__isnull=False) & public_live_q("library__", paths=paths)
    return q


def visible_pages(model, paths=None):
    return model.objects.filter(visible_q(model, paths))


def is_visible(page):
    """Whether a single page passes the listing visibility rule (used for references and detail pages)."""
    model = page.specific_class or Page
    return visible_pages(model).filter(pk=page.pk).exists()
