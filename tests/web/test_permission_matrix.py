"""The permission matrix: every actor × every action, each cell through the real admin and front-end URLs.

A cell is True when the action took effect (the database changed, or the content was shown) and False
when it was refused — so changing any permission flips a cell and fails its test.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from bibnetz_wagtail.models import Invitation, MeasurePage, Participation
from bibnetz_wagtail.permissions import moderators_group

from ..factories import MeasurePageFactory, TaskSharePageFactory, ToolkitResultFactory
from ..membership_net import client_for, member
from .test_library_access import measure_form

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "editor_a", "admin_a", "editor_b", "moderator", "superuser"]

#: action -> the actors for whom it takes effect (on library A's content unless said otherwise)
ALLOWED = {
    "view_draft": {"editor_a", "admin_a", "moderator", "superuser"},
    "edit": {"editor_a", "admin_a", "moderator", "superuser"},
    "publish": {"editor_a", "admin_a", "moderator", "superuser"},
    "unpublish": {"editor_a", "admin_a", "moderator", "superuser"},
    "delete": {"editor_a", "admin_a", "moderator", "superuser"},
    "move_to_b": {"moderator", "superuser"},
    "add_child": {"editor_a", "admin_a", "moderator", "superuser"},
    "contact_html": {"editor_a", "admin_a", "editor_b", "moderator", "superuser"},
    "contact_json": set(),
    "private_toolkit": set(),
    "invite_to_a": {"admin_a"},
    "join_call_of_b": {"editor_a", "admin_a"},
    "accept_participant_of_a": {"editor_a", "admin_a"},
}


@pytest.fixture
def cast(net):
    """The six actors and what they act on."""
    net["draft_a"] = MeasurePageFactory(parent=net["a"], title="Entwurf von A", live=False)
    net["call_b"] = TaskSharePageFactory(parent=net["b"], title="Gemeinsame Lesenacht", partners_wanted=3)
    moderator = member("moderation@netz.example")
    moderator.groups.add(moderators_group())
    superuser = get_user_model().objects.create_superuser("root", "root@netz.example", "ein-langes-Passwort-42")
    clients = {"anonymous": Client(), "moderator": client_for(moderator), "superuser": client_for(superuser)}
    for actor in ("editor_a", "admin_a", "editor_b"):
        clients[actor] = client_for(net[actor])
    net["clients"] = clients
    return net


def measure(net, key="measure_a"):
    return MeasurePage.objects.get(pk=net[key].pk)


def view_draft(net, client):
    return client.get(f"/admin/pages/{net['draft_a'].pk}/view_draft/").status_code == 200


def edit(net, client):
    data = measure_form(slug=net["measure_a"].slug, title="Entwurf geändert")
    del data["action-publish"]
    client.post(f"/admin/pages/{net['measure_a'].pk}/edit/", data)
    return measure(net).get_latest_revision_as_object().title == "Entwurf geändert"


def publish(net, client):
    client.post(
        f"/admin/pages/{net['measure_a'].pk}/edit/",
        measure_form(slug=net["measure_a"].slug, title="Neu veröffentlicht"),
    )
    return measure(net).title == "Neu veröffentlicht" and measure(net).live


def unpublish(net, client):
    client.post(f"/admin/pages/{net['measure_a'].pk}/unpublish/")
    return not measure(net).live


def delete(net, client):
    client.post(f"/admin/pages/{net['measure_a'].pk}/delete/")
    return not MeasurePage.objects.filter(pk=net["measure_a"].pk).exists()


def move_to_b(net, client):
    client.post(f"/admin/pages/{net['measure_a'].pk}/move/{net['b'].pk}/confirm/")
    return measure(net).get_parent().pk == net["b"].pk


def add_child(net, client):
    client.post(f"/admin/pages/add/bibnetz_wagtail/measurepage/{net['a'].pk}/", measure_form(slug="neu-bei-a"))
    return MeasurePage.objects.child_of(net["a"]).filter(slug="neu-bei-a").exists()


def contact_html(net, client):
    return "info@ahorn.example" in client.get(net["a"].url).content.decode()


def contact_json(net, client):
    body = client.get("/bibliotheken/?format=json").content.decode()
    return "info@ahorn.example" in body or "contact" in body


def private_toolkit(net, client):
    """A's unpublished toolkit result, looked for on its profile, in its JSON terms, in counts and as a filter."""
    secret = ToolkitResultFactory(slug="geheim", name="Geheimes Ergebnis")
    library = net["a"]
    library.toolkit_results.set([secret])
    library.toolkit_results_public = False
    library.save()
    profile = client.get(library.url).content.decode()
    listing = client.get("/bibliotheken/?format=json&per_page=100").json()
    filtered = client.get("/bibliotheken/?format=json&toolkit=geheim").json()
    terms = [result["terms"]["toolkit"] for result in listing["results"]]
    counted = [value for value in listing["facets"]["toolkit"] if value["value"] == "geheim"]
    return (
        "Geheimes Ergebnis" in profile
        or any("geheim" in values for values in terms)
        or bool(counted)
        or filtered["count"] > 0
    )


def invite_to_a(net, client):
    client.post(f"/netzwerk/meine-bibliothek/{net['a'].pk}/einladen/", {"email": "neu@ahorn.example", "role": "editor"})
    return Invitation.objects.filter(email="neu@ahorn.example").exists()


def join_call_of_b(net, client):
    client.post(
        f"/netzwerk/aufrufe/{net['call_b'].pk}/teilnehmen/", {"library": net["a"].pk, "message": "Wir sind dabei."}
    )
    return Participation.objects.filter(task=net["call_b"]).exists()


def accept_participant_of_a(net, client):
    request = Participation.objects.create(task=net["call_a"], library=net["b"], message="Gern!")
    client.post(f"/netzwerk/teilnahmen/{request.pk}/annehmen/")
    request.refresh_from_db()
    return request.state == "accepted"


@pytest.mark.parametrize("action", list(ALLOWED))
@pytest.mark.parametrize("actor", ACTORS)
def test_cell(cast, actor, action):
    took_effect = globals()[action](cast, cast["clients"][actor])
    assert took_effect == (actor in ALLOWED[action]), f"{actor} / {action}"
