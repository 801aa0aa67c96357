"""``bibnetz_demo --users N``: an administrator for each of the first N libraries and a moderator, idempotent."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from bibnetz_wagtail.models import LibraryProfilePage, Membership
from bibnetz_wagtail.permissions import MODERATORS_GROUP

pytestmark = pytest.mark.django_db

SMALL = {"libraries": 3, "measures": 3, "tasks": 2, "no_progress": True}


def demo(**options):
    stdout = StringIO()
    call_command("bibnetz_demo", **{**SMALL, **options}, stdout=stdout, stderr=StringIO())
    return stdout.getvalue()


def test_users_are_admins_of_the_first_libraries_and_can_log_in():
    output = demo(users=2)
    assert "bibliothek1@example.org" in output and "moderation@example.org" in output
    libraries = list(LibraryProfilePage.objects.order_by("pk"))
    users = get_user_model().objects
    for number, library in enumerate(libraries[:2], start=1):
        user = users.get(email=f"bibliothek{number}@example.org")
        assert user.is_active and user.username == user.email
        assert list(Membership.objects.filter(user=user).values_list("library_id", "role")) == [(library.pk, "admin")]
        client = Client()
        assert client.login(username=user.email, password="bibnetz-demo")
        assert client.get(f"/admin/pages/{library.pk}/edit/").status_code == 200
        assert client.get(f"/admin/pages/{libraries[2].pk}/edit/").status_code in (302, 403)
    assert not users.filter(email="bibliothek3@example.org").exists()
    assert not Membership.objects.filter(library=libraries[2]).exists()
    moderator = users.get(email="moderation@example.org")
    assert moderator.is_active and moderator.groups.filter(name=MODERATORS_GROUP).exists()
    assert Client().login(username="moderation@example.org", password="bibnetz-demo")


def test_users_are_idempotent_and_take_the_password():
    demo(users=2)
    demo(users=2, password="ein-anderes-passwort")
    assert get_user_model().objects.count() == 3
    assert Membership.objects.count() == 2
    assert Client().login(username="bibliothek2@example.org", password="ein-anderes-passwort")
    assert not Client().login(username="bibliothek2@example.org", password="bibnetz-demo")
    demo(users=3)
    assert get_user_model().objects.count() == 4 and Membership.objects.count() == 3


def test_more_users_than_libraries():
    demo(users=10)
    assert Membership.objects.count() == 3
    assert get_user_model().objects.count() == 4


def test_without_users_option_no_accounts_are_made():
    demo()
    assert not get_user_model().objects.exists()


def test_empty_password_is_refused():
    with pytest.raises(CommandError):
        demo(users=1, password="")


def test_help_describes_the_options():
    from bibnetz_wagtail.demo.management.commands.bibnetz_demo import Command

    text = Command().create_parser("manage.py", "bibnetz_demo").format_help()
    assert "--users" in text and "--password" in text and "bibnetz-demo" in text
