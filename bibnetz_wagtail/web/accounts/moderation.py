"""The moderators' decision on a join request, taken in Wagtail's workflow: Wagtail's signals carry it to the
operations, and the library hears of it by e-mail after the commit."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from ...models import JoinRequest, LibraryProfilePage
from ...operations.joining import approve_join, publish_approved_profile, reject_join
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


def send_approved_if_live(join_id):
    """The welcome, sent after the commit and only while the profile really is live."""
    join = JoinRequest.objects.select_related("user", "library").filter(pk=join_id).first()
    if join is None or join.library is None or not join.library.live:
        return None
    return notifications.send_approved(join)


def on_page_published(sender, instance, **kwargs):
    if isinstance(instance, LibraryProfilePage):
        join = approve_join(instance.pk)
        if join is not None:
            transaction.on_commit(lambda: send_approved_if_live(join.pk))


def on_workflow_approved(sender, instance, user=None, **kwargs):
    """Approval publishes the profile, also where the site's WAGTAIL_FINISH_WORKFLOW_ACTION does not."""
    library_id = library_id_of(instance)
    if library_id is not None and is_join_workflow_state(instance):
        publish_approved_profile(library_id, user)


def on_workflow_rejected(sender, instance, **kwargs):
    library_id = library_id_of(instance)
    if library_id is not None:
        task_state = instance.current_task_state
        join = reject_join(library_id, task_state.comment if task_state is not None else "")
        if join is not None:
            transaction.on_commit(lambda: notifications.send_rejected(join))


def connect_join_signals():
    """Connected from ``BibnetzConfig.ready()``; Wagtail's own mails stay silent for the join workflow."""
    silence_wagtail_mails_for_join_workflow()
    page_published.connect(on_page_published, sender=LibraryProfilePage, dispatch_uid="bibnetz_join_page_published")
    workflow_approved.connect(on_workflow_approved, sender=WorkflowState, dispatch_uid="bibnetz_join_approved")
    workflow_rejected.connect(on_workflow_rejected, sender=WorkflowState, dispatch_uid="bibnetz_join_rejected")
