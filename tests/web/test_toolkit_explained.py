"""What the toolkit results mean: the explanation page and tag, the facet's „Was bedeutet das?“, the profiles."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import RequestContext, Template
from django.test import RequestFactory

from bibnetz_wagtail.models import LibraryProfilePage, ToolkitResult

from ..factories import LibraryProfilePageFactory, MeasurePageFactory, ToolkitResultFactory

pytestmark = pytest.mark.django_db
TOOLKIT_URL = "/netzwerk/toolkit/"
SECRET_LIBRARY = "Stadtbücherei Verschwiegen"


@pytest.fixture
def terms(db):
    return {
        "dritter-ort": ToolkitResultFactory(
            slug="dritter-ort",
            name="Dritter Ort",
            description="Die Bibliothek wird zum Treffpunkt zwischen Zuhause und Arbeit.",
        ),
        "ehrenamt": ToolkitResultFactory(
            slug="ehrenamt", name="Ehrenamt einbinden", description="Ehrenamtliche gewinnen, einarbeiten und halten."
        ),
        "open-library": ToolkitResultFactory(slug="open-library", name="Open Library", description=""),
    }


@pytest.fixture
def toolkit_world(index_pages, terms):
    """A library that publishes its results, one that keeps them private, a measure with a result."""
    parent = index_pages["libraries"]
    public = LibraryProfilePageFactory(
        parent=parent,
        title="Gemeindebücherei Offen",
        toolkit_results_public=True,
        toolkit=[terms["dritter-ort"], terms["open-library"]],
    )
    private = LibraryProfilePageFactory(
        parent=parent, title=SECRET_LIBRARY, toolkit_results_public=False, toolkit=[terms["ehrenamt"]]
    )
    MeasurePageFactory(parent=public, title="Lesecafé", toolkit=[terms["dritter-ort"]])
    return {"public": public, "private": private}


def render(source):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return Template("{% load bibnetz_tags %}" + source).render(RequestContext(request, {}))


def term_names(html):
    return re.findall(r'class="bibnetz-toolkit__name">([^<]+)<', html)


# --- the tag and the page -------------------------------------------------------------------------------------


def test_tag_lists_every_result_with_its_description_in_the_vocabulary_order(toolkit_world):
    html = render("{% bibnetz_toolkit_explained %}")

    assert term_names(html) == ["Dritter Ort", "Ehrenamt einbinden", "Open Library"]
    assert "Die Bibliothek wird zum Treffpunkt zwischen Zuhause und Arbeit." in html
    assert 'id="bibnetz-toolkit-ehrenamt"' in html
    assert 'href="/massnahmen/?toolkit=ehrenamt"' in html and 'href="/bibliotheken/?toolkit=ehrenamt"' in html
    assert "Toolkit-Workshop" in html


def test_page_explains_the_toolkit_and_reveals_no_library(client, toolkit_world):
    response = client.get(TOOLKIT_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Das Toolkit" in html
    assert term_names(html) == ["Dritter Ort", "Ehrenamt einbinden", "Open Library"]
    assert SECRET_LIBRARY not in html and "Gemeindebücherei Offen" not in html


def test_page_without_any_result_says_so(client, db):
    html = client.get(TOOLKIT_URL).content.decode()

    assert "Das Netzwerk hat noch keine Toolkit-Ergebnisse beschrieben." in html


def test_tag_queries_do_not_grow_with_the_vocabulary(toolkit_world, django_assert_num_queries):
    ToolkitResultFactory.create_batch(10)
    # labels, descriptions, restricted paths, the three listing pages, site, site root paths
    with django_assert_num_queries(8):
        html = render("{% bibnetz_toolkit_explained %}")
    assert len(term_names(html)) == 13


# --- the facet ------------------------------------------------------------------------------------------------


def facet_help(html):
    match = re.search(r'<details class="bibnetz-facet-help"[^>]*>(.*?)</details>', html, re.S)
    return match.group(1) if match else None


def test_toolkit_facet_says_what_its_values_mean_without_hovering(client, toolkit_world):
    html = client.get("/massnahmen/").content.decode()

    help_html = facet_help(html)
    assert "Was bedeutet das?" in help_html
    assert "<dt>Dritter Ort</dt><dd>Die Bibliothek wird zum Treffpunkt zwischen Zuhause und Arbeit.</dd>" in help_html
    assert f'href="{TOOLKIT_URL}"' in help_html


def test_library_facet_explains_only_published_results(client, toolkit_world):
    help_html = facet_help(client.get("/bibliotheken/").content.decode())

    assert "Dritter Ort" in help_html
    assert "Ehrenamt" not in help_html  # only the private library has it: no facet value, no explanation


def test_facet_descriptions_come_from_the_vocabulary_cache(client, toolkit_world):
    client.get("/massnahmen/")
    # An update() sends no signal: the cached description stays until it expires or the term is saved.
    ToolkitResult.objects.filter(slug="dritter-ort").update(description="Geändert, aber noch im Zwischenspeicher.")

    html = client.get("/massnahmen/").content.decode()

    assert "Die Bibliothek wird zum Treffpunkt" in facet_help(html)


def test_saving_a_result_refreshes_its_description(client, toolkit_world):
    client.get("/massnahmen/")
    term = ToolkitResult.objects.get(slug="dritter-ort")
    term.description = "Ein Ort zum Bleiben."
    term.save()

    assert "<dd>Ein Ort zum Bleiben.</dd>" in facet_help(client.get("/massnahmen/").content.decode())


# --- the profile ----------------------------------------------------------------------------------------------


def test_profile_shows_the_descriptions_and_links_to_the_explanation(client, toolkit_world):
    html = client.get(toolkit_world["public"].url).content.decode()

    assert "<dt>Dritter Ort</dt><dd>Die Bibliothek wird zum Treffpunkt zwischen Zuhause und Arbeit.</dd>" in html
    assert 'title="Die Bibliothek' not in html
    assert f'<a href="{TOOLKIT_URL}">Was ist das Toolkit?</a>' in html


def test_private_results_stay_off_the_profile(client, toolkit_world):
    html = client.get(LibraryProfilePage.objects.get(title=SECRET_LIBRARY).url).content.decode()

    assert "Ehrenamt einbinden" not in html and "Ehrenamtliche gewinnen" not in html
