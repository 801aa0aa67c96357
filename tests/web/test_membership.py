"""The member area "Meine Bibliothek" and the team: invitations by e-mail, accepting them, removing members."""

import datetime
import re
import smtplib
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bibnetz_wagtail.models import Invitation, LibraryProfilePage, Membership

from ..factories import InvitationFactory, MeasurePageFactory, ParticipationFactory, TaskSharePageFactory
from ..membership_net import PASSWORD, client_for, denied, member

pytestmark = pytest.mark.django_db


def in_days(days):
    return timezone.now() + datetime.timedelta(days=days)


# --- "Meine Bibliothek" ------------------------------------------------------------------------------------------


def test_member_area_needs_login():
    response = Client().get("/netzwerk/meine-bibliothek/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("bibnetz:login"))
    assert "next=/netzwerk/meine-bibliothek/" in response["Location"]


def test_member_area_lists_content_participations_and_invitations(net):
    call_b = TaskSharePageFactory(parent=net["b"], title="Makerspace teilen")
    ParticipationFactory(task=call_b, library=net["a"], state="accepted")
    InvitationFactory(library=net["a"], email="neu@ahorn.example", expires_at=in_days(3))
    draft = MeasurePageFactory(parent=net["a"], title="Noch nicht fertig", live=False)
    html = unescape(client_for(net["editor_a"]).get("/netzwerk/meine-bibliothek/").content.decode())
    assert "Stadtbibliothek Ahornstadt" in html
    assert f"/admin/pages/{net['a'].pk}/edit/" in html
    for page in (net["measure_a"], draft, net["call_a"]):
        assert page.title in html and f"/admin/pages/{page.pk}/edit/" in html
    assert "Makerspace teilen" in html and "Angenommen" in html
    assert "neu@ahorn.example" in html
    assert html.count("Birkenau") == 1  # only as the library of the call joined
    assert "Schnitzeljagd" not in html and "Geheimer Entwurf" not in html
    # Editors see the team but cannot change it.
    assert reverse("bibnetz:invite", args=[net["a"].pk]) not in html
    assert "/entfernen/" not in html


def test_admin_sees_the_team_actions(net):
    html = client_for(net["admin_a"]).get("/netzwerk/meine-bibliothek/").content.decode()
    assert reverse("bibnetz:invite", args=[net["a"].pk]) in html
    assert reverse("bibnetz:remove_member", args=[net["a"].pk, net["editor_a"].bibnetz_memberships.get().pk]) in html


def test_member_area_without_a_library(net):
    loner = member("solo@example.org")
    response = client_for(loner).get("/netzwerk/meine-bibliothek/")
    assert response.status_code == 200
    assert "gehört noch zu keinem" in response.content.decode()


# --- Invitations -------------------------------------------------------------------------------------------------


def invite(client, library, email="kollegin@ahorn.example", role="editor"):
    return client.post(reverse("bibnetz:invite", args=[library.pk]), {"email": email, "role": role})


def accept_link(message):
    match = re.search(r"https?://[^/\s]+(/netzwerk/einladung/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_invitation_from_mail_to_membership_as_new_user(net, settings):
    settings.BIBNETZ = {**settings.BIBNETZ, "INVITATION_DAYS": 10}
    response = invite(client_for(net["admin_a"]), net["a"], email="Kollegin@Ahorn.example", role="admin")
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    expected = timezone.now() + datetime.timedelta(days=10)
    assert abs((invitation.expires_at - expected).total_seconds()) < 60
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Kollegin@Ahorn.example"] and "Stadtbibliothek Ahornstadt" in message.subject
    assert message.alternatives and accept_link(message) in message.alternatives[0][0]

    client = Client()
    link = accept_link(message)
    page = client.get(link)
    assert page.status_code == 200 and "Kollegin@Ahorn.example" in page.content.decode()
    too_short = client.post(link, {"password1": "kurz", "password2": "kurz"})
    assert too_short.status_code == 400 and not Membership.objects.filter(user__email__iexact="kollegin@ahorn.example")
    response = client.post(link, {"first_name": "Karla", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("bibnetz:my_library")

    user = get_user_model().objects.get(email="Kollegin@Ahorn.example")
    assert user.username == "kollegin@ahorn.example" and user.is_active and user.check_password(PASSWORD)
    membership = Membership.objects.get(user=user)
    assert membership.library_id == net["a"].pk and membership.role == "admin"
    assert user.groups.filter(pk=LibraryProfilePage.objects.get(pk=net["a"].pk).editor_group_id).exists()
    assert client.get("/netzwerk/meine-bibliothek/").status_code == 200  # logged in
    assert client.get(f"/admin/pages/{net['measure_a'].pk}/edit/").status_code == 200
    # The link works once.
    again = Client().get(link)
    assert again.status_code == 400 and "bereits angenommen" in again.content.decode()


def test_logged_in_invitee_accepts_with_one_click(net):
    invitation = InvitationFactory(library=net["b"], email="TEAM@ahorn.example", role="editor", expires_at=in_days(1))
    client = client_for(net["editor_a"])
    url = reverse("bibnetz:invitation", args=[invitation.token])
    assert client.get(url).status_code == 200
    assert not Membership.objects.filter(user=net["editor_a"], library=net["b"]).exists()
    assert client.post(url).status_code == 302
    assert Membership.objects.filter(user=net["editor_a"], library=net["b"]).exists()
    assert client.get(f"/admin/pages/{net['measure_b'].pk}/edit/").status_code == 200


def test_invitation_for_another_address_is_refused(net):
    invitation = InvitationFactory(library=net["a"], email="jemand@example.org", expires_at=in_days(1))
    client = client_for(net["editor_b"])
    url = reverse("bibnetz:invitation", args=[invitation.token])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert not Membership.objects.filter(user=net["editor_b"], library=net["a"]).exists()


def test_invitation_for_an_existing_account_asks_to_log_in(net):
    invitation = InvitationFactory(library=net["b"], email="team@ahorn.example", expires_at=in_days(1))
    url = reverse("bibnetz:invitation", args=[invitation.token])
    response = Client().post(url, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 200 and reverse("bibnetz:login") in response.content.decode()
    assert get_user_model().objects.filter(email__iexact="team@ahorn.example").count() == 1
    assert Invitation.objects.get().accepted_at is None


@pytest.mark.parametrize("token, status", [("unbekannt", 404), ("x" * 300, 404)])
def test_unknown_invitation(token, status, net):
    response = Client().get(f"/netzwerk/einladung/{token}/")
    assert response.status_code == status
    assert "nicht gültig" in response.content.decode()


def test_expired_invitation(net):
    invitation = InvitationFactory(library=net["a"], email="spaet@example.org", expires_at=in_days(-0.001))
    url = reverse("bibnetz:invitation", args=[invitation.token])
    response = Client().get(url)
    assert response.status_code == 400 and "abgelaufen" in response.content.decode()
    response = Client().post(url, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 400
    assert not get_user_model().objects.filter(email="spaet@example.org").exists()


@pytest.mark.parametrize("who", ["editor_a", "editor_b"])
def test_only_admins_of_the_library_invite(net, who):
    response = invite(client_for(net[who]), net["a"])
    assert response.status_code == 403
    assert not Invitation.objects.exists() and not mail.outbox


def test_admin_of_another_library_cannot_invite_or_remove(net):
    admin_b = member("leitung@birke.example", net["b"], role="admin")
    client = client_for(admin_b)
    assert invite(client, net["a"]).status_code == 403
    editor = net["editor_a"].bibnetz_memberships.get()
    assert client.post(reverse("bibnetz:remove_member", args=[net["a"].pk, editor.pk])).status_code == 403
    # A's membership cannot be reached through B's URL either.
    assert client.post(reverse("bibnetz:remove_member", args=[net["b"].pk, editor.pk])).status_code == 404
    assert Membership.objects.filter(pk=editor.pk).exists()


def test_anonymous_team_actions_go_to_login(net):
    response = invite(Client(), net["a"])
    assert response.status_code == 302 and response["Location"].startswith(reverse("bibnetz:login"))


def test_invite_form_errors(net):
    client = client_for(net["admin_a"])
    response = invite(client, net["a"], email="keine-adresse")
    assert response.status_code == 400 and "gültige E-Mail-Adresse" in response.content.decode()
    response = invite(client, net["a"], email="TEAM@ahorn.example")
    assert response.status_code == 400 and "gehört bereits" in response.content.decode()
    response = invite(client, net["a"], role="chef")
    assert response.status_code == 400
    # The address becomes the username, which holds 150 characters: a longer one is refused, not a server error.
    long_address = "a" * 140 + "@ahorn.example"
    response = invite(client, net["a"], email=long_address)
    assert response.status_code == 400 and "höchstens 150 Zeichen" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_new_invitation_replaces_the_open_one(net):
    client = client_for(net["admin_a"])
    invite(client, net["a"])
    first = Invitation.objects.get()
    invite(client, net["a"], email="KOLLEGIN@ahorn.example")
    assert list(Invitation.objects.values_list("email", flat=True)) == ["KOLLEGIN@ahorn.example"]
    assert Client().get(reverse("bibnetz:invitation", args=[first.token])).status_code == 404


def test_invitations_per_user_are_limited(net, monkeypatch):
    monkeypatch.setattr("bibnetz_wagtail.web.membership.views.INVITE_RATE", (2, 3600))
    client = client_for(net["admin_a"])
    assert invite(client, net["a"], email="eins@example.org").status_code == 302
    assert invite(client, net["a"], email="zwei@example.org").status_code == 302
    response = invite(client, net["a"], email="drei@example.org")
    assert response.status_code == 429 and "Zu viele Versuche" in response.content.decode()
    assert len(mail.outbox) == 2 and Invitation.objects.count() == 2


def test_an_invitation_that_cannot_be_mailed_is_withdrawn(net, monkeypatch):
    def broken(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("bibnetz_wagtail.web.membership.invitation_mail.send_templated_mail", broken)
    response = invite(client_for(net["admin_a"]), net["a"])
    assert response.status_code == 503 and "nicht per E-Mail verschickt" in response.content.decode()
    assert not Invitation.objects.exists()


def test_revoke_invitation(net):
    invitation = InvitationFactory(library=net["a"], email="neu@ahorn.example", expires_at=in_days(1))
    url = reverse("bibnetz:revoke_invitation", args=[net["a"].pk, invitation.pk])
    assert client_for(net["editor_a"]).post(url).status_code == 403
    assert client_for(net["admin_a"]).get(url).status_code == 405
    assert client_for(net["admin_a"]).post(url).status_code == 302
    assert not Invitation.objects.exists()


def test_remove_member_but_not_the_last_admin(net):
    client = client_for(net["admin_a"])
    editor = net["editor_a"].bibnetz_memberships.get()
    group_id = editor.library.editor_group_id
    assert client.post(reverse("bibnetz:remove_member", args=[net["a"].pk, editor.pk])).status_code == 302
    assert not Membership.objects.filter(pk=editor.pk).exists()
    assert not net["editor_a"].groups.filter(pk=group_id).exists()
    assert denied(client_for(net["editor_a"]).get(f"/admin/pages/{net['measure_a'].pk}/edit/"))

    own = net["admin_a"].bibnetz_memberships.get()
    response = client.post(reverse("bibnetz:remove_member", args=[net["a"].pk, own.pk]), follow=True)
    assert Membership.objects.filter(pk=own.pk).exists()
    assert "letzte Person mit der Rolle Administration" in response.content.decode()
    response = client.post(reverse("bibnetz:change_member_role", args=[net["a"].pk, own.pk]), {"role": "editor"})
    assert Membership.objects.get(pk=own.pk).role == "admin"


def test_change_role_then_the_former_admin_can_leave(net):
    client = client_for(net["admin_a"])
    editor = net["editor_a"].bibnetz_memberships.get()
    client.post(reverse("bibnetz:change_member_role", args=[net["a"].pk, editor.pk]), {"role": "admin"})
    assert Membership.objects.get(pk=editor.pk).role == "admin"
    own = net["admin_a"].bibnetz_memberships.get()
    assert client.post(reverse("bibnetz:remove_member", args=[net["a"].pk, own.pk])).status_code == 302
    assert not Membership.objects.filter(pk=own.pk).exists()


def test_team_forms_enforce_csrf(net):
    client = client_for(net["admin_a"], enforce_csrf_checks=True)
    assert invite(client, net["a"]).status_code == 403
    editor = net["editor_a"].bibnetz_memberships.get()
    assert client.post(reverse("bibnetz:remove_member", args=[net["a"].pk, editor.pk])).status_code == 403
    role_url = reverse("bibnetz:change_member_role", args=[net["a"].pk, editor.pk])
    assert client.post(role_url, {"role": "admin"}).status_code == 403
    invitation = InvitationFactory(library=net["a"], email="neu@ahorn.example", expires_at=in_days(1))
    assert client.post(reverse("bibnetz:revoke_invitation", args=[net["a"].pk, invitation.pk])).status_code == 403
    for_admin = InvitationFactory(library=net["b"], email="leitung@ahorn.example", expires_at=in_days(1))
    assert client.post(reverse("bibnetz:invitation", args=[for_admin.token])).status_code == 403
    assert not Membership.objects.filter(user=net["admin_a"], library=net["b"]).exists()
    anonymous = Client(enforce_csrf_checks=True)
    url = reverse("bibnetz:invitation", args=[invitation.token])
    assert anonymous.post(url, {"password1": PASSWORD, "password2": PASSWORD}).status_code == 403
    assert Invitation.objects.count() == 2 and Membership.objects.count() == 3
    # With the token from the page, the same forms work.
    page = client.get("/netzwerk/meine-bibliothek/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(
        reverse("bibnetz:invite", args=[net["a"].pk]),
        {"email": "kollegin@ahorn.example", "role": "editor", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302 and len(mail.outbox) == 1
