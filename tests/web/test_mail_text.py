"""Subjects and plain-text bodies of the package's e-mails are plain text: no HTML entities, whatever the names."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core import mail

import bibnetz_wagtail
from bibnetz_wagtail.web.mail import send_templated_mail

EMAIL_DIR = Path(bibnetz_wagtail.__file__).parent / "templates" / "bibnetz_wagtail" / "email"
NAME = "Bücherei „Lesen & Lernen“ <Ost> O'Brien"
ENTITIES = ("&amp;", "&lt;", "&gt;", "&#x27;", "&#39;", "&quot;")
MAILS = sorted(path.name.removesuffix("_subject.txt") for path in EMAIL_DIR.glob("*_subject.txt"))


def context():
    library = SimpleNamespace(title=NAME, municipality=NAME, pk=1)
    person = SimpleNamespace(
        get_full_name=lambda: NAME, get_username=lambda: "x", email="x@example.org", first_name=NAME
    )
    task = SimpleNamespace(title=NAME, library=library)
    return {
        "library": library,
        "user": person,
        "task": task,
        "participation": SimpleNamespace(library=library, task=task),
        "inviter": person,
        "actor": person,
        "note": NAME,
        "message": NAME,
        "reason": NAME,
        "hours": 2,
        "days": 3,
        "site_name": NAME,
        "protocol": "https",
        "domain": "example.org",
        "uid": "x",
        "token": "y",
    }


@pytest.mark.parametrize("name", MAILS)
def test_subject_and_text_carry_no_html_entities(name):
    assert send_templated_mail(name, context(), ["empfang@example.org"]) == 1
    [message] = mail.outbox
    for text in (message.subject, message.body):
        assert not any(entity in text for entity in ENTITIES), (name, text)
    assert "\n" not in message.subject


@pytest.mark.parametrize("name", ["invitation", "join_moderation"])
def test_the_reported_subjects_name_the_library_as_typed(name):
    send_templated_mail(name, context(), ["empfang@example.org"])
    assert NAME in mail.outbox[0].subject
