"""Changing a library's team: inviting by e-mail, revoking and accepting invitations, roles, removing members.

Only a library's administrators change its team; invitations are accepted by the account of their address.
A library always keeps at least one administrator. The invitation e-mail is its caller's business.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..conf import get_setting
from ..models import Invitation, Membership, MembershipRole
from .errors import InvalidState, NotAllowed


class LastAdminError(InvalidState):
    """A library must keep at least one administrator."""

    def __init__(self, membership):
        message = _("%(name)s is the last administrator of %(library)s. Make someone else an administrator first.")
        super().__init__(message % {"name": member_name(membership), "library": membership.library.title})


def member_name(membership):
    """How the team names a member: the full name, else the username."""
    return membership.user.get_full_name() or membership.user.get_username()


def users_with_email(email):
    """Accounts whose e-mail address or username is ``email`` (case-insensitive)."""
    user_model = get_user_model()
    email_field = user_model.get_email_field_name()
    return user_model._default_manager.filter(
        Q(**{f"{email_field}__iexact": email}) | Q(**{f"{user_model.USERNAME_FIELD}__iexact": email})
    )


def is_team_admin(user, library):
    """Whether ``user`` is an active administrator of ``library``, who may change its team."""
    if not (user and user.is_authenticated):
        return False
    return Membership.objects.filter(
        user=user, library=library, role=MembershipRole.ADMIN, user__is_active=True
    ).exists()


def check_team_admin(user, library):
    if not is_team_admin(user, library):
        raise NotAllowed(_("Only the administrators of this library can manage its team."))


def is_invitee(user, invitation):
    """Whether ``user``'s account has the address ``invitation`` was sent to."""
    return (getattr(user, "email", "") or "").lower() == invitation.email.lower()


def open_invitations(library):
    return Invitation.objects.filter(library=library, accepted_at__isnull=True, expires_at__gt=timezone.now())


@transaction.atomic
def invite(library, email, role, by_user):
    """Invite ``email`` to ``library``'s team as ``role``, replacing an open invitation for the same address."""
    check_team_admin(by_user, library)
    if library.suspended_at is not None:
        raise InvalidState(_("While the library is suspended from the network, it cannot invite anyone."))
    open_invitations(library).filter(email__iexact=email).delete()
    return Invitation.objects.create(
        library=library,
        email=email,
        role=role,
        invited_by=by_user,
        expires_at=timezone.now() + timedelta(days=get_setting("INVITATION_DAYS")),
    )


@transaction.atomic
def revoke_invitation(invitation, by_user):
    """Withdraw ``invitation`` while it is open; False when it was used or had expired already."""
    check_team_admin(by_user, invitation.library)
    return bool(open_invitations(invitation.library).filter(pk=invitation.pk).delete()[0])


@transaction.atomic
def accept_invitation(invitation, user):
    """Use ``invitation`` for ``user`` (a membership with its role); False if it was used or expired meanwhile."""
    if not is_invitee(user, invitation):
        raise NotAllowed(_("Invitation for another address"))
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
def remove_member(membership, by_user):
    """End a membership, unless it is the library's last administrator."""
    check_team_admin(by_user, membership.library)
    if is_last_admin(membership):
        raise LastAdminError(membership)
    membership.delete()


@transaction.atomic
def change_role(membership, role, by_user):
    """Give a member another role; the last administrator cannot become an editor."""
    check_team_admin(by_user, membership.library)
    if role not in MembershipRole.values:
        raise InvalidState(_("Please choose a role: administrator or editor."))
    if role != MembershipRole.ADMIN and is_last_admin(membership):
        raise LastAdminError(membership)
    if membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
