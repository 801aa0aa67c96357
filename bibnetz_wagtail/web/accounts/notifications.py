"""The e-mails of joining the network, always in the site's language (not the moderator's admin language)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.admin.utils import get_admin_base_url

from ...conf import get_setting
from ...permissions import moderators_group
from ..mail import send_templated_mail


def send(name, context, recipients):
    with translation.override(settings.LANGUAGE_CODE):
        return send_templated_mail(name, context, recipients)


def site_url(path, page=None):
    """``path`` on the library's site, or on the admin's base URL when the page has none."""
    site = page.get_site() if page is not None else None
    root = site.root_url if site is not None else (get_admin_base_url() or "")
    return root.rstrip("/") + path


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


def send_to_moderators(join):
    """A confirmed request waits for the moderators' approval in the admin."""
    recipients = list(
        moderators_group().user_set.filter(is_active=True).exclude(email="").values_list("email", flat=True)
    )
    admin_path = reverse("wagtailadmin_pages:edit", args=[join.library.pk])
    context = {
        "library": join.library,
        "user": join.user,
        "admin_url": (get_admin_base_url() or "").rstrip("/") + admin_path,
    }
    return send("join_moderation", context, recipients)


def send_approved(join):
    library = join.library
    context = {
        "library": library,
        "user": join.user,
        "login_url": site_url(reverse("bibnetz:login"), library),
        "profile_url": library.get_full_url() if library is not None else "",
    }
    return send("join_approved", context, [join.user.email])


def send_rejected(join):
    context = {"library": join.library, "user": join.user, "reason": join.reason}
    return send("join_rejected", context, [join.user.email])
