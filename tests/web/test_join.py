"""Joining the network: the form, the e-mail link, the moderators' workflow, and the abuse limits."""

import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from bibnetz_wagtail.conf import get_setting
from bibnetz_wagtail.models import JoinRequest, LibraryProfilePage, Membership

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "Lesesaal-im-Dorf-2025"
JOIN_URL = "/netzwerk/zugang-beantragen/"
SENT_URL = "/netzwerk/zugang-beantragen/gesendet/"
LINK = re.compile(r"https?://[^/\s]+(/netzwerk/zugang-beantragen/bestaetigen/[^/\s]+/)")


def join_data(**overrides):
    data = {
        "title": "Gemeindebücherei Kleinhausen",
        "municipality": "Kleinhausen",
        "state": "BY",
        "library_type": "municipal",
        "population": "6400",
        "floor_area_m2": "180",
        "staff_fte": "1,75",
        "contact_person": "Erika Mustermann",
        "email": "Leitung@Kleinhausen.example",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "consent": "on",
        "homepage": "",
    }
    data.update(overrides)
    return data


def outbox_to(address):
    return [message for message in mail.outbox if address in message.to]


def verification_path(address="leitung@kleinhausen.example"):
    messages = [message for message in outbox_to(address) if LINK.search(message.body)]
    assert messages, [message.subject for message in mail.outbox]
    return LINK.search(messages[-1].body).group(1)


def apply(client, **overrides):
    return client.post(JOIN_URL, join_data(**overrides))


def apply_and_confirm(client):
    assert apply(client).status_code == 302
    path = verification_path()
    assert client.get(path).status_code == 200
    return client.post(path, {"password": PASSWORD})


def task_state_of(library):
    return TaskState.objects.get(workflow_state__object_id=str(library.pk), status=TaskState.STATUS_IN_PROGRESS)


class TestApplicationForm:
    def test_form_is_german_and_has_every_field(self, client, index):
        response = client.get(JOIN_URL)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Zugang beantragen" in html and "Datenschutzhinweis" in html
        fields = (
            "title",
            "municipality",
            "state",
            "library_type",
            "population",
            "floor_area_m2",
            "staff_fte",
            "contact_person",
            "email",
            "password1",
            "password2",
            "consent",
        )
        for name in fields:
            assert f'name="{name}"' in html, name
        assert 'class="bibnetz-honeypot"' in html

    def test_application_creates_inactive_account_and_draft_profile(self, client, index):
        response = apply(client)
        assert response.status_code == 302 and response["Location"] == SENT_URL
        user = User.objects.get(username="leitung@kleinhausen.example")
        assert user.email == "leitung@kleinhausen.example"
        assert not user.is_active
        assert (user.first_name, user.last_name) == ("Erika", "Mustermann")
        library = LibraryProfilePage.objects.get()
        assert library.get_parent().pk == index.pk
        assert not library.live and library.get_latest_revision() is not None
        assert library.population == 6400 and str(library.staff_fte) == "1.75"
        assert library.contact_email == user.email and library.owner == user
        join = JoinRequest.objects.get(user=user)
        assert join.library == library and join.state == "unverified"
        assert Membership.objects.get(user=user, library=library).role == "admin"
        assert library.slug == "gemeindebuecherei-kleinhausen"
        assert client.get("/bibliotheken/gemeindebuecherei-kleinhausen/").status_code == 404
        [message] = mail.outbox
        assert message.to == ["leitung@kleinhausen.example"]
        assert message.subject == "Bitte bestätigen Sie Ihre E-Mail-Adresse"
        assert message.alternatives and "Gemeindebücherei Kleinhausen" in message.body
        assert "Bitte prüfen Sie Ihr E-Mail-Postfach" in client.get(SENT_URL).content.decode()

    def test_model_rules_apply(self, client, index):
        response = apply(client, population="0", floor_area_m2="-3", staff_fte="1.234", state="XX", consent="")
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert errors["population"] == ["Die Einwohnerzahl muss mindestens 1 betragen."]
        assert "floor_area_m2" in errors and "staff_fte" in errors and "state" in errors
        assert errors["consent"] == ["Bitte stimmen Sie dem Datenschutzhinweis zu."]
        assert not User.objects.exists() and not LibraryProfilePage.objects.exists() and not mail.outbox

    @pytest.mark.parametrize(
        "password, message",
        [
            ("kurz-2025", "Dieses Passwort ist zu kurz. Es muss mindestens 12 Zeichen enthalten."),
            ("qwertyqwerty", "Dieses Passwort ist zu üblich."),
            ("123456789012345", "Dieses Passwort ist komplett numerisch."),
        ],
    )
    def test_passwords_are_checked_by_djangos_validators(self, client, index, password, message):
        response = apply(client, password1=password, password2=password)
        assert response.status_code == 200
        assert message in [error.strip() for error in response.context["form"].errors["password1"]]
        assert not User.objects.exists()

    def test_password_similar_to_the_address_is_refused(self, client, index):
        similar = "kleinhausen.leitung"
        response = apply(client, email="kleinhausen.leitung@example.org", password1=similar, password2=similar)
        assert any("ähnlich" in error for error in response.context["form"].errors["password1"])

    def test_passwords_must_match(self, client, index):
        response = apply(client, password2=PASSWORD + "x")
        assert response.context["form"].errors["password2"] == ["Die beiden Passwörter stimmen nicht überein."]

    def test_same_title_twice_gets_its_own_slug(self, client, index):
        apply(client)
        apply(client, email="zweite@kleinhausen.example")
        slugs = sorted(LibraryProfilePage.objects.values_list("slug", flat=True))
        assert slugs == ["gemeindebuecherei-kleinhausen", "gemeindebuecherei-kleinhausen-2"]

    def test_no_library_directory_says_joining_is_not_open_yet(self, client, db):
        for response in (client.get(JOIN_URL), client.post(JOIN_URL, join_data())):
            assert response.status_code == 200
            assert "Die Aufnahme neuer Bibliotheken ist noch nicht geöffnet" in response.content.decode()
        assert not User.objects.exists()


class TestNoEnumeration:
    def test_known_address_gets_the_same_answer_and_its_owner_an_e_mail(self, client, index):
        owner = User.objects.create_user("erika", "leitung@kleinhausen.example", "Altes-Passwort-123")
        response = apply(client)
        assert response.status_code == 302 and response["Location"] == SENT_URL
        assert User.objects.count() == 1 and not LibraryProfilePage.objects.exists()
        [message] = mail.outbox
        assert message.to == [owner.email]
        assert "mit Ihrer E-Mail-Adresse" in message.subject
        assert "/netzwerk/anmelden/" in message.body and "/netzwerk/passwort-vergessen/" in message.body
        assert not LINK.search(message.body)

    def test_unconfirmed_applicant_applying_again_replaces_the_application(self, client, index):
        apply(client)
        apply(client, title="Ganz andere Bücherei")
        assert User.objects.count() == 1
        assert list(LibraryProfilePage.objects.values_list("title", flat=True)) == ["Ganz andere Bücherei"]
        assert len(mail.outbox) == 2
        assert all(LINK.search(message.body) for message in mail.outbox)

    def test_same_address_twice_at_once(self, client, index):
        """The second of two simultaneous applications hits the unique username and answers like the first."""
        apply(client)
        mail.outbox.clear()
        with mock.patch("bibnetz_wagtail.operations.joining.existing_account", return_value=None):
            response = apply(client)
        assert response.status_code == 302 and response["Location"] == SENT_URL
        assert User.objects.count() == 1 and LibraryProfilePage.objects.count() == 1 and not mail.outbox


class TestHoneypot:
    def test_filled_honeypot_pretends_success_and_creates_nothing(self, client, index):
        response = apply(client, homepage="http://spam.example")
        assert response.status_code == 302 and response["Location"] == SENT_URL
        assert not User.objects.exists() and not LibraryProfilePage.objects.exists()
        assert not JoinRequest.objects.exists() and not mail.outbox


class TestRateLimit:
    def test_join_is_limited_per_ip(self, client, index, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "JOIN_RATE": (2, 3600)}
        assert apply(client, email="a@kleinhausen.example").status_code == 302
        assert apply(client, email="b@kleinhausen.example").status_code == 302
        response = apply(client, email="c@kleinhausen.example")
        assert response.status_code == 429
        assert "Zu viele Versuche. Bitte warten Sie" in response.content.decode()
        assert User.objects.count() == 2
        other = Client(REMOTE_ADDR="192.0.2.7")
        assert other.post(JOIN_URL, join_data(email="d@kleinhausen.example")).status_code == 302

    def test_honeypot_requests_count_too(self, client, index, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "JOIN_RATE": (1, 3600)}
        apply(client, homepage="spam")
        assert apply(client).status_code == 429
        assert not User.objects.exists()


class TestModeratedFlow:
    def test_confirm_approve_through_the_admin(self, client, index, moderator, django_capture_on_commit_callbacks):
        response = apply_and_confirm(client)
        assert response.status_code == 200
        assert "Die Moderation des Netzwerks prüft jetzt das Profil" in response.content.decode()
        user = User.objects.get(username="leitung@kleinhausen.example")
        join = JoinRequest.objects.get(user=user)
        assert join.state == "pending" and join.verified_at is not None
        assert not user.is_active
        library = LibraryProfilePage.objects.get()
        assert not library.live
        state = WorkflowState.objects.get(object_id=str(library.pk))
        assert state.workflow.name == "Beitritt zum Netzwerk" and state.requested_by == user
        [notice] = [m for m in outbox_to(moderator.email) if "wartet auf Freigabe" in m.subject]
        assert f"/admin/pages/{library.pk}/edit/" in notice.body and user.email in notice.body

        mail.outbox.clear()
        admin = Client()
        admin.force_login(moderator)
        task_state = task_state_of(library)
        url = reverse("wagtailadmin_pages:workflow_action", args=[library.pk, "approve", task_state.pk])
        with django_capture_on_commit_callbacks(execute=True):
            response = admin.post(url, {"comment": ""})
        assert response.status_code == 302

        library.refresh_from_db()
        user.refresh_from_db()
        join.refresh_from_db()
        assert library.live and user.is_active
        assert join.state == "approved" and join.decided_at is not None
        welcome_subject = "Willkommen im Netzwerk: Ihr Zugang ist freigeschaltet"
        [welcome] = [message for message in outbox_to(user.email) if message.subject == welcome_subject]
        assert "/netzwerk/anmelden/" in welcome.body and library.url in welcome.body
        assert client.get(library.url).status_code == 200
        # The new library logs in with its e-mail address and reaches the admin.
        fresh = Client()
        response = fresh.post("/admin/login/", {"username": "LEITUNG@kleinhausen.example", "password": PASSWORD})
        assert response.status_code == 302
        assert fresh.get("/admin/").status_code == 200
        add_measure = reverse("wagtailadmin_pages:add", args=["bibnetz_wagtail", "measurepage", library.pk])
        assert fresh.get(add_measure).status_code == 200

    def test_rejection_tells_the_reason(self, client, index, moderator, django_capture_on_commit_callbacks):
        apply_and_confirm(client)
        library = LibraryProfilePage.objects.get()
        admin = Client()
        admin.force_login(moderator)
        url = reverse("wagtailadmin_pages:workflow_action", args=[library.pk, "reject", task_state_of(library).pk])
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = admin.post(url, {"comment": "Bitte geben Sie die Bibliothek im Ortsteil an."})
        assert response.status_code == 302
        join = JoinRequest.objects.get()
        assert join.state == "rejected" and join.reason == "Bitte geben Sie die Bibliothek im Ortsteil an."
        assert not join.user.is_active and not LibraryProfilePage.objects.get().live
        [notice] = [m for m in outbox_to(join.user.email) if "Ihr Antrag" in m.subject]
        assert "Bitte geben Sie die Bibliothek im Ortsteil an." in notice.body
        assert "nicht freigegeben" in notice.body

    def test_moderators_decision_without_the_admin_url(self, client, index, moderator):
        """The same effect when a task is approved in code (e.g. by a management command)."""
        apply_and_confirm(client)
        library = LibraryProfilePage.objects.get()
        task_state_of(library).approve(user=moderator)
        assert JoinRequest.objects.get().state == "approved"
        assert User.objects.get(username="leitung@kleinhausen.example").is_active

    def test_unconfirmed_request_is_not_activated_by_publishing(self, client, index, moderator):
        apply(client)
        library = LibraryProfilePage.objects.get()
        library.get_latest_revision().publish(user=moderator)
        assert JoinRequest.objects.get().state == "unverified"
        assert not User.objects.get(username="leitung@kleinhausen.example").is_active


class TestWithoutModeration:
    def test_confirming_is_enough(self, client, index, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "MODERATION": False}
        response = apply_and_confirm(client)
        assert response.status_code == 200
        assert "Willkommen im Netzwerk!" in response.content.decode()
        user = User.objects.get(username="leitung@kleinhausen.example")
        library = LibraryProfilePage.objects.get()
        assert user.is_active and library.live
        assert JoinRequest.objects.get().state == "approved"
        assert not WorkflowState.objects.exists()
        assert client.post("/netzwerk/anmelden/", {"username": user.email, "password": PASSWORD}).status_code == 302


class TestLinks:
    def test_link_works_once(self, client, index, moderator):
        apply_and_confirm(client)
        response = client.post(verification_path())
        assert response.status_code == 400
        assert "Dieser Bestätigungslink wurde bereits verwendet." in response.content.decode()
        assert client.get(verification_path()).status_code == 400

    def test_get_does_not_confirm(self, client, index):
        apply(client)
        response = client.get(verification_path())
        assert response.status_code == 200 and "E-Mail-Adresse bestätigen" in response.content.decode()
        assert JoinRequest.objects.get().state == "unverified"

    def test_expired_link(self, client, index):
        apply(client)
        path = verification_path()
        later = signing.time.time() + get_setting("JOIN_LINK_MAX_AGE") + 10
        with mock.patch("django.core.signing.time.time", return_value=later):
            for response in (client.get(path), client.post(path)):
                assert response.status_code == 400
                assert "Dieser Bestätigungslink ist abgelaufen." in response.content.decode()
        assert JoinRequest.objects.get().state == "unverified"

    def test_shorter_max_age_setting(self, client, index, settings):
        apply(client)
        settings.BIBNETZ = {**settings.BIBNETZ, "JOIN_LINK_MAX_AGE": -1}
        assert client.post(verification_path()).status_code == 400

    @pytest.mark.parametrize("token", ["x", "abc:def:ghi", "eyJqb2luIjoxfQ:1tZ:forged"])
    def test_forged_link(self, client, index, token):
        response = client.post(f"/netzwerk/zugang-beantragen/bestaetigen/{token}/")
        assert response.status_code == 400
        assert "Dieser Bestätigungslink ist ungültig." in response.content.decode()

    def test_validly_signed_link_for_another_user_is_refused(self, client, index):
        apply(client)
        join = JoinRequest.objects.get()
        token = signing.dumps({"join": join.pk, "user": join.user_id + 1}, salt="bibnetz_wagtail.join", compress=True)
        assert client.post(f"/netzwerk/zugang-beantragen/bestaetigen/{token}/").status_code == 400


class TestCsrf:
    def test_join_form_needs_the_token(self, index):
        client = Client(enforce_csrf_checks=True)
        assert client.post(JOIN_URL, join_data()).status_code == 403
        assert not User.objects.exists()

    def test_confirmation_needs_the_token(self, client, index):
        apply(client)
        strict = Client(enforce_csrf_checks=True)
        assert strict.post(verification_path()).status_code == 403
        assert JoinRequest.objects.get().state == "unverified"
