"""Members change their login address only to an unused one, confirmed from the new address."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from ..membership_net import PASSWORD, client_for, member

pytestmark = pytest.mark.django_db

URL = "/netzwerk/konto/e-mail/"
LINK = re.compile(r"http://testserver(/netzwerk/konto/e-mail/bestaetigen/[^/\s]+/)")


def ask(client, email, password=PASSWORD):
    return client.post(URL, {"email": email, "password": password})


def link_in_mail(to):
    [message] = [message for message in mail.outbox if message.to == [to]]
    return LINK.search(message.body).group(1)


def test_the_new_address_is_used_only_after_it_is_confirmed(net):
    user = net["editor_a"]
    client = client_for(user)
    response = ask(client, "Neu@Ahorn.example")
    assert response.status_code == 200 and "Neu@Ahorn.example" in response.content.decode()
    user.refresh_from_db()
    assert user.email == "team@ahorn.example"
    path = link_in_mail("Neu@Ahorn.example")
    assert Client().get(path).status_code == 200
    user.refresh_from_db()
    assert (user.email, user.username) == ("Neu@Ahorn.example", "neu@ahorn.example")
    [notice] = [message for message in mail.outbox if message.to == ["team@ahorn.example"]]
    assert "neu@ahorn.example" in notice.body.lower() and "&" not in notice.subject
    assert (
        Client().post("/netzwerk/anmelden/", {"username": "neu@ahorn.example", "password": PASSWORD}).status_code == 302
    )
    # The link works once: the address it started from has changed.
    assert Client().get(path).status_code == 400


def test_an_address_of_another_account_is_never_taken_and_not_revealed(net):
    moderator = member("Moderation@Netzwerk.example")
    client = client_for(net["editor_a"])
    taken, free = ask(client, "moderation@netzwerk.EXAMPLE"), ask(client, "frei@ahorn.example")
    assert taken.status_code == free.status_code == 200
    assert mail.outbox[-1].to == ["frei@ahorn.example"] and len(mail.outbox) == 1
    assert get_user_model().objects.filter(email__iexact=moderator.email).count() == 1


def test_a_race_for_the_same_address_is_refused_at_confirmation(net):
    ask(client_for(net["editor_a"]), "begehrt@example.org")
    path = link_in_mail("begehrt@example.org")
    member("BEGEHRT@example.org")
    response = Client().get(path)
    assert response.status_code == 409 and "Another" not in response.content.decode()
    assert get_user_model().objects.get(pk=net["editor_a"].pk).email == "team@ahorn.example"


@pytest.mark.parametrize(
    "email, password, message",
    [
        ("team@ahorn.example", PASSWORD, "bereits Ihre E-Mail-Adresse"),
        ("neu@ahorn.example", "falsch", "Passwort ist falsch"),
        ("keine-adresse", PASSWORD, "gültige E-Mail-Adresse"),
    ],
)
def test_bad_input_is_answered_beside_the_field(net, email, password, message):
    response = ask(client_for(net["editor_a"]), email, password)
    assert response.status_code == 400 and message in response.content.decode()
    assert email in response.content.decode() or email == "team@ahorn.example"
    assert mail.outbox == []


def test_forged_links_and_visitors(net):
    assert Client().get(URL).status_code == 302
    assert Client().get("/netzwerk/konto/e-mail/bestaetigen/falsch/").status_code == 400


def test_wagtail_admin_does_not_let_members_change_the_address(net):
    response = client_for(net["editor_a"]).get("/admin/account/")
    assert response.status_code == 200
    assert 'name="name_email-email"' not in response.content.decode()


def test_a_site_that_lets_the_admin_edit_the_address_is_warned(settings):
    from django.core.checks import run_checks

    settings.WAGTAIL_EMAIL_MANAGEMENT_ENABLED = True
    assert "bibnetz_wagtail.W032" in {message.id for message in run_checks()}
    settings.WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
    assert "bibnetz_wagtail.W032" not in {message.id for message in run_checks()}
