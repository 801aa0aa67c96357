"""The e-mails of joining the network, always in the site's language (not the moderator's admin language)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from ...conf import get_setting
from ...permissions import moderators_group
from ..links import absolute_url, page_url
from ..mail import send_templated_mail


def send(name, context, recipients):
    with translation.override(settings.LANGUAGE_CODE):
        return send_templated_mail(name, context, recipients)


def link_validity_hours():
    return max(1, round(get_setting("JOIN_LINK_MAX_AGE") / 3600))


def send_verification(join, verify_url):
    """The link that confirms the applicant's e-mail address."""
    context = {"library": join.library, "user": join.user, "verify_url": verify_url, "hours": link_validity_hours()}
    return send("join_verify", context, [join.user.email])


def send_address_in_use(user, login_url, reset_url):
    """Someone applied with an address that already has an account: tell its owner, tell the form nothing."""
    context = {"user": user, "login_url": login_url, "reset_url": reset_url}
    return send("join_address_in_use", context, [user.email])


def moderation_recipients():
    """The active moderators, and the superusers where Wagtail would tell them too; each address once."""
    users = moderators_group().user_set.all()
    if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
        users = users | get_user_model().objects.filter(is_superuser=True)
    addresses = users.filter(is_active=True).exclude(email="").values_list("email", flat=True)
    unique = {}
    for address in addresses:
        unique.setdefault(address.lower(), address)
    return list(unique.values())


def send_to_moderators(join):
    """A confirmed request waits for the moderators' approval in the admin."""
    context = {
        "library": join.library,
        "user": join.user,
        "admin_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[join.library.pk])),
    }
    return send("join_moderation", context, moderation_recipients())


def send_approved(join):
    library = join.library
    context = {
        "library": library,
        "user": join.user,
        "login_url": absolute_url(reverse("bibnetz:login")),
        "profile_url": page_url(library) if library is not None else "",
    }
    return send("join_approved", context, [join.user.email])


def send_rejected(join):
    context = {"library": join.library, "user": join.user, "reason": join.reason}
    return send("join_rejected", context, [join.user.email])
