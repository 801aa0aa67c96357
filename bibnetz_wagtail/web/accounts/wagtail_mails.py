"""Wagtail's own workflow e-mails stay silent for the join workflow: the package sends one of its own per event.

Wagtail tells the moderators' group, the superusers and the requester about every workflow step. For a join
request that doubled every mail (and Wagtail's went to the applicant in the moderator's admin language, with
links of its own). Its receivers are replaced, under their own ``dispatch_uid``, by wrappers that call them
for every other workflow of the site, so a host's own workflows keep their mails.
"""

from wagtail.admin import signal_handlers as wagtail_receivers
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from ...permissions import is_join_workflow_state

#: (signal, sender, dispatch_uid of Wagtail's receiver, its notifier's name in wagtail.admin.signal_handlers)
WAGTAIL_NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", "task_submission_email_notifier"),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        "workflow_submission_email_notifier",
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        "workflow_rejection_email_notifier",
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        "workflow_approval_email_notifier",
    ),
]


class OutsideJoinWorkflow:
    """Wagtail's notifier, called for every workflow except the join workflow."""

    def __init__(self, notifier):
        self.notifier = notifier

    def __call__(self, instance=None, **kwargs):
        workflow_state = instance.workflow_state if isinstance(instance, TaskState) else instance
        if is_join_workflow_state(workflow_state):
            return True
        return self.notifier(instance=instance, **kwargs)


def silence_wagtail_mails_for_join_workflow():
    """Take the place of Wagtail's receivers, whether wagtail.admin's ready() ran before this or runs after.

    Running after it, Wagtail's receivers are disconnected here; running before, the wrappers hold the
    ``dispatch_uid`` and Wagtail's own ``connect()`` with the same id then adds nothing.
    """
    for signal, sender, dispatch_uid, name in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        wrapper = OutsideJoinWorkflow(getattr(wagtail_receivers, name))
        signal.connect(wrapper, sender=sender, dispatch_uid=dispatch_uid, weak=False)
