"""E-mails about participations: the call's library hears of requests and withdrawals, the asker of decisions."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

from ...models import ParticipationState, TaskShareIndexPage
from ..links import page_url
from ..mail import send_templated_mail

logger = logging.getLogger(__name__)

#: State reached → (template name, whether the call's library is told rather than the requesting one).
MAILS = {
    ParticipationState.REQUESTED: ("participation_requested", True),
    ParticipationState.ACCEPTED: ("participation_accepted", False),
    ParticipationState.DECLINED: ("participation_declined", False),
    ParticipationState.WITHDRAWN: ("participation_withdrawn", True),
}


def library_addresses(library):
    """The addresses of a library: its active members and the profile's contact e-mail, each once."""
    members = get_user_model().objects.filter(bibnetz_memberships__library=library, is_active=True)
    addresses = [*members.order_by("pk").values_list("email", flat=True), library.contact_email]
    unique = {}
    for address in addresses:
        if address and address.strip():
            unique.setdefault(address.strip().lower(), address.strip())
    return list(unique.values())


def calls_url():
    """Full URL of the listing of calls, or None when the site has none."""
    listing = TaskShareIndexPage.objects.live().first()
    return page_url(listing) if listing else None


def notify_change(participation, note=""):
    """Tell the library on the other side that ``participation`` reached its current state."""
    name, to_host = MAILS[participation.state]
    task = participation.task
    recipient = task.library if to_host else participation.library
    if recipient is None:
        return 0
    context = {
        "participation": participation,
        "task": task,
        "task_url": page_url(task),
        "host": task.library,
        "guest": participation.library,
        "note": note,
        "calls_url": calls_url() if name == "participation_declined" else None,
    }
    try:
        # Mails go out in the site's language, whatever language the acting user's admin is set to.
        with translation.override(settings.LANGUAGE_CODE):
            return send_templated_mail(name, context, library_addresses(recipient))
    except Exception:
        # The change is saved already; a broken mail server must not turn it into an error page.
        logger.exception("Could not send the %s mail for participation %s", name, participation.pk)
        return 0
