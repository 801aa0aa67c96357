"""Joining the network: the application (inactive account and draft profile), its confirmation, expiry and decision.

An application stays open for ``JOIN_REQUEST_DAYS``. Until its address is confirmed it belongs to nobody: a new
application for the same address replaces it with everything it created, so whoever applies last — the owner
of the mailbox, in the end — confirms their own data and password. The moderators decide in Wagtail's workflow;
``approve_join`` and ``reject_join`` are what their decision does to the request. No operation here sends e-mail.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log

from ..conf import get_setting
from ..models import JoinRequest, JoinRequestState, LibraryIndexPage, LibraryProfilePage, Membership, MembershipRole
from ..models.slugs import german_slug
from ..permissions import join_workflow, library_collections
from .errors import InvalidState


def library_index():
    """The directory new profiles go under: the first LibraryIndexPage in the tree, or None."""
    return LibraryIndexPage.objects.order_by("path").first()


def existing_account(email):
    """The first account whose e-mail address or username is ``email`` (case-insensitive), or None."""
    user_model = get_user_model()
    email_field = user_model.get_email_field_name()
    lookup = Q(**{f"{email_field}__iexact": email}) | Q(**{f"{user_model.USERNAME_FIELD}__iexact": email})
    return user_model._default_manager.filter(lookup).order_by("pk").first()


def split_name(full_name):
    """("Erika", "Mustermann") from "Erika Mustermann"; a single word is taken as the last name."""
    parts = (full_name or "").split()
    if not parts:
        return "", ""
    return " ".join(parts[:-1])[:150], parts[-1][:150]


def unique_slug(parent, title):
    base = german_slug(title, max_length=200) or "bibliothek"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def submit_application(library, email, password, index):
    """Apply with the unsaved profile ``library``: ``(join request, None)`` for a new or replaced application,
    ``(None, account)`` for an address that has an account, ``(None, None)`` when the same address came twice at once.
    """
    try:
        return apply_or_find_account(library, email, password, index)
    except IntegrityError:
        # The other request created the account (and its caller sends the link).
        return None, None


@transaction.atomic
def apply_or_find_account(library, email, password, index):
    account = existing_account(email)
    if account is not None:
        earlier = unconfirmed_application(account)
        if earlier is None:
            return None, account
        discard_application(earlier)
    return create_join_request(library, email, password, index), None


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
def create_join_request(library, email, password, index):
    """An inactive account, the profile as a draft below ``index``, the join request and an admin membership."""
    first_name, last_name = split_name(library.contact_person)
    user = get_user_model()(username=email, email=email, first_name=first_name, last_name=last_name, is_active=False)
    user.set_password(password)
    user.save()
    library.contact_email = email
    library.slug = unique_slug(index, library.title)
    library.live = False
    library.owner = user
    index.add_child(instance=library)
    log(instance=library, action="wagtail.create", user=user)
    library.save_revision(user=user)
    join = JoinRequest.objects.create(user=user, library=library)
    Membership.objects.create(user=user, library=library, role=MembershipRole.ADMIN)
    return join


@transaction.atomic
def confirm(join):
    """The address is confirmed: on to the moderators (PENDING), or, with moderation off, straight into the network.

    Raises ``InvalidState`` when the request was confirmed already.
    """
    # Only the request's row is locked: PostgreSQL cannot lock the null side of the outer join to the library.
    join = JoinRequest.objects.select_for_update(of=("self",)).select_related("user", "library").get(pk=join.pk)
    if join.state != JoinRequestState.UNVERIFIED:
        raise InvalidState(_("This confirmation link has already been used."))
    join.verified_at = timezone.now()
    library, user = join.library, join.user
    if get_setting("MODERATION"):
        join.state = JoinRequestState.PENDING
        join.save(update_fields=["state", "verified_at"])
        join_workflow().start(library, user)
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


def approve_join(library_id):
    """The profile went live: approve its confirmed request and activate the account; the request, or None."""
    with transaction.atomic():
        join = (
            JoinRequest.objects.select_for_update(of=("self",))
            .select_related("user", "library")
            # A rejected request is approved too when a moderator publishes the profile after all; an
            # unconfirmed one never is, since nobody has shown that the address belongs to the applicant.
            .filter(library_id=library_id, state__in=[JoinRequestState.PENDING, JoinRequestState.REJECTED])
            .first()
        )
        if join is None:
            return None
        join.state = JoinRequestState.APPROVED
        join.decided_at = timezone.now()
        join.save(update_fields=["state", "decided_at"])
        activate(join.user)
    return join


def publish_approved_profile(library_id, user):
    """The moderators approved the profile in the join workflow: publish it if it is not live yet."""
    library = LibraryProfilePage.objects.filter(pk=library_id).first()
    if library is not None and not library.live:
        # Publishing sends page_published, whose receiver approves the join request.
        library.get_latest_revision().publish(user=user)


def reject_join(library_id, reason):
    """The moderators turned the request down: record the reason; the request, or None if none was pending."""
    with transaction.atomic():
        join = (
            JoinRequest.objects.select_for_update(of=("self",))
            .select_related("user", "library")
            .filter(library_id=library_id, state=JoinRequestState.PENDING)
            .first()
        )
        if join is None:
            return None
        join.state = JoinRequestState.REJECTED
        join.reason = reason or ""
        join.decided_at = timezone.now()
        join.save(update_fields=["state", "reason", "decided_at"])
    return join
