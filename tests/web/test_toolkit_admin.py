"""The toolkit field in the page editor: a checkbox list of the curated vocabulary, saved through the real edit view."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from bibnetz_wagtail.models import LibraryProfilePage, MeasurePage, TaskSharePage, ToolkitResult

from ..factories import LibraryProfilePageFactory, MeasurePageFactory, TaskSharePageFactory, ToolkitResultFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("chefin", "chefin@verband.example", "Ein-langes-Passwort-1")
    client.force_login(user)
    return client


@pytest.fixture
def terms(db):
    return [
        ToolkitResultFactory(
            slug="dritter-ort", name="Dritter Ort", description="Ein Treffpunkt zwischen Zuhause und Arbeit."
        ),
        ToolkitResultFactory(slug="ehrenamt", name="Ehrenamt einbinden"),
        ToolkitResultFactory(slug="open-library", name="Open Library"),
    ]


@pytest.fixture
def pages(index_pages, terms):
    library = LibraryProfilePageFactory(
        parent=index_pages["libraries"], title="Gemeindebücherei Musterdorf", slug="musterdorf"
    )
    return {
        "library": library,
        "measure": MeasurePageFactory(parent=library, title="Lesecafé", slug="lesecafe", toolkit=[terms[1]]),
        "task": TaskSharePageFactory(parent=library, title="Lesesommer", slug="lesesommer"),
    }


def common(page):
    return {
        "title": page.title,
        "slug": page.slug,
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }


def library_form(page):
    return {
        **common(page),
        "municipality": "Musterdorf",
        "postal_code": "84028",
        "state": "BY",
        "library_type": "municipal",
        "description": rich_text("<p>Klein.</p>"),
        "website": "",
        "population": "4200",
        "floor_area_m2": "180",
        "staff_fte": "1.75",
        "toolkit_results_public": "on",
        "contact_person": "",
        "contact_email": "",
        "contact_phone": "",
    }


def measure_form(page):
    return {
        **common(page),
        "summary": "Kaffee und Bücher.",
        "body": streamfield([]),
        "status": "established",
        "cost": "low",
        "effort": "low",
        "outcome": "",
        "date_implemented": "",
    }


def task_form(page):
    return {
        **common(page),
        "summary": "Gemeinsam planen.",
        "body": streamfield([]),
        "task_kind": page.task_kind,
        "status": page.status,
        "deadline": "",
        "partners_wanted": str(page.partners_wanted),
    }


FORMS = {"library": library_form, "measure": measure_form, "task": task_form}
MODELS = {"library": LibraryProfilePage, "measure": MeasurePage, "task": TaskSharePage}


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def post(client, kind, page, toolkit):
    """The editor's POST with the ticked ``toolkit`` slugs (a repeated field, as the checkboxes send it)."""
    data = nested_form_data(FORMS[kind](page))
    data["toolkit_results"] = toolkit
    return client.post(edit_url(page), data)


@pytest.mark.parametrize("kind", ["library", "measure", "task"])
def test_the_editor_offers_the_vocabulary_as_checkboxes_with_descriptions(admin_client, pages, kind):
    html = admin_client.get(edit_url(pages[kind])).content.decode()

    for slug in ("dritter-ort", "ehrenamt", "open-library"):
        assert f'type="checkbox" name="toolkit_results" value="{slug}"' in html
    assert "Ein Treffpunkt zwischen Zuhause und Arbeit." in html
    assert 'data-controller="w-tag"' not in html


@pytest.mark.parametrize("kind", ["library", "measure", "task"])
def test_saving_ticked_checkboxes_stores_exactly_those_results(admin_client, pages, kind):
    page = pages[kind]
    response = post(admin_client, kind, page, ["dritter-ort", "open-library"])

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    saved = MODELS[kind].objects.get(pk=page.pk)
    assert sorted(saved.toolkit_results.values_list("slug", flat=True)) == ["dritter-ort", "open-library"]
    assert sorted(saved.get_latest_revision_as_object().toolkit_results.values_list("slug", flat=True)) == [
        "dritter-ort",
        "open-library",
    ]


def test_ticking_nothing_removes_every_result(admin_client, pages):
    page = pages["measure"]

    response = post(admin_client, "measure", page, "")

    assert response.status_code == 302
    assert not MeasurePage.objects.get(pk=page.pk).toolkit_results.exists()


@pytest.mark.parametrize("unknown", ["Neues Ergebnis", "dritter-ort, ehrenamt"])
def test_an_unknown_free_tag_is_refused_with_a_message_not_dropped(admin_client, pages, unknown):
    page = pages["measure"]

    response = post(admin_client, "measure", page, ["dritter-ort", unknown])

    assert response.status_code == 200
    errors = response.context["form"].errors["toolkit_results"]
    assert errors == [f"„{unknown}“ ist kein Toolkit-Ergebnis des Netzwerks. Bitte wählen Sie aus der Liste."]
    assert list(MeasurePage.objects.get(pk=page.pk).toolkit_results.values_list("slug", flat=True)) == ["ehrenamt"]
    assert not ToolkitResult.objects.filter(name=unknown).exists()
