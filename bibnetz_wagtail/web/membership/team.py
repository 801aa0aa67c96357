"""Changing a library's team: inviting by e-mail, revoking invitations, accepting them, removing members."""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ...conf import get_setting
from ...models import Invitation, Membership, MembershipRole
from ..links import absolute_url
from ..mail import send_templated_mail

logger = logging.getLogger(__name__)


class LastAdminError(Exception):
    """A library must keep at least one administrator."""


class InvitationNotSent(Exception):
    """The invitation e-mail could not be handed to the mail server; the invitation was withdrawn."""


def users_with_email(email):
    """Accounts whose e-mail address or username is ``email`` (case-insensitive)."""
    user_model = get_user_model()
    email_field = user_model.get_email_field_name()
    return user_model._default_manager.filter(
        Q(**{f"{email_field}__iexact": email}) | Q(**{f"{user_model.USERNAME_FIELD}__iexact": email})
    )


def open_invitations(library):
    return Invitation.objects.filter(library=library, accepted_at__isnull=True, expires_at__gt=timezone.now())


def invite(request, library, email, role):
    """Create an invitation (replacing an open one for the same address) and send it by e-mail."""
    with transaction.atomic():
        open_invitations(library).filter(email__iexact=email).delete()
        invitation = Invitation.objects.create(
            library=library,
            email=email,
            role=role,
            invited_by=request.user,
            expires_at=timezone.now() + timedelta(days=get_setting("INVITATION_DAYS")),
        )
    context = {
        "invitation": invitation,
        "library": library,
        "inviter": request.user.get_full_name() or request.user.get_username(),
        "role": invitation.get_role_display(),
        "accept_url": absolute_url(reverse("bibnetz:invitation", args=[invitation.token])),
        "days": get_setting("INVITATION_DAYS"),
    }
    try:
        send_templated_mail("invitation", context, [email])
    except OSError as error:  # smtplib.SMTPException is an OSError too
        logger.warning("An invitation to library %s could not be sent: %s", library.pk, error)
        invitation.delete()
        raise InvitationNotSent from error
    return invitation


@transaction.atomic
def accept(invitation, user):
    """Use ``invitation`` for ``user`` (a membership with its role); False if it was used or expired meanwhile."""
    now = timezone.now()
    claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True, expires_at__gt=now).update(
        accepted_at=now
    )
    if not claimed:
        return False
    membership, created = Membership.objects.get_or_create(
        user=user, library=invitation.library, defaults={"role": invitation.role}
    )
    # An existing editor invited as administrator is promoted; nobody is demoted by an invitation.
    if not created and invitation.role == MembershipRole.ADMIN and not membership.is_admin:
        membership.role = MembershipRole.ADMIN
        membership.save(update_fields=["role"])
    return True


def is_last_admin(membership):
    """Whether ``membership`` is its library's only administrator (rows locked until the transaction ends)."""
    admins = Membership.objects.select_for_update().filter(library_id=membership.library_id, role=MembershipRole.ADMIN)
    return membership.is_admin and list(admins.values_list("pk", flat=True)) == [membership.pk]


@transaction.atomic
def remove_member(membership):
    """End a membership, unless it is the library's last administrator."""
    if is_last_admin(membership):
        raise LastAdminError
    membership.delete()


@transaction.atomic
def change_role(membership, role):
    """Give a member another role; the last administrator cannot become an editor."""
    if role != MembershipRole.ADMIN and is_last_admin(membership):
        raise LastAdminError
    if membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
