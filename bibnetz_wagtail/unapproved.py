"""Profiles not yet approved (never published) are seen in the admin only by their own team and the moderators.

Wagtail's page chooser lists every page of the site to anyone with admin access, whatever their permissions;
in the network that would show every member the names of libraries still waiting for approval.
"""

from django.db.models import Q

from .models import LibraryProfilePage, Membership
from .models.membership import MODERATORS_GROUP


def sees_every_profile(user):
    return user.is_superuser or user.groups.filter(name=MODERATORS_GROUP).exists()


def hidden_profile_paths(user):
    """Tree paths of the never-published profiles that are not ``user``'s own."""
    own = Membership.objects.filter(user=user).values("library_id")
    return list(
        LibraryProfilePage.objects.filter(live=False, first_published_at__isnull=True)
        .exclude(pk__in=own)
        .values_list("path", flat=True)
    )


def without_unapproved_profiles(pages, request):
    """``pages`` without other libraries' unapproved profiles and what lies below them."""
    user = request.user
    if not user.is_authenticated or sees_every_profile(user):
        return pages
    hidden = Q()
    for path in hidden_profile_paths(user):
        hidden |= Q(path__startswith=path)
    return pages.exclude(hidden) if hidden else pages


def hidden_from(user, page):
    """Whether ``page`` is an unapproved profile (or lies below one) that ``user`` may not know of."""
    if not user.is_authenticated:
        return True
    if sees_every_profile(user):
        return False
    return any(page.path.startswith(path) for path in hidden_profile_paths(user))
