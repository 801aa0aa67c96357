"""A moderator's approval publishes the profile on every admin path, and the library hears only what happened."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from bibnetz_wagtail.models import JoinRequest, LibraryProfilePage

from ..editor_form import editor_form_data
from .test_join import apply_and_confirm, outbox_to, task_state_of

pytestmark = pytest.mark.django_db
WELCOME = "Willkommen im Netzwerk: Ihr Zugang ist freigeschaltet"
APPLICANT = "leitung@kleinhausen.example"
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def pending(client, index, moderator):
    """A confirmed join request waiting for the moderators, and the moderator's logged-in admin client."""
    apply_and_confirm(client)
    admin = Client()
    admin.force_login(moderator)
    mail.outbox.clear()
    return LibraryProfilePage.objects.get(), admin


def welcome_mails():
    return [message for message in outbox_to(APPLICANT) if message.subject == WELCOME]


def workflow_action_data(form, action="approve"):
    """What the editor posts when "Freigeben" is clicked: its form plus the fields Wagtail's script adds."""
    data = form.copy()
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = action
    return data


def assert_live(client, library):
    library.refresh_from_db()
    assert library.live and library.live_revision_id is not None
    assert client.get(library.url).status_code == 200


class TestApprovalPublishes:
    def test_approve_in_the_editor(self, client, pending, django_capture_on_commit_callbacks):
        library, admin = pending
        form = editor_form_data(admin, library.pk)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin.post(f"/admin/pages/{library.pk}/edit/", workflow_action_data(form))
        assert response.status_code == 302
        assert_live(client, library)
        assert len(welcome_mails()) == 1

    def test_approve_from_the_dashboard(self, client, pending, django_capture_on_commit_callbacks):
        library, admin = pending
        url = reverse("wagtailadmin_pages:workflow_action", args=[library.pk, "approve", task_state_of(library).pk])
        with django_capture_on_commit_callbacks(execute=True):
            assert admin.post(url, {"comment": ""}).status_code == 302
        assert_live(client, library)
        assert len(welcome_mails()) == 1

    def test_editor_that_loaded_the_draft_leaves_the_approved_profile_live(
        self, client, pending, django_capture_on_commit_callbacks
    ):
        """The autosave of an editor opened before the approval arrives after it (as in the field)."""
        library, admin = pending
        stale = Page.objects.get(pk=library.pk).get_latest_revision_as_object()
        with django_capture_on_commit_callbacks(execute=True):
            task_state_of(library).approve(user=None)
        # What Wagtail's edit view does with a page it loaded as a draft: save the row, then a revision.
        stale.municipality = "Kleinhausen (Oberpfalz)"
        stale.save()
        stale.save_revision(user=None)
        assert_live(client, library)
        assert library.municipality == "Kleinhausen"
        assert library.get_latest_revision_as_object().municipality == "Kleinhausen (Oberpfalz)"
        assert len(welcome_mails()) == 1

    def test_unpublishing_an_approved_profile_still_works(self, pending, django_capture_on_commit_callbacks):
        library, admin = pending
        with django_capture_on_commit_callbacks(execute=True):
            task_state_of(library).approve(user=None)
        library = LibraryProfilePage.objects.get(pk=library.pk)
        library.unpublish()
        library.refresh_from_db()
        assert not library.live

    def test_autosave_never_takes_the_workflow_action(self, pending, django_capture_on_commit_callbacks):
        """Wagtail's autosave posts the whole form, with the fields its workflow script has just added."""
        library, admin = pending
        form = editor_form_data(admin, library.pk)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin.post(f"/admin/pages/{library.pk}/edit/", workflow_action_data(form), **JSON)
        assert response.status_code == 400
        assert response.json()["success"] is False
        assert WorkflowState.objects.get(object_id=str(library.pk)).status == WorkflowState.STATUS_IN_PROGRESS
        assert not welcome_mails()
        # The moderator's own request, which follows, approves.
        with django_capture_on_commit_callbacks(execute=True):
            assert admin.post(f"/admin/pages/{library.pk}/edit/", workflow_action_data(form)).status_code == 302
        library.refresh_from_db()
        assert library.live and len(welcome_mails()) == 1

    def test_plain_autosave_still_saves_a_draft(self, pending):
        library, admin = pending
        form = editor_form_data(admin, library.pk)
        form["municipality"] = "Kleinhausen (Oberpfalz)"
        response = admin.post(f"/admin/pages/{library.pk}/edit/", form, **JSON)
        assert response.status_code == 200 and response.json()["success"] is True
        assert LibraryProfilePage.objects.get(pk=library.pk).municipality == "Kleinhausen (Oberpfalz)"

    def test_approval_publishes_when_the_site_finishes_workflows_otherwise(
        self, client, pending, monkeypatch, django_capture_on_commit_callbacks
    ):
        """A host may set WAGTAIL_FINISH_WORKFLOW_ACTION to something that does not publish."""
        library, admin = pending
        monkeypatch.setattr(WorkflowState, "on_finish", lambda workflow_state, user=None: None)
        with django_capture_on_commit_callbacks(execute=True):
            task_state_of(library).approve(user=None)
        assert_live(client, library)
        assert JoinRequest.objects.get().state == "approved"
        assert len(welcome_mails()) == 1

    def test_welcome_waits_for_the_commit(self, pending, django_capture_on_commit_callbacks):
        library, admin = pending
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            task_state_of(library).approve(user=None)
        assert not welcome_mails()
        for callback in callbacks:
            callback()
        assert len(welcome_mails()) == 1
