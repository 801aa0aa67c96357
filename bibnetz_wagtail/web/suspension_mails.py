"""The e-mails to a library's team when the moderators suspend or reinstate it, in the site's language."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from ..models import Membership
from .links import absolute_url, page_url
from .mail import send_templated_mail


def team_addresses(library):
    """The e-mail addresses of the library's active members, each once."""
    memberships = Membership.objects.filter(library=library, user__is_active=True).exclude(user__email="")
    unique = {}
    for address in memberships.values_list("user__email", flat=True):
        unique.setdefault(address.lower(), address)
    return list(unique.values())


def send_after_commit(name, context, library):
    def send():
        with translation.override(settings.LANGUAGE_CODE):
            send_templated_mail(name, context, team_addresses(library))

    transaction.on_commit(send)


def notify_suspended(library):
    """Tell the team that its library is suspended, and why."""
    context = {
        "library": library,
        "reason": library.suspension_reason,
        "my_library_url": absolute_url(reverse("bibnetz:my_library")),
    }
    send_after_commit("library_suspended", context, library)


def notify_reinstated(library):
    """Tell the team that its library is back in the network."""
    context = {
        "library": library,
        "profile_url": page_url(library) if library.live else None,
        "my_library_url": absolute_url(reverse("bibnetz:my_library")),
    }
    send_after_commit("library_reinstated", context, library)
