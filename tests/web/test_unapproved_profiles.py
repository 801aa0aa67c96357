"""Libraries waiting for approval stay unknown to other members in the admin (choosers, search, moving)."""

import pytest

from bibnetz_wagtail.permissions import moderators_group

from ..factories import LibraryProfilePageFactory
from ..membership_net import client_for, member

pytestmark = pytest.mark.django_db

SECRET = "Bücherei Wartestadt"


@pytest.fixture
def waiting(net):
    """A profile applied for but not approved: a draft that was never published, with its own editor."""
    profile = LibraryProfilePageFactory(parent=net["a"].get_parent(), title=SECRET, live=False)
    profile.first_published_at = None
    profile.save()
    return {**net, "waiting": profile, "applicant": member("antrag@wartestadt.example", profile, role="admin")}


def html_of(answer):
    """The chooser's markup: JSON with an ``html`` key when browsing, plain HTML for search results."""
    assert answer.status_code == 200
    if answer["Content-Type"].startswith("application/json"):
        return answer.json()["html"]
    return answer.content.decode()


def search(client):
    return html_of(client.get("/admin/choose-page/search/", {"q": "Wartestadt"}))


def test_other_members_do_not_find_the_waiting_library_in_the_page_chooser(waiting):
    client = client_for(waiting["editor_b"])
    assert SECRET not in search(client)
    browse = html_of(client.get(f"/admin/choose-page/{waiting['waiting'].get_parent().pk}/"))
    assert SECRET not in browse and "Gemeindebücherei Birkenau" in browse


def test_the_moving_chooser_hides_it_too(waiting):
    client = client_for(waiting["editor_b"])
    answer = client.get(f"/admin/choose-page/{waiting['waiting'].get_parent().pk}/", {"page_type": "wagtailcore.page"})
    assert SECRET not in html_of(answer)


@pytest.mark.parametrize("who", ["applicant", "moderator"])
def test_its_own_team_and_the_moderators_see_it(waiting, who):
    if who == "moderator":
        user = member("moderation@netz.example")
        user.groups.add(moderators_group())
    else:
        user = waiting["applicant"]
    assert SECRET in search(client_for(user))


# --- Wagtail's workflow views name the page in their "not awaiting moderation" message -------------------------


def messages_of(client, response):
    from django.contrib.messages import get_messages

    return " ".join(str(message) for message in get_messages(response.wsgi_request))


@pytest.fixture
def join_task(db):
    from wagtail.models import Task

    from bibnetz_wagtail.permissions import JOIN_TASK, join_workflow

    join_workflow()
    return Task.objects.get(name=JOIN_TASK)


@pytest.fixture
def task_state_elsewhere(net, join_task):
    """A real task state of another page in moderation (its id is what the action URL needs)."""
    from bibnetz_wagtail.permissions import join_workflow

    pending = LibraryProfilePageFactory(parent=net["a"].get_parent(), title="Bücherei Prüfdorf", live=False)
    pending.save_revision()
    workflow_state = join_workflow().start(pending, net["editor_a"])
    return workflow_state.current_task_state


def test_the_workflow_preview_does_not_name_a_waiting_library(waiting, join_task):
    client = client_for(waiting["editor_b"])
    response = client.get(f"/admin/pages/workflow/preview/{waiting['waiting'].pk}/{join_task.pk}/")
    assert response.status_code in (302, 403)
    assert SECRET not in messages_of(client, response)


def test_the_workflow_action_does_not_name_a_waiting_library(waiting, task_state_elsewhere):
    client = client_for(waiting["editor_b"])
    url = f"/admin/pages/workflow/action/{waiting['waiting'].pk}/approve/{task_state_elsewhere.pk}/"
    for response in (client.get(url), client.post(url)):
        assert response.status_code in (302, 403)
        assert SECRET not in messages_of(client, response)


def test_moderators_still_get_wagtails_message(waiting, join_task):
    user = member("moderation@netz.example")
    user.groups.add(moderators_group())
    client = client_for(user)
    response = client.get(f"/admin/pages/workflow/preview/{waiting['waiting'].pk}/{join_task.pk}/")
    assert response.status_code == 302 and SECRET in messages_of(client, response)
