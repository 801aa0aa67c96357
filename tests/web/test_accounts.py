"""Logging in with the e-mail address (front end and admin), logging out, password reset, abuse limits."""

import re
import time
from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client

from bibnetz_wagtail.web.accounts.backends import EmailBackend
from bibnetz_wagtail.web.accounts.passwords import network_password_validators

from ..factories import LibraryIndexPageFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "Bücherbus-fährt-2025"
LOGIN_URL = "/netzwerk/anmelden/"
RESET_URL = "/netzwerk/passwort-vergessen/"
WRONG = "E-Mail-Adresse oder Passwort sind falsch."
TOO_MANY = "Zu viele Versuche. Bitte warten Sie"
RESET_LINK = re.compile(r"https?://[^/\s]+(/netzwerk/passwort-vergessen/[^/\s]+/[^/\s]+/)")


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(db):
    return User.objects.create_user("erika", "Erika@Buecherei.example", PASSWORD)


def log_in(client, username, password=PASSWORD, **extra):
    return client.post(LOGIN_URL, {"username": username, "password": password, **extra})


class TestEmailBackend:
    def test_address_in_any_case(self, member):
        assert authenticate(username="erika@buecherei.example", password=PASSWORD) == member
        assert authenticate(username="ERIKA@BUECHEREI.EXAMPLE", password=PASSWORD) == member
        assert authenticate(username="erika", password=PASSWORD) == member  # usernames keep working
        assert authenticate(username="erika@buecherei.example", password="falsch") is None

    def test_inactive_users_are_refused(self, member):
        member.is_active = False
        member.save()
        assert authenticate(username="erika@buecherei.example", password=PASSWORD) is None

    def test_unknown_address_still_runs_the_hasher(self, db):
        with mock.patch.object(User, "set_password") as set_password:
            assert EmailBackend().authenticate(None, username="niemand@example.org", password="x") is None
        set_password.assert_called_once_with("x")

    def test_two_accounts_with_one_address(self, member):
        other = User.objects.create_user("erika2", "erika@buecherei.example", "Anderes-Passwort-99")
        assert authenticate(username="erika@buecherei.example", password="Anderes-Passwort-99") == other
        assert authenticate(username="erika@buecherei.example", password=PASSWORD) == member


class TestFrontEndLogin:
    def test_page_is_german(self, client):
        html = client.get(LOGIN_URL).content.decode()
        assert "Anmelden" in html and "E-Mail-Adresse" in html
        assert "/netzwerk/passwort-vergessen/" in html and "/netzwerk/zugang-beantragen/" in html

    def test_login_with_the_address(self, client, member):
        response = log_in(client, "ERIKA@buecherei.example", next="/bibliotheken/")
        assert response.status_code == 302 and response["Location"] == "/bibliotheken/"
        assert int(client.session["_auth_user_id"]) == member.pk

    @pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
    def test_foreign_next_is_ignored(self, client, member, target):
        response = log_in(client, "erika@buecherei.example", next=target)
        assert response.status_code == 302
        assert response["Location"] == "/netzwerk/meine-bibliothek/"

    def test_unknown_address_and_wrong_password_answer_alike(self, client, member):
        unknown = log_in(client, "niemand@buecherei.example")
        wrong = log_in(client, "erika@buecherei.example", "falsches-Passwort")
        assert unknown.status_code == wrong.status_code == 200
        assert unknown.context["form"].errors == wrong.context["form"].errors
        assert WRONG in unknown.content.decode()

    def test_inactive_account_answers_like_a_wrong_password(self, client, member):
        member.is_active = False
        member.save()
        response = log_in(client, "erika@buecherei.example")
        assert WRONG in response.content.decode() and "_auth_user_id" not in client.session

    def test_session_key_changes_at_login(self, client, member):
        session = client.session
        session["vorher"] = True
        session.save()
        before = client.cookies["sessionid"].value
        log_in(client, "erika@buecherei.example")
        after = client.cookies["sessionid"].value
        assert before != after
        assert client.session["vorher"] is True

    def test_logout_is_post_only(self, client, member):
        client.force_login(member)
        assert client.get("/netzwerk/abmelden/").status_code == 405
        response = client.post("/netzwerk/abmelden/")
        assert response.status_code == 200 and "Sie sind abgemeldet." in response.content.decode()
        assert "_auth_user_id" not in client.session


class TestAdminLogin:
    def test_admin_login_with_the_address(self, client, member):
        member.is_superuser = member.is_staff = True
        member.save()
        page = client.get("/admin/login/").content.decode()
        assert "E-Mail-Adresse oder Benutzername" in page
        response = client.post("/admin/login/", {"username": "Erika@buecherei.EXAMPLE", "password": PASSWORD})
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200

    def test_admin_login_is_throttled_per_account(self, client, member, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "LOGIN_FAILURES_PER_ACCOUNT": (1, 900)}
        member.is_superuser = member.is_staff = True
        member.save()
        client.post("/admin/login/", {"username": "erika@buecherei.example", "password": "falsch"})
        response = client.post("/admin/login/", {"username": "erika@buecherei.example", "password": PASSWORD})
        assert response.status_code == 429 and TOO_MANY in response.content.decode()
        assert "_auth_user_id" not in client.session
        # The owner, elsewhere, is not locked out by the failure.
        elsewhere = Client(REMOTE_ADDR="198.51.100.1")
        assert (
            elsewhere.post("/admin/login/", {"username": "erika@buecherei.example", "password": PASSWORD}).status_code
            == 302
        )


class TestLoginThrottling:
    def test_per_ip(self, client, member, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "LOGIN_RATE": (3, 600)}
        for _attempt in range(3):
            assert log_in(client, "niemand@buecherei.example").status_code == 200
        response = log_in(client, "erika@buecherei.example")
        assert response.status_code == 429 and TOO_MANY in response.content.decode()
        assert "_auth_user_id" not in client.session
        assert log_in(Client(REMOTE_ADDR="192.0.2.9"), "erika@buecherei.example").status_code == 302

    def test_failed_logins_per_account_and_address(self, client, member, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "LOGIN_FAILURES_PER_ACCOUNT": (2, 900)}
        log_in(client, "erika@buecherei.example", "falsch-1")
        log_in(client, "ERIKA@buecherei.example", "falsch-2")
        response = log_in(client, "erika@buecherei.example")
        assert response.status_code == 429 and TOO_MANY in response.content.decode()
        assert "Minute" in response.content.decode()  # "1 Minute" near the end of the window
        # Other accounts are not affected.
        User.objects.create_user("hans", "hans@buecherei.example", PASSWORD)
        assert log_in(Client(), "hans@buecherei.example").status_code == 302

    def test_wrong_passwords_from_other_addresses_do_not_lock_the_owner_out(self, client, member, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "LOGIN_FAILURES_PER_ACCOUNT": (5, 900)}
        for number in range(1, 11):
            attacker = Client(REMOTE_ADDR=f"203.0.113.{number}")
            for _attempt in range(6):
                log_in(attacker, "erika@buecherei.example", "geraten")
            assert log_in(attacker, "erika@buecherei.example").status_code == 429
        assert log_in(client, "erika@buecherei.example").status_code == 302

    def test_unknown_accounts_are_throttled_alike(self, client, member, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "LOGIN_FAILURES_PER_ACCOUNT": (2, 900)}
        answers = {}
        for address in ("erika@buecherei.example", "niemand@buecherei.example"):
            for _attempt in range(2):
                log_in(client, address, "falsch")
            response = log_in(client, address, "falsch")
            answers[address] = (response.status_code, response.context["form"].errors)
        assert answers["erika@buecherei.example"] == answers["niemand@buecherei.example"]
        assert answers["niemand@buecherei.example"][0] == 429

    def test_the_window_ends(self, client, member, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "LOGIN_FAILURES_PER_ACCOUNT": (1, 900)}
        log_in(client, "erika@buecherei.example", "falsch")
        assert log_in(client, "erika@buecherei.example").status_code == 429
        later = SimpleNamespace(time=lambda: time.time() + 901)
        with mock.patch("bibnetz_wagtail.web.accounts.throttling.time", later):
            assert log_in(client, "erika@buecherei.example").status_code == 302

    def test_success_resets_the_failures(self, client, member, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "LOGIN_FAILURES_PER_ACCOUNT": (2, 900)}
        log_in(client, "erika@buecherei.example", "falsch")
        assert log_in(client, "erika@buecherei.example").status_code == 302
        client.logout()
        log_in(client, "erika@buecherei.example", "falsch")
        assert log_in(client, "erika@buecherei.example").status_code == 302


class TestPasswordReset:
    def reset_path(self, address):
        [message] = [m for m in mail.outbox if address in m.to]
        assert message.subject == "Neues Passwort wählen" and message.alternatives
        return RESET_LINK.search(message.body).group(1)

    def test_same_answer_for_every_address(self, client, member):
        known = client.post(RESET_URL, {"email": "ERIKA@buecherei.example"})
        unknown = client.post(RESET_URL, {"email": "niemand@buecherei.example"})
        assert known.status_code == unknown.status_code == 302
        assert known["Location"] == unknown["Location"] == "/netzwerk/passwort-vergessen/gesendet/"
        assert [m.to for m in mail.outbox] == [[member.email]]
        assert "Wenn zu der eingegebenen Adresse ein Konto gehört" in client.get(known["Location"]).content.decode()

    def test_inactive_accounts_get_no_mail(self, client, member):
        member.is_active = False
        member.save()
        assert client.post(RESET_URL, {"email": member.email}).status_code == 302
        assert mail.outbox == []

    def test_new_password_follows_the_rules_and_works(self, client, member):
        client.post(RESET_URL, {"email": member.email})
        path = self.reset_path(member.email)
        response = client.get(path)
        assert response.status_code == 302
        form_url = response["Location"]
        short = client.post(form_url, {"new_password1": "kurz-2025", "new_password2": "kurz-2025"})
        assert short.status_code == 200
        assert "mindestens 12 Zeichen" in short.content.decode()
        new = "Neue-Ausleihe-2026"
        done = client.post(form_url, {"new_password1": new, "new_password2": new})
        assert done.status_code == 302 and done["Location"] == "/netzwerk/passwort-vergessen/fertig/"
        assert "Passwort geändert" in client.get(done["Location"]).content.decode()
        assert log_in(Client(), member.email, new).status_code == 302
        used = Client().get(path)
        assert used.status_code == 400 and "nicht mehr gültig" in used.content.decode()

    def test_reset_requests_are_limited_per_ip(self, client, member, settings):
        settings.BIBNETZ = {**settings.BIBNETZ, "LOGIN_RATE": (1, 600)}
        client.post(RESET_URL, {"email": "niemand@buecherei.example"})
        response = client.post(RESET_URL, {"email": member.email})
        assert response.status_code == 429 and TOO_MANY in response.content.decode()
        assert mail.outbox == []


class TestCsrf:
    def test_every_accounts_form_needs_the_token(self, member):
        strict = Client(enforce_csrf_checks=True)
        assert strict.post(LOGIN_URL, {"username": member.email, "password": PASSWORD}).status_code == 403
        assert strict.post("/admin/login/", {"username": member.email, "password": PASSWORD}).status_code == 403
        assert strict.post(RESET_URL, {"email": member.email}).status_code == 403
        assert mail.outbox == []
        strict.force_login(member)
        assert strict.post("/netzwerk/abmelden/").status_code == 403
        assert "_auth_user_id" in strict.session

    def test_new_password_form_needs_the_token(self, client, member):
        client.post(RESET_URL, {"email": member.email})
        path = RESET_LINK.search(mail.outbox[0].body).group(1)
        strict = Client(enforce_csrf_checks=True)
        form_url = strict.get(path)["Location"]
        assert strict.get(form_url).status_code == 200
        response = strict.post(form_url, {"new_password1": "Neue-Ausleihe-2026", "new_password2": "Neue-Ausleihe-2026"})
        assert response.status_code == 403
        member.refresh_from_db()
        assert member.check_password(PASSWORD)

    def test_forms_carry_the_token(self, client):
        LibraryIndexPageFactory()
        for url in (LOGIN_URL, RESET_URL, "/netzwerk/zugang-beantragen/"):
            assert 'name="csrfmiddlewaretoken"' in client.get(url).content.decode()


def test_site_minimum_length_is_raised_to_twelve(settings):
    settings.AUTH_PASSWORD_VALIDATORS = [
        {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}}
    ]
    lengths = [v.min_length for v in network_password_validators() if hasattr(v, "min_length")]
    assert lengths == [12]
    settings.AUTH_PASSWORD_VALIDATORS = [
        {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 16}}
    ]
    lengths = [v.min_length for v in network_password_validators() if hasattr(v, "min_length")]
    assert lengths == [16]
    settings.AUTH_PASSWORD_VALIDATORS = []
    lengths = [v.min_length for v in network_password_validators() if hasattr(v, "min_length")]
    assert lengths == [12]
