"""Ids in URLs and query parameters are range-checked: too long or not a number is a 400 or 404, never a 500."""

import pytest
from django.contrib.auth import get_user_model

from ..membership_net import client_for

pytestmark = pytest.mark.django_db

HUGE_IDS = ["9223372036854775808", "999999999999999999999", "1" + "0" * 40]
LISTINGS = ["/bibliotheken/", "/massnahmen/", "/aufgaben-teilen/"]


@pytest.mark.parametrize("path", LISTINGS)
@pytest.mark.parametrize("value", ["9223372036854775808", "1" + "0" * 40, "0"])
def test_similar_to_out_of_range_is_a_clear_400(client, world, path, value):
    response = client.get(path, {"similar_to": value})
    assert response.status_code == 400
    assert "Die zum Vergleich gewählte Bibliothek" in response.content.decode()
    response = client.get(path, {"similar_to": value, "format": "json"})
    assert response.status_code == 400 and response.json()["errors"]


@pytest.mark.parametrize(
    "path",
    [
        "/netzwerk/meine-bibliothek/{huge}/einladen/",
        "/netzwerk/meine-bibliothek/{a}/einladungen/{huge}/zurueckziehen/",
        "/netzwerk/meine-bibliothek/{huge}/mitglieder/1/entfernen/",
        "/netzwerk/meine-bibliothek/{a}/mitglieder/{huge}/rolle/",
        "/netzwerk/teilnahmen/{huge}/annehmen/",
        "/netzwerk/aufrufe/{huge}/teilnehmen/",
    ],
)
@pytest.mark.parametrize("huge", ["9223372036854775808", "999999999999999999999"])
def test_member_urls_with_huge_ids_are_404(net, path, huge):
    client = client_for(net["admin_a"])
    url = path.format(huge=huge, a=net["a"].pk)
    assert client.get(url).status_code == 404
    assert client.post(url, {"email": "x@example.org"}).status_code == 404


@pytest.mark.parametrize("action", ["inspect", "edit", "delete", "history"])
@pytest.mark.parametrize("value", ["abc", "9223372036854775808"])
@pytest.mark.parametrize("model", ["participation", "topic"])
def test_admin_screens_with_bad_ids_are_404(client, model, action, value):
    get_user_model().objects.create_superuser("root", "root@example.org", "pw-for-tests-only")
    client.login(username="root", password="pw-for-tests-only")
    response = client.get(f"/admin/bibnetz_wagtail/{model}/{action}/{value}/")
    assert response.status_code == 404
