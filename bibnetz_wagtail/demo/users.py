"""Demo accounts: an administrator for each of the first libraries, and a network moderator."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from ..models import LibraryProfilePage, Membership, MembershipRole
from ..permissions import moderators_group

DEFAULT_PASSWORD = "bibnetz-demo"
MODERATOR_EMAIL = "moderation@example.org"


def library_email(number):
    """E-mail address (and username) of the demo administrator of the ``number``-th library, from 1."""
    return f"bibliothek{number}@example.org"


@dataclass
class UserStats:
    created: int = 0
    #: Libraries that got an administrator account (fewer than asked for when there are fewer libraries).
    libraries: int = 0


@transaction.atomic
def ensure_demo_users(count, password=DEFAULT_PASSWORD):
    """Give the first ``count`` libraries (in creation order) an administrator each, plus the moderator; idempotent."""
    stats = UserStats()
    # One hash for all demo accounts: hashing is slow on purpose, and these passwords are public anyway.
    password = make_password(password)
    libraries = list(LibraryProfilePage.objects.order_by("pk")[:count]) if count else []
    for number, library in enumerate(libraries, start=1):
        user = _account(library_email(number), password, stats, first_name="Team", last_name=library.title[:150])
        membership, _created = Membership.objects.get_or_create(
            user=user, library=library, defaults={"role": MembershipRole.ADMIN}
        )
        if not membership.is_admin:
            membership.role = MembershipRole.ADMIN
            membership.save(update_fields=["role"])
    stats.libraries = len(libraries)
    moderator = _account(MODERATOR_EMAIL, password, stats, first_name="Netzwerk", last_name="Moderation")
    moderator.groups.add(moderators_group())
    return stats


def _account(email, password_hash, stats, first_name, last_name):
    """An active account whose username is the e-mail address (the network's convention)."""
    user_model = get_user_model()
    user = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: email}).first()
    if user is None:
        user = user_model(**{user_model.USERNAME_FIELD: email})
        stats.created += 1
    setattr(user, user_model.get_email_field_name(), email)
    user.first_name, user.last_name = first_name, last_name
    user.is_active = True
    user.password = password_hash
    user.save()
    return user
