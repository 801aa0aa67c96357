"""The moderators' decision on a join request, taken in Wagtail's workflow, and what follows from it."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from ...models import JoinRequest, JoinRequestState, LibraryProfilePage
from ...permissions import is_join_workflow_state
from . import notifications
from .wagtail_mails import silence_wagtail_mails_for_join_workflow


def library_id_of(workflow_state):
    """The profile's id when the workflow ran on a library profile, else None."""
    if workflow_state.content_type_id != ContentType.objects.get_for_model(LibraryProfilePage).pk:
        return None
    try:
        return int(workflow_state.object_id)
    except (TypeError, ValueError):
        return None


def approve_join(library_id):
    """The profile went live: activate the account of a confirmed request, and tell the library once it is."""
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
        join.user.is_active = True
        join.user.save(update_fields=["is_active"])
    transaction.on_commit(lambda: send_approved_if_live(join.pk))
    return join


def send_approved_if_live(join_id):
    """The welcome, sent after the commit and only while the profile really is live."""
    join = JoinRequest.objects.select_related("user", "library").filter(pk=join_id).first()
    if join is None or join.library is None or not join.library.live:
        return None
    return notifications.send_approved(join)


def reject_join(library_id, reason):
    """The moderators turned the request down: record the reason and tell the library."""
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
    transaction.on_commit(lambda: notifications.send_rejected(join))
    return join


def on_page_published(sender, instance, **kwargs):
    if isinstance(instance, LibraryProfilePage):
        approve_join(instance.pk)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    """Approval publishes the profile, also where the site's WAGTAIL_FINISH_WORKFLOW_ACTION does not."""
    library_id = library_id_of(instance)
    if library_id is None or not is_join_workflow_state(instance):
        return
    library = LibraryProfilePage.objects.filter(pk=library_id).first()
    if library is not None and not library.live:
        # Publishing sends page_published, which approves the join request.
        library.get_latest_revision().publish(user=user)


def on_workflow_rejected(sender, instance, **kwargs):
    library_id = library_id_of(instance)
    if library_id is not None:
        task_state = instance.current_task_state
        reject_join(library_id, task_state.comment if task_state is not None else "")


def connect_join_signals():
    """Connected from ``BibnetzConfig.ready()``; Wagtail's own mails stay silent for the join workflow."""
    silence_wagtail_mails_for_join_workflow()
    page_published.connect(on_page_published, sender=LibraryProfilePage, dispatch_uid="bibnetz_join_page_published")
    workflow_approved.connect(on_workflow_approved, sender=WorkflowState, dispatch_uid="bibnetz_join_approved")
    workflow_rejected.connect(on_workflow_rejected, sender=WorkflowState, dispatch_uid="bibnetz_join_rejected")
