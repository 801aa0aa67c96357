"""Libraries waiting for approval stay unknown to other members in the admin (choosers, search, moving)."""

import pytest

from bibnetz_wagtail.permissions import moderators_group

from .factories import LibraryProfilePageFactory
from .membership_net import client_for, fresh_limits, member, net  # noqa: F401 (fixtures)

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
