"""Nobody can take over an address by applying first: the last application counts, and confirming takes its password."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Collection

from bibnetz_wagtail.models import JoinRequest, LibraryProfilePage, Membership

from .test_join import JOIN_URL, LINK, PASSWORD, join_data

pytestmark = pytest.mark.django_db
User = get_user_model()
VICTIM = "leitung@kleinhausen.example"
ATTACKER_PASSWORD = "Fremdes-Passwort-4711"


def apply(client, **overrides):
    response = client.post(JOIN_URL, join_data(**overrides))
    assert response.status_code == 302
    return response


def apply_as_attacker(client):
    return apply(client, title="Bücherei des Angreifers", password1=ATTACKER_PASSWORD, password2=ATTACKER_PASSWORD)


def links_to(address=VICTIM):
    return [
        LINK.search(message.body).group(1)
        for message in mail.outbox
        if address in message.to and LINK.search(message.body)
    ]


def library_collections():
    return Collection.objects.filter(name__startswith="Bibliothek ")


def created_objects():
    return (
        User.objects.count(),
        LibraryProfilePage.objects.count(),
        JoinRequest.objects.count(),
        Membership.objects.count(),
        Group.objects.filter(name__startswith="Bibliothek ").count(),
        library_collections().count(),
    )


def age_applications(days):
    JoinRequest.objects.update(created_at=timezone.now() - timedelta(days=days))


class TestSecondApplication:
    def test_replaces_the_first_with_everything_it_created(self, client, index):
        apply_as_attacker(client)
        first = LibraryProfilePage.objects.get()
        first_group, first_collection = first.editor_group, library_collections().get()
        apply(client)
        library = LibraryProfilePage.objects.get()
        assert library.title == "Gemeindebücherei Kleinhausen" and library.pk != first.pk
        assert created_objects() == (1, 1, 1, 1, 1, 1)
        assert not Group.objects.filter(pk=first_group.pk).exists()
        assert not Collection.objects.filter(pk=first_collection.pk).exists()
        user = User.objects.get()
        assert user.check_password(PASSWORD) and not user.check_password(ATTACKER_PASSWORD)

    def test_the_first_link_is_dead_and_the_newest_confirms_the_second_application(self, client, index):
        apply_as_attacker(client)
        apply(client)
        first_link, newest_link = links_to()
        response = client.post(first_link, {"password": ATTACKER_PASSWORD})
        assert response.status_code == 400
        assert "nicht mehr offen" in response.content.decode()
        assert client.post(newest_link, {"password": PASSWORD}).status_code == 200
        join = JoinRequest.objects.get()
        assert join.state == "pending" and join.library.title == "Gemeindebücherei Kleinhausen"

    def test_a_confirmed_application_is_never_replaced(self, client, index):
        apply(client)
        client.post(links_to()[0], {"password": PASSWORD})
        mail.outbox.clear()
        apply_as_attacker(client)
        assert created_objects() == (1, 1, 1, 1, 1, 1)
        assert User.objects.get().check_password(PASSWORD)
        assert not links_to() and "mit Ihrer E-Mail-Adresse" in mail.outbox[0].subject


class TestConfirmingTakesThePassword:
    def test_the_page_shows_what_is_confirmed(self, client, index):
        apply(client)
        page = client.get(links_to()[0]).content.decode()
        for text in ("Gemeindebücherei Kleinhausen", "Kleinhausen", "6.400", "1,75", "Erika Mustermann", VICTIM):
            assert text in page
        assert 'name="password"' in page and 'autocomplete="current-password"' in page

    def test_the_mailbox_owner_cannot_confirm_a_strangers_application(self, client, index):
        apply_as_attacker(client)
        link = links_to()[0]
        for password in ("", PASSWORD):
            response = client.post(link, {"password": password})
            assert response.status_code == 200
            assert (
                "nicht das Passwort dieses Antrags" in response.content.decode()
                or "Bitte geben Sie das Passwort" in response.content.decode()
            )
        assert JoinRequest.objects.get().state == "unverified"

    def test_wrong_passwords_are_limited(self, client, index, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "LOGIN_FAILURES_PER_ACCOUNT": (3, 900)}
        apply(client)
        link = links_to()[0]
        for _attempt in range(3):
            assert client.post(link, {"password": "geraten"}).status_code == 200
        response = client.post(link, {"password": PASSWORD})
        assert response.status_code == 429 and "Zu viele Versuche" in response.content.decode()
        assert JoinRequest.objects.get().state == "unverified"

    def test_the_right_password_confirms(self, client, index):
        apply(client)
        assert client.post(links_to()[0], {"password": PASSWORD}).status_code == 200
        assert JoinRequest.objects.get().state == "pending"

    def test_the_mail_says_how_to_confirm(self, client, index):
        apply(client)
        assert "Passwort, das Sie beim Antrag gewählt haben" in mail.outbox[0].body


class TestExpiry:
    def test_the_command_deletes_expired_applications_with_everything_they_created(self, client, index):
        apply(client)
        apply(client, email="zweite@kleinhausen.example", title="Zweite Bücherei")
        JoinRequest.objects.filter(user__email=VICTIM).update(created_at=timezone.now() - timedelta(days=8))
        call_command("bibnetz_expire_join_requests", stdout=open("/dev/null", "w"))
        assert created_objects() == (1, 1, 1, 1, 1, 1)
        assert User.objects.get().email == "zweite@kleinhausen.example"

    def test_the_number_of_days_is_a_setting(self, client, index, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "JOIN_REQUEST_DAYS": 30}
        apply(client)
        age_applications(8)
        call_command("bibnetz_expire_join_requests", stdout=open("/dev/null", "w"))
        assert created_objects() == (1, 1, 1, 1, 1, 1)
        age_applications(31)
        call_command("bibnetz_expire_join_requests", stdout=open("/dev/null", "w"))
        assert created_objects() == (0, 0, 0, 0, 0, 0)

    def test_the_next_application_cleans_up_too(self, client, index):
        apply(client)
        age_applications(8)
        apply(client, email="zweite@kleinhausen.example", title="Zweite Bücherei")
        assert User.objects.get().email == "zweite@kleinhausen.example"

    def test_confirmed_and_decided_applications_stay(self, client, index):
        apply(client)
        client.post(links_to()[0], {"password": PASSWORD})
        age_applications(30)
        call_command("bibnetz_expire_join_requests", stdout=open("/dev/null", "w"))
        assert created_objects() == (1, 1, 1, 1, 1, 1)

    def test_an_expired_link_says_so_before_the_cleanup(self, client, index, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "JOIN_LINK_MAX_AGE": 30 * 24 * 3600}
        apply(client)
        age_applications(8)
        response = client.get(links_to()[0])
        assert response.status_code == 400 and "abgelaufen" in response.content.decode()

    def test_the_shared_collection_is_never_deleted(self, client, index, settings):
        Collection.get_first_root_node().add_child(name="Gemeinsam")
        settings.BIBNETZ = {**settings.BIBNETZ, "SHARED_COLLECTION": "Gemeinsam"}
        apply(client)
        age_applications(8)
        call_command("bibnetz_expire_join_requests", stdout=open("/dev/null", "w"))
        assert Collection.objects.filter(name="Gemeinsam").exists() and not library_collections().exists()


class TestNoEnumeration:
    def test_every_address_gets_the_same_answer(self, client, index):
        User.objects.create_user("bekannt@kleinhausen.example", "bekannt@kleinhausen.example", "Ein-Passwort-123")
        apply(client, email="unbestaetigt@kleinhausen.example")
        answers = [
            client.post(JOIN_URL, join_data(email=email))
            for email in ("neu@kleinhausen.example", "unbestaetigt@kleinhausen.example", "bekannt@kleinhausen.example")
        ]
        assert {(answer.status_code, answer["Location"]) for answer in answers} == {
            (302, "/netzwerk/zugang-beantragen/gesendet/")
        }
