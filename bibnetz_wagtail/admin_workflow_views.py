"""Wagtail's workflow views for the network's pages, without naming pages the user may not know of.

When a page is not awaiting moderation, Wagtail's workflow preview and action views say so in a message that
names the page, before they check the user's permissions. Asked with the id of another library's profile
that is still waiting for approval, they would tell any member its name. These views refuse such a request
first (403); everyone else gets Wagtail's behaviour.
"""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from wagtail.admin.views.pages.workflow import (
    CollectWorkflowActionDataView,
    PreviewRevisionForTaskView,
    WorkflowActionView,
)
from wagtail.admin.viewsets.pages import PageViewSet

from .models import LibraryProfilePage, MeasurePage, TaskSharePage
from .unapproved import hidden_from


class RefuseHiddenPagesMixin:
    def refuse_hidden_page(self):
        if hidden_from(self.request.user, self.object):
            raise PermissionDenied


class GuardedPreviewRevisionForTaskView(RefuseHiddenPagesMixin, PreviewRevisionForTaskView):
    def add_error_message(self):
        self.refuse_hidden_page()
        super().add_error_message()


class GuardedWorkflowActionView(RefuseHiddenPagesMixin, WorkflowActionView):
    def add_not_in_moderation_error(self):
        self.refuse_hidden_page()
        super().add_not_in_moderation_error()


class GuardedCollectWorkflowActionDataView(RefuseHiddenPagesMixin, CollectWorkflowActionDataView):
    def add_not_in_moderation_error(self):
        self.refuse_hidden_page()
        super().add_not_in_moderation_error()


class NetworkPageViewSet(PageViewSet):
    """Wagtail's page views for one of the network's page types, with the guarded workflow views."""

    workflow_preview_view_class = GuardedPreviewRevisionForTaskView
    workflow_action_view_class = GuardedWorkflowActionView
    collect_workflow_action_data_view_class = GuardedCollectWorkflowActionDataView

    @cached_property
    def parent_models(self):
        # The explorer keeps Wagtail's own listings: only the workflow views change.
        return []


def network_page_viewsets():
    return [
        NetworkPageViewSet(name=f"bibnetz_{model._meta.model_name}_pages", model=model)
        for model in (LibraryProfilePage, MeasurePage, TaskSharePage)
    ]
