"""Detail pages link onwards: each term to its filtered listing, each partner library to its live profile."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bibnetz_wagtail.models import MeasureIndexPage, Membership, Participation, ParticipationState

from ..factories import (
    LibraryProfilePageFactory,
    MeasurePageFactory,
    TargetGroupFactory,
    TaskSharePageFactory,
    ToolkitResultFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def links(html):
    """``{link text: href}`` of every link in ``html``."""
    return {
        re.sub(r"<[^>]+>|\s+", " ", text).strip(): href
        for href, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)
    }


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.fixture
def library(index_pages):
    return LibraryProfilePageFactory(
        parent=index_pages["libraries"], title="Bücherei Groß Köris", toolkit_results_public=True
    )


def test_measure_terms_link_to_the_filtered_measure_listing(client, library):
    topic = TopicFactory(name="Leseförderung", slug="lesefoerderung")
    group = TargetGroupFactory(name="Kinder", slug="kinder")
    result = ToolkitResultFactory(name="Ehrenamt stärken", slug="ehrenamt-staerken")
    measure = MeasurePageFactory(parent=library, topics=[topic], target_groups=[group], toolkit=[result])
    found = links(client.get(measure.url).content.decode())
    assert found["Leseförderung"] == "/massnahmen/?topic=lesefoerderung"
    assert found["Kinder"] == "/massnahmen/?target_group=kinder"
    assert found["Ehrenamt stärken"] == "/massnahmen/?toolkit=ehrenamt-staerken"


def test_a_library_that_keeps_its_toolkit_results_private_shows_none_on_its_measures(client, library):
    library.toolkit_results_public = False
    library.save_revision().publish()
    result = ToolkitResultFactory(name="Ehrenamt stärken", slug="ehrenamt-staerken")
    measure = MeasurePageFactory(parent=library, toolkit=[result], title="Lesepaten")
    assert "Ehrenamt stärken" not in client.get(measure.url).content.decode()
    listing = client.get("/massnahmen/", {"format": "json", "q": "Lesepaten"}).json()
    assert [item["terms"]["toolkit"] for item in listing["results"]] == [[]]
    assert "ehrenamt-staerken" not in {value["value"] for value in listing["facets"]["toolkit"]}
    assert client.get("/massnahmen/", {"format": "json", "toolkit": "ehrenamt-staerken"}).json()["count"] == 0


def test_call_terms_link_to_the_filtered_call_listing(client, library):
    call = TaskSharePageFactory(parent=library, topics=[TopicFactory(name="Makerspace", slug="makerspace")])
    found = links(client.get(call.url).content.decode())
    assert found["Makerspace"] == "/aufgaben-teilen/?topic=makerspace"


def test_terms_stay_plain_text_without_a_listing_page(client, library):
    measure = MeasurePageFactory(parent=library, topics=[TopicFactory(name="Leseförderung", slug="lesefoerderung")])
    MeasureIndexPage.objects.get().unpublish()
    html = client.get(measure.url).content.decode()
    assert "Leseförderung" in html and "Leseförderung" not in links(html)


def test_term_links_cost_the_same_queries_for_one_term_or_many(client, library):
    one = MeasurePageFactory(parent=library, topics=[TopicFactory()], target_groups=[TargetGroupFactory()])
    many = MeasurePageFactory(
        parent=library,
        topics=[TopicFactory() for _ in range(4)],
        target_groups=[TargetGroupFactory() for _ in range(3)],
        toolkit=[ToolkitResultFactory() for _ in range(3)],
    )
    client.get(one.url)  # warm the per-process caches (site root paths, content types)
    assert queries_for(client, one.url)[0] == queries_for(client, many.url)[0]


def member_of(library, email):
    user = get_user_model().objects.create_user(username=email, email=email, password="geheim-und-lang-genug")
    Membership.objects.create(user=user, library=library, role="admin")
    return user


def accepted(call, library):
    return Participation.objects.create(task=call, library=library, state=ParticipationState.ACCEPTED, message="Gern!")


def test_accepted_partners_link_to_their_live_profile(index_pages, library):
    call = TaskSharePageFactory(parent=library, partners_wanted=3)
    live = LibraryProfilePageFactory(parent=index_pages["libraries"], title="Stadtbücherei Teupitz")
    draft = LibraryProfilePageFactory(parent=index_pages["libraries"], title="Gemeindebibliothek Halbe", live=False)
    accepted(call, live), accepted(call, draft)
    client = Client()
    client.force_login(member_of(library, "leitung@koeris.example"))
    found = links(client.get(call.url).content.decode())
    assert found["Stadtbücherei Teupitz"] == live.url
    assert "Gemeindebibliothek Halbe" not in found


def test_partner_links_cost_the_same_queries_for_one_partner_or_many(index_pages, library):
    one, many = (
        TaskSharePageFactory(parent=library, partners_wanted=5),
        TaskSharePageFactory(parent=library, partners_wanted=5),
    )
    accepted(one, LibraryProfilePageFactory(parent=index_pages["libraries"]))
    for _ in range(4):
        accepted(many, LibraryProfilePageFactory(parent=index_pages["libraries"]))
    client = Client()
    client.force_login(member_of(library, "leitung@koeris.example"))
    client.get(one.url)
    assert queries_for(client, one.url)[0] == queries_for(client, many.url)[0]
