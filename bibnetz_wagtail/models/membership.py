"""Who belongs to which library: memberships with roles, invitations, and join requests."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

#: The network moderators' group (set up in ``permissions.py``); named here so that the domain can ask about it.
MODERATORS_GROUP = "Netzwerk-Moderation"


class MembershipRole(models.TextChoices):
    # With a context: Wagtail uses the msgid "Administrator" for its superuser flag, in other words.
    ADMIN = "admin", pgettext_lazy("membership role", "Administrator")
    EDITOR = "editor", pgettext_lazy("membership role", "Editor")


class Membership(models.Model):
    """A user's membership of a library.

    Both roles edit the library's pages (through the library's own group, see ``permissions.py``);
    administrators also invite and remove colleagues. A user may belong to several libraries.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="bibnetz_memberships"
    )
    library = models.ForeignKey(
        "bibnetz_wagtail.LibraryProfilePage",
        verbose_name=_("library"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.EDITOR)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "library"], name="bibnetz_one_membership_per_library")]

    def __str__(self):
        return f"{self.user} – {self.library} ({self.get_role_display()})"

    @property
    def is_admin(self):
        return self.role == MembershipRole.ADMIN


def is_network_member(user):
    """Whether ``user`` is a logged-in network member: in a team of an unsuspended library, a moderator or staff."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or user.is_staff:
        return True
    in_team = user.bibnetz_memberships.filter(library__suspended_at__isnull=True).exists()
    return in_team or user.groups.filter(name=MODERATORS_GROUP).exists()


def is_moderator(user):
    """Whether ``user`` moderates the network: an active superuser or a member of the moderators' group."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=MODERATORS_GROUP).exists()


def new_token():
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An invitation by e-mail to join a library's team; it expires and can be used once."""

    library = models.ForeignKey(
        "bibnetz_wagtail.LibraryProfilePage",
        verbose_name=_("library"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.EDITOR)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.library}"

    @property
    def is_open(self):
        return self.accepted_at is None and self.expires_at > timezone.now()


class JoinRequestState(models.TextChoices):
    UNVERIFIED = "unverified", _("E-mail not yet confirmed")
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class JoinRequest(models.Model):
    """A library's request to join the network ("Zugang beantragen"): an inactive account and a draft profile.

    The account becomes active, and the profile public, only after the e-mail address was confirmed and —
    with moderation on — a moderator approved the profile in Wagtail's workflow.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bibnetz_join_request")
    library = models.ForeignKey(
        "bibnetz_wagtail.LibraryProfilePage", null=True, on_delete=models.SET_NULL, related_name="join_requests"
    )
    state = models.CharField(
        _("state"), max_length=12, choices=JoinRequestState.choices, default=JoinRequestState.UNVERIFIED
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    verified_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")

    def __str__(self):
        return f"{self.user} ({self.get_state_display()})"
