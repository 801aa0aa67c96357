"""A participation's admin history (who acted, declined and withdrawn requests) is for the two libraries and
moderators."""

import pytest
from wagtail.log_actions import log

from bibnetz_wagtail.models import LibraryProfilePage, Participation

from ..factories import LibraryProfilePageFactory
from ..membership_net import client_for, denied, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def declined(net):
    """Library C asked to join A's call and was declined; B is not involved."""
    c = LibraryProfilePageFactory(parent=net["a"].get_parent(), title="Bücherei Cedernfeld")
    participation = Participation.objects.create(task=net["call_a"], library=c, state="declined", message="Bitte")
    log(instance=participation, action="wagtail.edit", user=net["admin_a"])
    return {**net, "c": c, "editor_c": member("team@ceder.example", c), "participation": participation}


def history_url(participation):
    return f"/admin/bibnetz_wagtail/participation/history/{participation.pk}/"


def test_an_uninvolved_library_cannot_read_the_history(declined):
    response = client_for(declined["editor_b"]).get(history_url(declined["participation"]))
    assert denied(response), response.status_code
    assert "Bücherei Cedernfeld" not in response.content.decode()


@pytest.mark.parametrize("who", ["admin_a", "editor_c"])
def test_the_two_libraries_read_the_history(declined, who):
    response = client_for(declined[who]).get(history_url(declined["participation"]))
    assert response.status_code == 200


def test_moderators_read_the_history(declined, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw-for-tests-only")
    assert client_for(root).get(history_url(declined["participation"])).status_code == 200


def test_walking_ids_finds_nothing_of_others(declined):
    client = client_for(declined["editor_b"])
    for pk in range(1, Participation.objects.order_by("-pk").first().pk + 3):
        response = client.get(history_url(Participation(pk=pk)))
        assert response.status_code in (302, 403, 404)
    assert LibraryProfilePage.objects.filter(title="Bücherei Cedernfeld").exists()
