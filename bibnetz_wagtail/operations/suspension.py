"""A library leaves the network or is suspended from it by the moderators, and is reinstated.

Suspending takes the library out of the network in one step: its profile and everything below it go offline
(Wagtail's own unpublishing, so the index outbox and the page history hear of it), its team loses the right to
publish, and its members lose their rights as network members. Reinstating is the only way back: it republishes
exactly the versions that were live when the library was suspended — drafts written meanwhile stay drafts until
someone reviews them — and gives the team its publishing right again.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page, Revision

from ..models import LibraryProfilePage
from ..models.membership import is_moderator
from ..permissions import ensure_library_group, withdraw_publishing
from .errors import NotAllowed, OperationError

SUSPEND = "bibnetz.suspend"
REINSTATE = "bibnetz.reinstate"
#: Longest reason accepted; it is shown in the page history and to the library's team.
MAX_REASON_LENGTH = 2000


class SuspensionError(OperationError):
    """A refused suspension or reinstatement (409), with a German sentence for the moderator."""


class SuspensionNotAllowed(SuspensionError, NotAllowed):
    """Somebody who is no moderator tried to suspend or reinstate a library (403)."""


def check_moderator(user):
    if not is_moderator(user):
        raise SuspensionNotAllowed(_("Only the network's moderators can suspend or reinstate a library."))


def locked_library(library):
    """The profile's current row, locked, so that two moderators cannot suspend or reinstate it at once."""
    return LibraryProfilePage.objects.select_for_update().get(pk=library.pk)


def live_revisions(library, user):
    """Page id -> live revision id of the profile and every live page below it.

    A page made live without a revision (by a script or an import) gets one of its live content first, so
    that reinstating has the very version to publish again.
    """
    pages = Page.objects.descendant_of(library, inclusive=True).live().order_by("path")
    revisions = {}
    for page_id, revision_id in pages.values_list("pk", "live_revision_id"):
        if revision_id is None:
            page = Page.objects.get(pk=page_id).specific
            revision_id = page.save_revision(user=user, log_action=False, clean=False).pk
        revisions[str(page_id)] = revision_id
    return revisions


def suspend_library(library, by_user, reason):
    """Take ``library`` out of the network on behalf of the moderator ``by_user``, for ``reason``."""
    check_moderator(by_user)
    reason = (reason or "").strip()
    if not reason:
        raise SuspensionError(_("Please give a reason for the suspension."))
    if len(reason) > MAX_REASON_LENGTH:
        raise SuspensionError(_("The reason may be at most %(limit)s characters long.") % {"limit": MAX_REASON_LENGTH})
    with transaction.atomic():
        current = locked_library(library)
        if current.is_suspended:
            raise SuspensionError(_("This library is already suspended from the network."))
        if current.first_published_at is None:
            raise SuspensionError(_("This library has not joined the network yet: decide on its join request instead."))
        revisions = live_revisions(current, by_user)
        LibraryProfilePage.objects.filter(pk=current.pk).update(
            suspended_at=timezone.now(), suspension_reason=reason, suspended_live_revisions=revisions
        )
        unpublish_subtree(current, by_user)
        call_off_scheduled_publishing(current)
        withdraw_publishing(current)
        log(instance=current, action=SUSPEND, user=by_user, data={"reason": reason})
    return LibraryProfilePage.objects.get(pk=current.pk)


def unpublish_subtree(library, user):
    """Unpublish the live pages below the profile, then the profile (Wagtail logs and signals each one)."""
    pages = Page.objects.descendant_of(library, inclusive=True).live().order_by("-depth", "path").specific()
    for page in pages:
        UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)


def call_off_scheduled_publishing(library):
    """Approved publishing dates in the subtree would bring pages back online on their own."""
    page_ids = [str(pk) for pk in Page.objects.descendant_of(library, inclusive=True).values_list("pk", flat=True)]
    Revision.page_revisions.filter(object_id__in=page_ids, approved_go_live_at__isnull=False).update(
        approved_go_live_at=None
    )


def reinstate_library(library, by_user):
    """Take a suspended ``library`` back into the network on behalf of the moderator ``by_user``."""
    check_moderator(by_user)
    with transaction.atomic():
        current = locked_library(library)
        if not current.is_suspended:
            raise SuspensionError(_("This library is not suspended."))
        revisions = current.suspended_live_revisions or {}
        LibraryProfilePage.objects.filter(pk=current.pk).update(
            suspended_at=None, suspension_reason="", suspended_live_revisions={}
        )
        current.refresh_from_db()
        ensure_library_group(current)
        republish(current, revisions, by_user)
        log(instance=current, action=REINSTATE, user=by_user)
    return LibraryProfilePage.objects.get(pk=current.pk)


def republish(library, revisions, user):
    """Publish again the recorded revisions of pages that are still in the library's subtree, parents first."""
    subtree = Page.objects.descendant_of(library, inclusive=True).filter(pk__in=[int(pk) for pk in revisions])
    wanted = {int(pk): revision_id for pk, revision_id in revisions.items()}
    for page_id in subtree.order_by("depth", "path").values_list("pk", flat=True):
        revision = Revision.page_revisions.filter(pk=wanted[page_id], object_id=str(page_id)).first()
        if revision is not None:
            revision.publish(user=user, skip_permission_checks=True)


def suspended_library_of(page):
    """The suspended library that ``page`` (a profile, or a measure or call below one) belongs to, or None."""
    library_id = page.pk if isinstance(page, LibraryProfilePage) else getattr(page, "library_id", None)
    if library_id is None:
        return None
    return LibraryProfilePage.objects.filter(pk=library_id, suspended_at__isnull=False).first()


def touches_suspended_library(pages, include_descendants=False):
    """The first suspended library that publishing ``pages`` (and, if asked, their descendants) would reach, or None."""
    suspended = list(LibraryProfilePage.objects.filter(suspended_at__isnull=False).only("pk", "title", "path"))
    for page in pages:
        for library in suspended:
            if page.path.startswith(library.path) or (include_descendants and library.path.startswith(page.path)):
                return library
    return None


def take_offline_if_suspended(page):
    """Unpublish ``page`` again when it belongs to a suspended library (it was published past the guards)."""
    if suspended_library_of(page) is not None:
        UnpublishPageAction(page).execute(skip_permission_checks=True)
