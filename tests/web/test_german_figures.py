"""German figures wherever figures are typed: the listing's comparison, the join form and the admin's editor.
An unreadable figure keeps its text and gets its error beside the field; the listing stays on the page."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from bibnetz_wagtail.models import LibraryProfilePage

from ..helpers import text_of
from .test_admin import profile_form_data, tree  # noqa: F401 (tree is a fixture)
from .test_join import JOIN_URL, join_data

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def ranked_ids(client, querystring):
    response = client.get(f"/massnahmen/?format=json&{querystring}")
    assert response.status_code == 200, response.content
    return [(result["id"], round(result["likeness"], 9)) for result in response.json()["results"]]


class TestListing:
    @pytest.mark.parametrize("typed", ["8.000", "8 000", "8\u00a0000", "8\u202f000", "8000"])
    def test_german_figures_rank_like_plain_ones(self, client, served_by, world, typed):
        plain = ranked_ids(client, "like_population=8000&like_fte=2.5")
        assert ranked_ids(client, f"like_population={typed}&like_fte=2,5") == plain

    def test_a_bad_figure_keeps_its_text_and_the_results(self, client, served_by, world):
        response = client.get("/massnahmen/?like_population=acht+tausend&like_area=250&topic=lesen")
        assert response.status_code == 200
        page = soup(response)
        field = page.select_one("#bibnetz-like-population-field")
        assert "has-error" in field["class"]
        assert field.select_one("input")["value"] == "acht tausend"
        assert field.select_one("input")["aria-invalid"] == "true"
        assert "bibnetz-like-population-error" in field.select_one("input")["aria-describedby"]
        assert text_of(field.select_one(".bibnetz-field-error")) == "Bitte geben Sie eine Zahl ein, z. B. 8.000."
        assert page.select_one("details.bibnetz-compare").has_attr("open")
        # The readable figure still ranks, the filter still applies, and both results are listed.
        titles = [text_of(title) for title in page.select(".bibnetz-card__title")]
        assert sorted(titles) == ["Tablet-Sprechstunde", "Vorlesepaten für Kitas"]
        assert page.select(".bibnetz-likeness")
        chips = [text_of(chip) for chip in page.select(".bibnetz-chip")]
        assert any(chip.startswith("Vergleich mit Ihren Angaben (250 m²)") for chip in chips)

    def test_the_bad_text_travels_with_the_other_forms(self, client, world):
        page = soup(client.get("/massnahmen/?like_fte=-2"))
        hidden = page.select('#bibnetz-search-form input[name="like_fte"]')
        assert [field["value"] for field in hidden] == ["-2"]
        error = page.select_one("#bibnetz-like-fte-field .bibnetz-field-error")
        assert text_of(error) == "Das Personal in Vollzeitäquivalenten darf nicht negativ sein."

    @pytest.mark.parametrize(
        "querystring, error",
        [
            ("like_population=99.000.000", "Einwohnerzahl: Die Einwohnerzahl kann höchstens 10.000.000 betragen."),
            ("like_area=1e9", "Fläche (m²): Bitte geben Sie eine Zahl ein, z. B. 250."),
            (
                "like_fte=2,755",
                "Personal (VZÄ): Bitte das Personal in Vollzeitäquivalenten mit höchstens zwei "
                "Nachkommastellen angeben, z. B. 2,75.",
            ),
        ],
    )
    def test_json_keeps_the_400_of_the_contract(self, client, world, querystring, error):
        response = client.get(f"/massnahmen/?format=json&{querystring}")
        assert response.status_code == 400
        assert response.json() == {"errors": [error]}

    def test_other_bad_input_still_answers_400(self, client, world):
        response = client.get("/massnahmen/?like_population=abc&page=0")
        assert response.status_code == 400
        assert "Bitte geben Sie eine Zahl ein" in response.content.decode()


class TestApplicationForm:
    def test_german_figures_are_read(self, client, db):
        from ..factories import LibraryIndexPageFactory

        LibraryIndexPageFactory()
        response = client.post(JOIN_URL, join_data(population="8.000", floor_area_m2="1 200", staff_fte="2.5"))
        assert response.status_code == 302, response.context["form"].errors
        library = LibraryProfilePage.objects.get()
        assert (library.population, library.floor_area_m2, library.staff_fte) == (8000, 1200, Decimal("2.5"))

    def test_a_bad_figure_keeps_its_text(self, client, db):
        from ..factories import LibraryIndexPageFactory

        LibraryIndexPageFactory()
        response = client.post(JOIN_URL, join_data(population="2,5", staff_fte="zwei"))
        assert response.status_code == 200
        form = response.context["form"]
        assert form.errors["population"] == ["Bitte geben Sie eine ganze Zahl ein, z. B. 8.000."]
        assert form.errors["staff_fte"] == ["Bitte geben Sie eine Zahl ein, z. B. 2,5."]
        page = soup(response)
        assert page.select_one('input[name="population"]')["value"] == "2,5"
        assert page.select_one('input[name="staff_fte"]')["value"] == "zwei"
        assert page.select_one('input[name="population"]')["inputmode"] == "numeric"
        assert page.select_one('input[name="staff_fte"]')["inputmode"] == "decimal"


class TestAdmin:
    def test_create_with_german_figures(self, admin_client, tree):  # noqa: F811
        url = f"/admin/pages/add/bibnetz_wagtail/libraryprofilepage/{tree['libraries'].pk}/"
        data = profile_form_data(population="12.500", floor_area_m2="1\u00a0250", staff_fte="2,75")
        assert admin_client.post(url, data).status_code == 302
        profile = LibraryProfilePage.objects.get(slug="musterdorf")
        assert (profile.population, profile.floor_area_m2, profile.staff_fte) == (12500, 1250, Decimal("2.75"))

    def test_edit_shows_the_figures_readably_and_reads_them_back(self, tree):  # noqa: F811
        from django.contrib.auth import get_user_model

        german_admin = get_user_model().objects.create_superuser("redaktion", "r@example.org", "Geheim-Passwort-1")
        client = Client()
        client.force_login(german_admin)
        library = tree["library"]
        library.population, library.staff_fte = 12500, Decimal("2.50")
        library.save_revision().publish()
        url = f"/admin/pages/{library.pk}/edit/"
        page = soup(client.get(url, HTTP_ACCEPT_LANGUAGE="de"))
        assert page.select_one('input[name="population"]')["value"] == "12.500"
        assert page.select_one('input[name="staff_fte"]')["value"] == "2,5"
        data = profile_form_data(slug=library.slug, population="12.500", floor_area_m2="250", staff_fte="2,5")
        assert client.post(url, data).status_code == 302
        library.refresh_from_db()
        assert (library.population, library.staff_fte) == (12500, Decimal("2.5"))

    def test_absurd_figure_is_a_field_error(self, admin_client, tree):  # noqa: F811
        url = f"/admin/pages/add/bibnetz_wagtail/libraryprofilepage/{tree['libraries'].pk}/"
        response = admin_client.post(url, profile_form_data(population="99.000.000"))
        assert response.status_code == 200
        assert list(response.context["form"].errors) == ["population"]
        assert 'value="99.000.000"' in response.content.decode()
