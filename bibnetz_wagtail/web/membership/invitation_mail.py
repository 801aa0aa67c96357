"""The invitation e-mail: sent once the invitation exists, and the invitation withdrawn when it cannot be sent."""

import logging

from django.urls import reverse

from ...conf import get_setting
from ...operations.team import revoke_invitation
from ..links import absolute_url
from ..mail import send_templated_mail

logger = logging.getLogger(__name__)


class InvitationNotSent(Exception):
    """The invitation e-mail could not be handed to the mail server; the invitation was withdrawn."""


def send_invitation(invitation):
    """Mail ``invitation`` to its address; withdraw it and raise ``InvitationNotSent`` when that fails."""
    inviter = invitation.invited_by
    context = {
        "invitation": invitation,
        "library": invitation.library,
        "inviter": inviter.get_full_name() or inviter.get_username(),
        "role": invitation.get_role_display(),
        "accept_url": absolute_url(reverse("bibnetz:invitation", args=[invitation.token])),
        "days": get_setting("INVITATION_DAYS"),
    }
    try:
        send_templated_mail("invitation", context, [invitation.email])
    except OSError as error:  # smtplib.SMTPException is an OSError too
        logger.warning("An invitation to library %s could not be sent: %s", invitation.library_id, error)
        revoke_invitation(invitation, inviter)
        raise InvitationNotSent from error
