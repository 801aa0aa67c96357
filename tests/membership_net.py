"""Shared set-up of the membership tests: two libraries with content, their teams, and helpers."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from wagtail.models import Page

from .elastic import enqueue_pages
from .factories import (  # noqa: F401  (PASSWORD: part of this module's interface)
    PASSWORD,
    LibraryProfilePageFactory,
    MeasurePageFactory,
    MembershipFactory,
    TaskSharePageFactory,
    UserFactory,
)


def member(email, *libraries, role="editor"):
    """An account (password ``PASSWORD``) in the teams of ``libraries``."""
    user = UserFactory(email=email)
    for library in libraries:
        MembershipFactory(user=user, library=library, role=role)
    return user


def client_for(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


@pytest.fixture
def net(index_pages, shared_trees):
    """Libraries A and B with a measure each (B also a draft), A with a call; A's admin and editor, B's editor."""
    shared = shared_trees.copy("net")
    if shared is None:
        return build_net(index_pages)
    enqueue_pages(value for value in shared.values() if isinstance(value, Page))
    return shared


def build_net(index_pages):
    parent = index_pages["libraries"]
    a = LibraryProfilePageFactory(parent=parent, title="Stadtbibliothek Ahornstadt", contact_email="info@ahorn.example")
    b = LibraryProfilePageFactory(parent=parent, title="Gemeindebücherei Birkenau", contact_email="info@birke.example")
    draft_b = MeasurePageFactory(parent=b, title="Geheimer Entwurf", live=False)
    return {
        "a": a,
        "b": b,
        "measure_a": MeasurePageFactory(parent=a, title="Vorlesepaten"),
        "measure_b": MeasurePageFactory(parent=b, title="Schnitzeljagd"),
        "draft_b": draft_b,
        "call_a": TaskSharePageFactory(parent=a, title="Lesesommer gemeinsam planen"),
        "admin_a": member("leitung@ahorn.example", a, role="admin"),
        "editor_a": member("team@ahorn.example", a),
        "editor_b": member("team@birke.example", b),
    }


def denied(response):
    """Wagtail answers a forbidden admin page with 403, or with a redirect away from it."""
    return response.status_code == 403 or (
        response.status_code == 302 and "/edit/" not in urlsplit(response["Location"]).path
    )
