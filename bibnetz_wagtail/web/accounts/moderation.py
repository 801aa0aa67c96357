"""The moderators' decision on a join request, taken in Wagtail's workflow, and what follows from it."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from ...models import JoinRequest, JoinRequestState, LibraryProfilePage
from . import notifications


def library_id_of(workflow_state):
    """The profile's id when the workflow ran on a library profile, else None."""
    if workflow_state.content_type_id != ContentType.objects.get_for_model(LibraryProfilePage).pk:
        return None
    try:
        return int(workflow_state.object_id)
    except (TypeError, ValueError):
        return None


def approve_join(library_id):
    """The profile went live: activate the account of a confirmed request and tell the library."""
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
    notifications.send_approved(join)
    return join


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
    notifications.send_rejected(join)
    return join


def on_page_published(sender, instance, **kwargs):
    if isinstance(instance, LibraryProfilePage):
        approve_join(instance.pk)


def on_workflow_approved(sender, instance, **kwargs):
    library_id = library_id_of(instance)
    if library_id is not None:
        approve_join(library_id)


def on_workflow_rejected(sender, instance, **kwargs):
    library_id = library_id_of(instance)
    if library_id is not None:
        task_state = instance.current_task_state
        reject_join(library_id, task_state.comment if task_state is not None else "")


def connect_join_signals():
    """Connected from ``BibnetzConfig.ready()``."""
    page_published.connect(on_page_published, sender=LibraryProfilePage, dispatch_uid="bibnetz_join_page_published")
    workflow_approved.connect(on_workflow_approved, sender=WorkflowState, dispatch_uid="bibnetz_join_approved")
    workflow_rejected.connect(on_workflow_rejected, sender=WorkflowState, dispatch_uid="bibnetz_join_rejected")
