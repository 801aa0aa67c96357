"""Join requests: the inactive account and draft profile, the confirmation link, and what confirming does.

An application stays open for ``JOIN_REQUEST_DAYS``. Until its address is confirmed it belongs to nobody: a new
application for the same address replaces it with everything it created, so whoever applies last — the owner
of the mailbox, in the end — confirms their own data and password.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log

from ...conf import get_setting
from ...models import JoinRequest, JoinRequestState, LibraryIndexPage, Membership, MembershipRole
from ...models.slugs import german_slug
from ...permissions import join_workflow, library_collections
from ..links import absolute_url
from . import notifications
from .join_form import split_name

SALT = "bibnetz_wagtail.join"


class LinkError(Exception):
    """A confirmation link that cannot be used; ``reason`` is "invalid", "expired" or "used"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def library_index():
    """The directory new profiles go under: the first LibraryIndexPage in the tree, or None."""
    return LibraryIndexPage.objects.order_by("path").first()


def existing_account(email):
    user_model = get_user_model()
    email_field = user_model.get_email_field_name()
    lookup = Q(**{f"{email_field}__iexact": email}) | Q(**{f"{user_model.USERNAME_FIELD}__iexact": email})
    return user_model._default_manager.filter(lookup).order_by("pk").first()


def unique_slug(parent, title):
    base = german_slug(title, max_length=200) or "bibliothek"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def handle_application(form, index):
    """Act on a valid join form; the applicant sees the same answer whatever happened here."""
    discard_expired_applications()
    try:
        join, account = apply_or_find_account(form, index)
    except IntegrityError:
        # The same address was sent twice at once; the other request created the account and sent the link.
        return
    if join is not None:
        notifications.send_verification(join, verify_url(join))
        return
    # Hash once, as creating an account would, so that the answer takes as long for a known address.
    get_user_model()().set_password(form.cleaned_data["password1"])
    notifications.send_address_in_use(
        account, absolute_url(reverse("bibnetz:login")), absolute_url(reverse("bibnetz:password_reset"))
    )


@transaction.atomic
def apply_or_find_account(form, index):
    """``(join request, None)`` for a new or replaced application, ``(None, account)`` for an address in use."""
    account = existing_account(form.cleaned_data["email"])
    if account is not None:
        earlier = unconfirmed_application(account)
        if earlier is None:
            return None, account
        discard_application(earlier)
    return create_join_request(form, index), None


def unconfirmed_application(user):
    """The open application whose address nobody has confirmed yet, locked; None for a real account."""
    return (
        JoinRequest.objects.select_for_update(of=("self",))
        .select_related("user", "library")
        .filter(user=user, state=JoinRequestState.UNVERIFIED, user__is_active=False, user__last_login__isnull=True)
        .first()
    )


def discard_application(join):
    """Delete an unconfirmed application and what it created: account, draft profile, group and collection."""
    library, user = join.library, join.user
    if library is not None:
        group = library.editor_group
        collections = library_collections(group) if group is not None else []
        log(instance=library, action="wagtail.delete")
        library.delete()
        if group is not None:
            group.delete()
        for collection in collections:
            delete_if_empty(collection)
    user.delete()


def delete_if_empty(collection):
    """A collection goes with its application unless files were put into it (never by an inactive account)."""
    for model in (get_image_model(), get_document_model()):
        if model.objects.filter(collection=collection).exists():
            return
    if collection.is_leaf():
        collection.delete()


def application_deadline():
    """Applications created before this moment have expired."""
    return timezone.now() - timedelta(days=get_setting("JOIN_REQUEST_DAYS"))


def discard_expired_applications():
    """Delete every unconfirmed application older than ``JOIN_REQUEST_DAYS``; return how many there were."""
    expired = JoinRequest.objects.filter(
        state=JoinRequestState.UNVERIFIED, created_at__lt=application_deadline(), user__is_active=False
    )
    count = 0
    for join_id in expired.values_list("pk", flat=True):
        with transaction.atomic():
            join = JoinRequest.objects.select_for_update(of=("self",)).select_related("user", "library")
            join = join.filter(pk=join_id, state=JoinRequestState.UNVERIFIED).first()
            if join is not None:
                discard_application(join)
                count += 1
    return count


@transaction.atomic
def create_join_request(form, index):
    """An inactive account, the profile as a draft below ``index``, the join request and an admin membership."""
    data = form.cleaned_data
    first_name, last_name = split_name(data["contact_person"])
    user = get_user_model()(
        username=data["email"], email=data["email"], first_name=first_name, last_name=last_name, is_active=False
    )
    user.set_password(data["password1"])
    user.save()
    library = form.save(commit=False)
    library.contact_email = data["email"]
    library.slug = unique_slug(index, library.title)
    library.live = False
    library.owner = user
    index.add_child(instance=library)
    log(instance=library, action="wagtail.create", user=user)
    library.save_revision(user=user)
    join = JoinRequest.objects.create(user=user, library=library)
    Membership.objects.create(user=user, library=library, role=MembershipRole.ADMIN)
    return join


def make_token(join):
    # The creation time tells a replaced application from its successor, which may get the same ids again.
    payload = {"join": join.pk, "user": join.user_id, "created": join.created_at.isoformat()}
    return signing.dumps(payload, salt=SALT, compress=True)


def verify_url(join):
    return absolute_url(reverse("bibnetz:join_verify", args=[make_token(join)]))


def read_token(token):
    """The unverified join request of a confirmation link, or ``LinkError``."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=get_setting("JOIN_LINK_MAX_AGE"))
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    if not isinstance(payload, dict):
        raise LinkError("invalid")
    join = (
        JoinRequest.objects.select_related("user", "library")
        .filter(pk=payload.get("join"), user_id=payload.get("user"))
        .first()
    )
    if join is None or join.library is None or join.created_at.isoformat() != payload.get("created"):
        # Signed by the site, so it was a real application: replaced by a newer one or expired and removed.
        raise LinkError("gone")
    if join.state != JoinRequestState.UNVERIFIED:
        raise LinkError("used")
    if join.created_at < application_deadline():
        raise LinkError("expired")
    return join


@transaction.atomic
def confirm(join):
    """The address is confirmed: on to the moderators, or, with moderation off, straight into the network."""
    # Only the request's row is locked: PostgreSQL cannot lock the null side of the outer join to the library.
    join = JoinRequest.objects.select_for_update(of=("self",)).select_related("user", "library").get(pk=join.pk)
    if join.state != JoinRequestState.UNVERIFIED:
        raise LinkError("used")
    join.verified_at = timezone.now()
    library, user = join.library, join.user
    if get_setting("MODERATION"):
        join.state = JoinRequestState.PENDING
        join.save(update_fields=["state", "verified_at"])
        join_workflow().start(library, user)
        notifications.send_to_moderators(join)
    else:
        join.state = JoinRequestState.APPROVED
        join.decided_at = join.verified_at
        join.save(update_fields=["state", "verified_at", "decided_at"])
        activate(user)
        library.get_latest_revision().publish(user=user)
    return join


def activate(user):
    user.is_active = True
    user.save(update_fields=["is_active"])
