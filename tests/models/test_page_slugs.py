"""Pages created in the Wagtail admin publish without a typed slug, and get German ASCII slugs."""

import pytest
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from bibnetz_wagtail.models import LibraryProfilePage, MeasurePage, TaskSharePage

from ..factories import LibraryProfilePageFactory, MeasurePageFactory

pytestmark = pytest.mark.django_db

PUBLISH = {
    "comments": inline_formset([]),
    "action-publish": "action-publish",
    "seo_title": "",
    "search_description": "",
}


@pytest.fixture
def library(index_pages):
    return LibraryProfilePageFactory(parent=index_pages["libraries"], slug="gemeindebibliothek")


def profile_data(**overrides):
    """What the profile editor posts when JavaScript did not fill the slug."""
    data = {
        "title": "Bücherei Groß Köris",
        "slug": "",
        "municipality": "Groß Köris",
        "postal_code": "15746",
        "state": "BB",
        "library_type": "municipal",
        "description": rich_text(""),
        "website": "",
        "population": "2400",
        "floor_area_m2": "120",
        "staff_fte": "1.0",
        "toolkit_results": "",
        "contact_person": "",
        "contact_email": "",
        "contact_phone": "",
        **PUBLISH,
    }
    return nested_form_data({**data, **overrides})


def content_data(kind, **overrides):
    """What the measure or call editor posts without a slug."""
    data = {
        "title": "Lesefüchse für Groß und Klein",
        "slug": "",
        "summary": "Vorlesen mit Ehrenamtlichen.",
        "body": streamfield([]),
        "toolkit_results": "",
        "status": "established" if kind == "measure" else "open",
        **PUBLISH,
    }
    if kind == "measure":
        data.update(cost="low", effort="medium", outcome="", date_implemented="")
    else:
        data.update(task_kind="event", partners_wanted="2", deadline="")
    return nested_form_data({**data, **overrides})


def add_url(model_name, parent):
    return f"/admin/pages/add/bibnetz_wagtail/{model_name}/{parent.pk}/"


def test_profile_without_a_slug_is_published_with_a_german_slug(admin_client, index_pages):
    response = admin_client.post(add_url("libraryprofilepage", index_pages["libraries"]), profile_data())
    assert response.status_code == 302, response.context["form"].errors
    profile = LibraryProfilePage.objects.get()
    assert profile.live and profile.slug == "buecherei-gross-koeris"
    assert profile.url == "/bibliotheken/buecherei-gross-koeris/"


@pytest.mark.parametrize(
    "kind, model_name, model", [("measure", "measurepage", MeasurePage), ("task", "tasksharepage", TaskSharePage)]
)
def test_content_without_a_slug_is_published_with_a_german_slug(admin_client, library, kind, model_name, model):
    response = admin_client.post(add_url(model_name, library), content_data(kind))
    assert response.status_code == 302, response.context["form"].errors
    page = model.objects.get()
    assert page.live and page.slug == "lesefuechse-fuer-gross-und-klein"


def test_unicode_slug_from_the_editors_script_is_transliterated(admin_client, index_pages):
    """Wagtail's script fills the slug with the title's letters as they are (WAGTAIL_ALLOW_UNICODE_SLUGS)."""
    data = profile_data(slug="bücherei-groß-köris")
    assert admin_client.post(add_url("libraryprofilepage", index_pages["libraries"]), data).status_code == 302
    assert LibraryProfilePage.objects.get().slug == "buecherei-gross-koeris"


def test_a_taken_slug_gets_a_number(admin_client, library):
    MeasurePageFactory(parent=library, title="Lesefüchse", slug="lesefuechse-fuer-gross-und-klein")
    assert admin_client.post(add_url("measurepage", library), content_data("measure")).status_code == 302
    assert MeasurePage.objects.filter(slug="lesefuechse-fuer-gross-und-klein-2").exists()


def test_a_typed_slug_is_kept(admin_client, library):
    assert (
        admin_client.post(add_url("measurepage", library), content_data("measure", slug="vorlesen")).status_code == 302
    )
    assert MeasurePage.objects.get().slug == "vorlesen"


def test_a_published_page_keeps_its_slug(admin_client, library):
    """Changing the address of a live page would break links to it, so an edit keeps the slug as given."""
    Page.objects.filter(pk=library.pk).update(slug="bücherei")
    data = profile_data(title=library.title, slug="bücherei", municipality=library.municipality)
    response = admin_client.post(f"/admin/pages/{library.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    assert Page.objects.get(pk=library.pk).slug == "bücherei"


def test_a_title_without_letters_asks_for_a_slug(admin_client, index_pages):
    response = admin_client.post(add_url("libraryprofilepage", index_pages["libraries"]), profile_data(title="?!"))
    assert response.status_code == 200
    with translation.override("de"):
        assert [str(error) for error in response.context["form"].errors["slug"]] == [
            "Aus dem Titel lässt sich keine Adresse bilden: Bitte geben Sie einen Kurztitel ein."
        ]
    assert 'value="?!"' in response.content.decode()
    assert not LibraryProfilePage.objects.exists()


def test_pages_created_in_code_get_the_german_slug_too(index_pages, library):
    profile = LibraryProfilePage(
        title="Bücherei Groß Köris",
        municipality="Groß Köris",
        state="BB",
        population=2400,
        floor_area_m2=120,
        staff_fte=1,
    )
    index_pages["libraries"].add_child(instance=profile)
    measure = library.add_child(instance=MeasurePage(title="Lesefüchse", summary="Vorlesen."))
    assert (profile.slug, measure.slug) == ("buecherei-gross-koeris", "lesefuechse")
