"""A library suspended from the network: out of every listing and URL, without rights, and reversibly so."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    PageLogEntry,
    Revision,
    Workflow,
    WorkflowTask,
)

from bibnetz_wagtail.models import Invitation, LibraryProfilePage, MeasurePage, Participation, TaskSharePage
from bibnetz_wagtail.models.membership import is_network_member
from bibnetz_wagtail.operations.suspension import SuspensionError, reinstate_library, suspend_library
from bibnetz_wagtail.permissions import ensure_library_group, moderators_group

from ..editor_form import editor_form_data
from ..factories import MeasurePageFactory, ParticipationFactory, TaskSharePageFactory
from ..helpers import ids, run
from ..membership_net import client_for, member
from .test_library_access import measure_form

pytestmark = pytest.mark.django_db

REASON = "Die Bibliothek hat den Verbund verlassen."


@pytest.fixture
def moderator():
    user = member("moderation@netz.example")
    user.groups.add(moderators_group())
    return user


@pytest.fixture
def suspended(net, moderator):
    """Library A suspended by the moderator; A also has a draft that was never live."""
    net["draft_a"] = MeasurePageFactory(parent=net["a"], title="Entwurf von A", live=False)
    suspend_library(net["a"], moderator, REASON)
    net["moderator"] = moderator
    return net


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def publish_form(client, page):
    """What the editor posts to publish ``page`` unchanged (a measure's stream field is posted by its script)."""
    if isinstance(page, LibraryProfilePage):
        data = editor_form_data(client, page.pk)
        data["action-publish"] = "action-publish"
        return data
    return measure_form(slug=page.slug, title=page.title)


def suspend_url(library, action="sperren"):
    return f"/admin/bibnetz/bibliotheken/{library.pk}/{action}/"


# --- The operation ------------------------------------------------------------------------------------------------


def test_suspending_unpublishes_the_profile_and_everything_below_it(suspended):
    for key in ("a", "measure_a", "call_a"):
        assert not fresh(suspended[key]).live, key
    library = fresh(suspended["a"])
    assert library.suspended_at is not None and library.suspension_reason == REASON
    assert fresh(suspended["b"]).live and fresh(suspended["measure_b"]).live


def test_suspension_and_reinstatement_are_in_the_page_history(suspended):
    entry = PageLogEntry.objects.get(page=suspended["a"], action="bibnetz.suspend")
    assert entry.user == suspended["moderator"] and entry.data["reason"] == REASON
    reinstate_library(suspended["a"], suspended["moderator"])
    assert PageLogEntry.objects.filter(page=suspended["a"], action="bibnetz.reinstate").exists()
    history = client_for(suspended["moderator"]).get(f"/admin/pages/{suspended['a'].pk}/history/")
    text = history.content.decode()
    assert history.status_code == 200
    assert "Bibliothek aus dem Netzwerk gesperrt" in text and "Bibliothek wieder in das Netzwerk aufgenommen" in text


def test_suspending_needs_a_reason_a_moderator_and_a_library_in_the_network(net, moderator):
    with pytest.raises(SuspensionError):
        suspend_library(net["a"], moderator, "   ")
    with pytest.raises(SuspensionError):
        suspend_library(net["a"], net["admin_a"], REASON)
    net["a"].unpublish()
    with pytest.raises(SuspensionError):
        reinstate_library(net["a"], moderator)
    suspend_library(net["a"], moderator, REASON)
    with pytest.raises(SuspensionError):
        suspend_library(net["a"], moderator, REASON)


def test_reinstating_republishes_what_was_live_and_restores_publishing(suspended):
    reinstate_library(suspended["a"], suspended["moderator"])
    for key in ("a", "measure_a", "call_a"):
        assert fresh(suspended[key]).live, key
    assert not fresh(suspended["draft_a"]).live
    library = fresh(suspended["a"])
    assert library.suspended_at is None and library.suspension_reason == ""
    group = library.editor_group
    assert GroupPagePermission.objects.filter(group=group, page=library, permission__codename="publish_page").exists()


def test_reinstating_publishes_the_reviewed_version_not_drafts_written_meanwhile(suspended):
    measure = fresh(suspended["measure_a"])
    measure.title = "Während der Sperre geändert"
    measure.save_revision(user=suspended["editor_a"])
    reinstate_library(suspended["a"], suspended["moderator"])
    measure = fresh(measure)
    assert measure.live and measure.title == "Vorlesepaten" and measure.has_unpublished_changes


def test_a_new_member_does_not_bring_publishing_back(suspended):
    member("neu@ahorn.example", suspended["a"])
    ensure_library_group(fresh(suspended["a"]))
    group = fresh(suspended["a"]).editor_group
    assert not GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").exists()


def test_its_team_cannot_invite_while_suspended(suspended, mailoutbox):
    url = reverse("bibnetz:invite", args=[suspended["a"].pk])
    response = client_for(suspended["admin_a"]).post(url, {"email": "kollegin@ahorn.example", "role": "editor"})
    assert response.status_code == 409
    assert "kann sie niemanden einladen" in response.content.decode()
    assert not Invitation.objects.filter(library=suspended["a"]).exists() and not mailoutbox


def test_its_team_reads_why_in_my_library(suspended):
    body = client_for(suspended["editor_a"]).get("/netzwerk/meine-bibliothek/").content.decode()
    assert "gesperrt" in body and REASON in body


def test_the_team_is_told_by_mail(net, moderator, mailoutbox, django_capture_on_commit_callbacks):
    client = client_for(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(suspend_url(net["a"]), {"reason": REASON})
    suspended_mail = mailoutbox[-1]
    assert sorted(suspended_mail.to) == ["leitung@ahorn.example", "team@ahorn.example"]
    assert "gesperrt" in suspended_mail.subject and REASON in suspended_mail.body
    with django_capture_on_commit_callbacks(execute=True):
        client.post(suspend_url(net["a"], "wieder-aufnehmen"))
    assert "wieder" in mailoutbox[-1].subject and len(mailoutbox) == 2
    assert "/bibliotheken/" in mailoutbox[-1].body


# --- Out of the network: URLs, listings, JSON, the index ---------------------------------------------------------


def test_its_pages_answer_404_to_everyone_outside_the_admin(suspended):
    for client in (Client(), client_for(suspended["editor_b"]), client_for(suspended["editor_a"])):
        for key in ("a", "measure_a", "call_a"):
            assert client.get(suspended[key].url).status_code == 404, key


def test_its_content_leaves_every_listing_on_both_engines(engine, net, moderator):
    before = {kind: ids(run(engine, kind)) for kind in ("libraries", "measures", "tasks")}
    assert net["a"].pk in before["libraries"] and net["measure_a"].pk in before["measures"]
    assert net["call_a"].pk in before["tasks"]
    suspend_library(net["a"], moderator, REASON)
    assert ids(run(engine, "libraries")) == [net["b"].pk]
    assert ids(run(engine, "measures")) == [net["measure_b"].pk]
    assert ids(run(engine, "tasks")) == []
    reinstate_library(net["a"], moderator)
    assert set(ids(run(engine, "measures"))) == {net["measure_a"].pk, net["measure_b"].pk}


def test_its_content_leaves_the_json_and_facets(served_by, net, moderator):
    suspend_library(net["a"], moderator, REASON)
    client = Client()
    for path in ("/bibliotheken/", "/massnahmen/", "/aufgaben-teilen/"):
        body = client.get(f"{path}?format=json").content.decode()
        assert "Ahornstadt" not in body and "Vorlesepaten" not in body and "Lesesommer" not in body, path


# --- Membership rights --------------------------------------------------------------------------------------------


def test_its_members_no_longer_see_other_libraries_contact_details(suspended):
    assert not is_network_member(suspended["editor_a"])
    body = client_for(suspended["editor_a"]).get(suspended["b"].url).content.decode()
    assert "info@birke.example" not in body
    assert "info@birke.example" in client_for(suspended["editor_b"]).get(suspended["b"].url).content.decode()


def test_a_member_of_another_library_too_stays_a_member(suspended):
    both = member("beide@netz.example", suspended["a"], suspended["b"])
    assert is_network_member(both)


def test_its_members_cannot_join_other_calls(suspended):
    call_b = TaskSharePageFactory(parent=suspended["b"], title="Gemeinsame Lesenacht", partners_wanted=3)
    response = client_for(suspended["admin_a"]).post(
        f"/netzwerk/aufrufe/{call_b.pk}/teilnehmen/", {"library": suspended["a"].pk, "message": "Wir auch."}
    )
    assert response.status_code in (403, 409)
    assert not Participation.objects.filter(task=call_b).exists()


def test_nobody_can_join_its_calls(suspended):
    response = client_for(suspended["editor_b"]).post(
        f"/netzwerk/aufrufe/{suspended['call_a'].pk}/teilnehmen/", {"library": suspended["b"].pk, "message": "Gern."}
    )
    assert response.status_code == 409
    assert "gesperrt" in response.content.decode()
    assert not Participation.objects.filter(task=suspended["call_a"]).exists()


def test_it_cannot_accept_partners_while_suspended(net, moderator):
    request = ParticipationFactory(task=net["call_a"], library=net["b"], message="Gern!")
    suspend_library(net["a"], moderator, REASON)
    response = client_for(net["admin_a"]).post(f"/netzwerk/teilnahmen/{request.pk}/annehmen/")
    assert response.status_code in (403, 409)
    request.refresh_from_db()
    assert request.state == "requested"
    withdrawn = client_for(net["editor_b"]).post(f"/netzwerk/teilnahmen/{request.pk}/zurueckziehen/")
    assert withdrawn.status_code == 302
    request.refresh_from_db()
    assert request.state == "withdrawn"


# --- No way back without the moderators ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["a", "measure_a"])
def test_its_team_cannot_republish_in_the_admin(suspended, key):
    client = client_for(suspended["admin_a"])
    client.post(f"/admin/pages/{suspended[key].pk}/edit/", publish_form(client, suspended[key]))
    assert not fresh(suspended[key]).live


def test_its_team_may_still_edit_drafts(suspended):
    client = client_for(suspended["editor_a"])
    data = measure_form(slug=suspended["measure_a"].slug, title="Überarbeitet")
    del data["action-publish"]
    client.post(f"/admin/pages/{suspended['measure_a'].pk}/edit/", data)
    assert fresh(suspended["measure_a"]).get_latest_revision_as_object().title == "Überarbeitet"


def test_not_even_a_moderator_publishes_it_without_reinstating(suspended):
    client = client_for(suspended["moderator"])
    data = publish_form(client, fresh(suspended["measure_a"]))
    response = client.post(f"/admin/pages/{suspended['measure_a'].pk}/edit/", data, follow=True)
    assert not fresh(suspended["measure_a"]).live
    assert "gesperrt" in response.content.decode()


def test_nor_does_a_new_page_below_it_go_live(suspended):
    client = client_for(suspended["moderator"])
    client.post(f"/admin/pages/add/bibnetz_wagtail/measurepage/{suspended['a'].pk}/", measure_form(slug="neu-bei-a"))
    created = MeasurePage.objects.child_of(suspended["a"]).get(slug="neu-bei-a")
    assert not created.live


@pytest.mark.parametrize("target, include_descendants", [("measure_a", False), ("libraries", True)])
def test_nor_does_bulk_publishing_reach_it(suspended, index_pages, target, include_descendants):
    """Also not by publishing the whole directory with its descendants."""
    page = index_pages[target] if target == "libraries" else suspended[target]
    url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}"
    data = {"include_descendants": "on"} if include_descendants else {}
    client = client_for(suspended["moderator"])
    response = client.post(url, data)
    for key in ("a", "measure_a", "call_a"):
        assert not fresh(suspended[key]).live, key
    assert "gesperrt" in client.get(response["Location"]).content.decode()


def test_nor_does_moving_a_live_page_below_it(suspended):
    client = client_for(suspended["moderator"])
    client.post(f"/admin/pages/{suspended['measure_b'].pk}/move/{suspended['a'].pk}/confirm/")
    measure = fresh(suspended["measure_b"])
    assert measure.get_parent().pk == suspended["b"].pk and measure.live
    assert client.get(suspended["measure_b"].url).status_code == 200
    draft = suspended["draft_b"]
    client.post(f"/admin/pages/{draft.pk}/move/{suspended['a'].pk}/confirm/")
    assert fresh(draft).get_parent().pk == suspended["a"].pk


def test_nor_does_a_workflow_approval_or_any_other_publishing(suspended):
    measure = fresh(suspended["measure_a"])
    root = get_user_model().objects.create_superuser("root", "root@netz.example", "ein-langes-Passwort-42")
    workflow = Workflow.objects.create(name="Redaktion", active=True)
    task = GroupApprovalTask.objects.create(name="Freigabe")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    measure.save_revision(user=suspended["editor_a"])
    state = workflow.start(measure, suspended["editor_a"])
    state.current_task_state.task.on_action(state.current_task_state, root, "approve")
    assert not fresh(measure).live
    fresh(suspended["call_a"]).save_revision().publish()
    assert not fresh(suspended["call_a"]).live


def test_publishing_scheduled_before_the_suspension_is_called_off(net, moderator):
    measure = fresh(net["measure_a"])
    measure.go_live_at = timezone.now() + timedelta(days=1)
    measure.title = "Geplant"
    measure.save_revision(user=net["admin_a"]).publish(user=net["admin_a"])
    assert Revision.page_revisions.filter(object_id=str(measure.pk), approved_go_live_at__isnull=False).exists()
    suspend_library(net["a"], moderator, REASON)
    assert not Revision.page_revisions.filter(object_id=str(measure.pk), approved_go_live_at__isnull=False).exists()


# --- The moderators' screens in the admin -------------------------------------------------------------------------


def test_moderators_find_the_action_on_the_profile_and_the_team_does_not(net, moderator):
    path = suspend_url(net["a"])
    assert path in client_for(moderator).get(f"/admin/pages/{net['a'].pk}/edit/").content.decode()
    assert path not in client_for(net["admin_a"]).get(f"/admin/pages/{net['a'].pk}/edit/").content.decode()


def test_get_shows_a_form_and_changes_nothing(net, moderator):
    response = client_for(moderator).get(suspend_url(net["a"]))
    assert response.status_code == 200 and 'name="reason"' in response.content.decode()
    assert fresh(net["a"]).live and fresh(net["a"]).suspended_at is None


def test_suspending_and_reinstating_through_the_admin(net, moderator):
    client = client_for(moderator)
    response = client.post(suspend_url(net["a"]), {"reason": REASON})
    assert response.status_code == 302
    assert fresh(net["a"]).suspended_at is not None and not fresh(net["measure_a"]).live
    response = client.post(suspend_url(net["a"], "wieder-aufnehmen"))
    assert response.status_code == 302
    assert fresh(net["a"]).suspended_at is None and fresh(net["measure_a"]).live


def test_a_missing_reason_or_a_second_suspension_is_a_german_error(net, moderator):
    client = client_for(moderator)
    response = client.post(suspend_url(net["a"]), {"reason": ""})
    assert response.status_code == 400 and "Grund" in response.content.decode()
    assert fresh(net["a"]).live
    client.post(suspend_url(net["a"]), {"reason": REASON})
    again = client.post(suspend_url(net["a"]), {"reason": REASON})
    assert again.status_code == 409 and "bereits" in again.content.decode()
    reinstated = client.post(suspend_url(net["a"], "wieder-aufnehmen"))
    twice = client.post(suspend_url(net["a"], "wieder-aufnehmen"))
    assert reinstated.status_code == 302 and twice.status_code == 409


@pytest.mark.parametrize("actor", ["admin_a", "editor_b"])
def test_only_moderators_and_superusers_may_suspend(net, actor):
    client = client_for(net[actor])
    assert client.get(suspend_url(net["a"])).status_code in (302, 403)
    assert client.post(suspend_url(net["a"]), {"reason": REASON}).status_code in (302, 403)
    assert fresh(net["a"]).suspended_at is None and fresh(net["a"]).live


def test_superusers_may_suspend(net):
    root = get_user_model().objects.create_superuser("root", "root@netz.example", "ein-langes-Passwort-42")
    assert client_for(root).post(suspend_url(net["a"]), {"reason": REASON}).status_code == 302
    assert fresh(net["a"]).suspended_at is not None


def test_the_form_needs_its_csrf_token(net, moderator):
    client = client_for(moderator, enforce_csrf_checks=True)
    assert client.post(suspend_url(net["a"]), {"reason": REASON}).status_code == 403
    assert fresh(net["a"]).suspended_at is None


def test_unknown_or_other_pages_are_404(net, moderator):
    client = client_for(moderator)
    assert client.get(suspend_url(net["measure_a"])).status_code == 404
    assert client.post("/admin/bibnetz/bibliotheken/999999/sperren/", {"reason": REASON}).status_code == 404


def test_the_profile_page_classes_keep_their_state_when_a_revision_is_published(suspended):
    """A draft revision saved while suspended must not carry the suspension back in when it is published later."""
    library = fresh(suspended["a"])
    library.save_revision(user=suspended["editor_a"])
    reinstate_library(library, suspended["moderator"])
    fresh(library).get_latest_revision().publish(user=suspended["moderator"])
    assert fresh(library).suspended_at is None and fresh(library).live
    assert LibraryProfilePage.objects.filter(suspended_at__isnull=True).count() == 2
    assert MeasurePage.objects.live().count() == 2 and TaskSharePage.objects.live().count() == 1
