"""One e-mail per event, the package's own, with every link on the one configured base URL."""

import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, Site, Workflow, WorkflowTask

from bibnetz_wagtail.checks import check_mail_base_url
from bibnetz_wagtail.models import LibraryProfilePage, Participation
from bibnetz_wagtail.web.links import base_url
from bibnetz_wagtail.web.participation.notify import notify_change

from ..factories import LibraryProfilePageFactory, TaskSharePageFactory
from .test_join import apply, apply_and_confirm, join_data, task_state_of

pytestmark = pytest.mark.django_db
BASE = "https://netzwerk.example.org"
APPLICANT = "leitung@kleinhausen.example"
URL = re.compile(r"""https?://[^\s"'<>]+""")


@pytest.fixture(autouse=True)
def configured_base(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE + "/"
    settings.ALLOWED_HOSTS = ["*"]


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("chef", "chef@netzwerk.example", "Chef-Passwort-123")


def recipients():
    """How many mails each address got."""
    return Counter(address for message in mail.outbox for address in message.to)


def links_of(message):
    """Every URL in a mail's text and HTML body."""
    bodies = [message.body] + [content for content, _type in getattr(message, "alternatives", [])]
    hrefs = [href for body in bodies for href in re.findall(r'href="([^"]+)"', body)]
    return [*URL.findall(message.body), *hrefs]


def assert_links_on_base(messages):
    links = [link for message in messages for link in links_of(message)]
    assert links, "the mails contain links"
    assert [link for link in links if not link.startswith(BASE + "/")] == []


def decide(moderator, library, action, comment=""):
    admin = Client()
    admin.force_login(moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=[library.pk, action, task_state_of(library).pk])
    assert admin.post(url, {"comment": comment}).status_code == 302


def test_apply_confirm_approve_sends_one_mail_per_event(
    client, index, moderator, superuser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        apply_and_confirm(client)
        decide(moderator, LibraryProfilePage.objects.get(), "approve")
    assert recipients() == {APPLICANT: 2, moderator.email: 1, superuser.email: 1}
    assert [message.subject for message in mail.outbox if APPLICANT in message.to] == [
        "Bitte bestätigen Sie Ihre E-Mail-Adresse",
        "Willkommen im Netzwerk: Ihr Zugang ist freigeschaltet",
    ]
    assert_links_on_base(mail.outbox)


def test_apply_confirm_reject_sends_one_mail_per_event(
    client, index, moderator, superuser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        apply_and_confirm(client)
        decide(moderator, LibraryProfilePage.objects.get(), "reject", "Bitte den Ortsteil angeben.")
    assert recipients() == {APPLICANT: 2, moderator.email: 1, superuser.email: 1}
    assert_links_on_base(mail.outbox)


def test_superusers_are_left_out_where_wagtail_leaves_them_out(client, index, moderator, superuser, settings):
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
    apply_and_confirm(client)
    assert superuser.email not in recipients() and recipients()[moderator.email] == 1


def test_the_sites_other_workflows_keep_wagtails_mails(index, moderator):
    """Only the join workflow is silenced: a host's own workflow still mails its reviewers."""
    task = GroupApprovalTask.objects.create(name="Redaktion")
    task.groups.add(*moderator.groups.all())
    workflow = Workflow.objects.create(name="Redaktionelle Prüfung")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    author = get_user_model().objects.create_user("autorin", "autorin@netzwerk.example", "Autorin-Passwort-1")
    page = Page.objects.get(pk=index.pk).specific
    page.save_revision(user=author)
    workflow.start(page, author)
    assert recipients()[moderator.email] == 1


def test_links_ignore_the_host_the_request_came_in_on(client, index, moderator):
    """The request's host (here a second name of the server) never ends up in a mail."""
    response = client.post("/netzwerk/zugang-beantragen/", join_data(), HTTP_HOST="intern.example:8080")
    assert response.status_code == 302
    apply(client)  # the same address again: a fresh confirmation link
    client.post("/netzwerk/passwort-vergessen/", {"email": moderator.email}, HTTP_HOST="intern.example:8080")
    assert sorted(recipients()) == [APPLICANT, moderator.email]
    assert_links_on_base(mail.outbox)


def test_participation_mails_link_to_the_base_url(index_pages):
    host = LibraryProfilePageFactory(parent=index_pages["libraries"], contact_email="info@ahorn.example")
    guest = LibraryProfilePageFactory(parent=index_pages["libraries"], contact_email="info@birke.example")
    call = TaskSharePageFactory(parent=host)
    participation = Participation.objects.create(task=call, library=guest)
    notify_change(participation)
    participation.state = "declined"
    participation.save()
    notify_change(participation)
    assert len(mail.outbox) == 2
    assert_links_on_base(mail.outbox)


class TestBaseUrlCheck:
    def test_configured_base_passes(self):
        assert check_mail_base_url(None) == []

    def test_missing_base_warns_and_falls_back_to_the_default_site(self, settings, index):
        del settings.WAGTAILADMIN_BASE_URL
        [warning] = check_mail_base_url(None)
        assert warning.id == "bibnetz_wagtail.W010" and "WAGTAILADMIN_BASE_URL" in warning.hint
        site = Site.objects.get(is_default_site=True)
        assert base_url() == site.root_url

    @pytest.mark.parametrize(
        "value",
        ["netzwerk.example.org", "ftp://netzwerk.example.org", "https://", 42, "https://netzwerk.example.org/?x=1"],
    )
    def test_malformed_base_is_an_error(self, settings, value):
        settings.WAGTAILADMIN_BASE_URL = value
        [error] = check_mail_base_url(None)
        assert error.id == "bibnetz_wagtail.E010" and error.hint
