"""The admin: the "Library network" screens, the page editors, the page tree rules and the checks."""

import re
from decimal import Decimal
from html import unescape
from io import StringIO

import pytest
from django.apps import apps
from django.core import checks
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from bibnetz_wagtail.checks import check_admin_screens
from bibnetz_wagtail.contrib.modeladmin.checks import check_modeladmin_installed
from bibnetz_wagtail.models import (
    LibraryIndexPage,
    LibraryProfilePage,
    MeasureIndexPage,
    MeasurePage,
    Participation,
    TaskShareIndexPage,
    TaskSharePage,
    ToolkitResult,
    Topic,
)

from ..factories import (
    LibraryProfilePageFactory,
    MeasurePageFactory,
    ParticipationFactory,
    TargetGroupFactory,
    TaskSharePageFactory,
    ToolkitResultFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

VOCABULARIES = {
    "toolkitresult": ToolkitResultFactory,
    "topic": TopicFactory,
    "targetgroup": TargetGroupFactory,
}
TAB_LABEL = re.compile(r'role="tab"[^>]*>\s*([^<]+?)\s*<')
PROFILE_TABS = ("Profile", "Key figures", "Toolkit", "Contact")
CONTENT_TABS = ("Content", "Classification", "Effort & impact")


@pytest.fixture(autouse=True)
def english_admin(admin_user):
    """The admin in English, so that the tab headings are checked against the msgids."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_user


@pytest.fixture
def tree(index_pages):
    """The three index pages, and one library with a measure and a call below it."""
    library = LibraryProfilePageFactory(parent=index_pages["libraries"])
    return {
        **index_pages,
        "root": Site.objects.get(is_default_site=True).root_page,
        "library": library,
        "measure": MeasurePageFactory(parent=library),
        "task": TaskSharePageFactory(parent=library),
    }


@pytest.fixture
def participation(tree):
    """A second library asking to join the first library's call."""
    other = LibraryProfilePageFactory(parent=tree["libraries"], title="Stadtbücherei Nebenan")
    return ParticipationFactory(task=tree["task"], library=other, message="Wir sind dabei!")


def admin_url(model_name, action, *args):
    """The URL of a wagtail-modeladmin view of one of the package's models."""
    return reverse(f"bibnetz_wagtail_{model_name}_modeladmin_{action}", args=args)


def listed(response):
    """The objects on the current page of a modeladmin index view."""
    return list(response.context["object_list"])


def tab_labels(response):
    """The labels of the editor's tabs, in order."""
    return [unescape(label) for label in TAB_LABEL.findall(response.content.decode())]


# --- The "Library network" screens --------------------------------------------------------------


def test_menu_group_lists_the_screens(admin_client):
    response = admin_client.get(admin_url("topic", "index"))
    content = response.content.decode()
    assert "Library network" in content
    for label in ("Toolkit results", "Topics", "Target groups", "Participations"):
        assert label in content


@pytest.mark.parametrize("model_name", [*VOCABULARIES, "participation"])
def test_index_view_loads(admin_client, participation, model_name):
    assert admin_client.get(admin_url(model_name, "index")).status_code == 200


@pytest.mark.parametrize("model_name", VOCABULARIES)
def test_vocabulary_create_and_edit_views_load(admin_client, model_name):
    term = VOCABULARIES[model_name]()
    assert admin_client.get(admin_url(model_name, "create")).status_code == 200
    response = admin_client.get(admin_url(model_name, "edit", term.pk))
    assert response.status_code == 200
    assert term.name in response.content.decode()


def test_create_topic_through_the_form(admin_client):
    data = {"name": "Leseförderung", "slug": "", "description": "Lust aufs Lesen wecken.", "sort_order": "3"}
    response = admin_client.post(admin_url("topic", "create"), data)
    assert response.status_code == 302
    topic = Topic.objects.get(name="Leseförderung")
    assert topic.slug == "lesefoerderung"
    assert topic.sort_order == 3

    found = listed(admin_client.get(admin_url("topic", "index"), {"q": "förder"}))
    assert found == [topic]
    assert listed(admin_client.get(admin_url("topic", "index"), {"q": "Raumfahrt"})) == []


def test_create_toolkit_result_keeps_the_given_slug(admin_client):
    data = {"name": "Zielbild 2030", "slug": "zielbild", "description": "Wohin die Bibliothek will."}
    assert admin_client.post(admin_url("toolkitresult", "create"), data).status_code == 302
    assert ToolkitResult.objects.get(slug="zielbild").description == "Wohin die Bibliothek will."


def test_duplicate_slug_is_a_field_error(admin_client):
    TopicFactory(name="Digitales", slug="digitales")
    data = {"name": "Digitale Bildung", "slug": "digitales", "description": "", "sort_order": "0"}
    response = admin_client.post(admin_url("topic", "create"), data)
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert not Topic.objects.filter(name="Digitale Bildung").exists()


def test_name_without_letters_needs_a_slug(admin_client):
    response = admin_client.post(admin_url("targetgroup", "create"), {"name": "?!", "slug": "", "sort_order": "0"})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["slug"]


def test_edit_topic_through_the_form(admin_client):
    topic = TopicFactory(name="Makerspace", slug="makerspace")
    data = {"name": "Makerspace & Technik", "slug": "makerspace", "description": "3D-Druck", "sort_order": "7"}
    assert admin_client.post(admin_url("topic", "edit", topic.pk), data).status_code == 302
    topic.refresh_from_db()
    assert (topic.name, topic.slug, topic.sort_order) == ("Makerspace & Technik", "makerspace", 7)


def test_search_matches_description(admin_client):
    ToolkitResultFactory(name="Leitbild", description="Das Selbstverständnis der Bibliothek")
    ToolkitResultFactory(name="Zielgruppenanalyse", description="Wer kommt, wer fehlt")
    found = listed(admin_client.get(admin_url("toolkitresult", "index"), {"q": "Selbstverständnis"}))
    assert [result.name for result in found] == ["Leitbild"]


def test_usage_counts_and_ordering_by_them(admin_client, tree):
    busy, quiet = TopicFactory(name="A busy"), TopicFactory(name="B quiet")
    TopicFactory(name="C unused")
    MeasurePageFactory(parent=tree["library"], topics=[busy, quiet])
    MeasurePageFactory(parent=tree["library"], topics=[busy])
    TaskSharePageFactory(parent=tree["library"], topics=[busy])

    default = listed(admin_client.get(admin_url("topic", "index")))
    assert [(t.name, t.measure_count, t.task_count) for t in default] == [
        ("A busy", 2, 1),
        ("B quiet", 1, 0),
        ("C unused", 0, 0),
    ]
    # list_display of topics: name, slug, sort_order, measure_count, task_count.
    by_measures = listed(admin_client.get(admin_url("topic", "index"), {"o": "3"}))
    assert [t.name for t in by_measures] == ["C unused", "B quiet", "A busy"]
    by_name_desc = listed(admin_client.get(admin_url("topic", "index"), {"o": "-0"}))
    assert [t.name for t in by_name_desc] == ["C unused", "B quiet", "A busy"]


def test_toolkit_result_counts_profiles_measures_and_calls(admin_client, tree):
    result = ToolkitResultFactory()
    LibraryProfilePageFactory(parent=tree["libraries"], toolkit=[result])
    MeasurePageFactory(parent=tree["library"], toolkit=[result])
    MeasurePageFactory(parent=tree["library"], toolkit=[result])
    TaskSharePageFactory(parent=tree["library"], toolkit=[result])
    [row] = listed(admin_client.get(admin_url("toolkitresult", "index")))
    assert (row.profile_count, row.measure_count, row.task_count) == (1, 2, 1)


def test_index_query_count_does_not_grow_with_the_terms(admin_client, tree):
    def queries_for_index():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(admin_url("toolkitresult", "index")).status_code == 200
        return len(captured)

    MeasurePageFactory(parent=tree["library"], toolkit=[ToolkitResultFactory()])
    few = queries_for_index()
    MeasurePageFactory(parent=tree["library"], toolkit=[ToolkitResultFactory() for _ in range(6)])
    assert queries_for_index() == few


def test_term_in_use_cannot_be_deleted(admin_client, tree):
    topic = TopicFactory()
    measure = MeasurePageFactory(parent=tree["library"], title="Lesesommer", topics=[topic])

    response = admin_client.get(admin_url("topic", "delete", topic.pk))
    assert response.status_code == 200
    assert "could not be deleted" in response.content.decode()
    assert measure.title in response.content.decode()

    response = admin_client.post(admin_url("topic", "delete", topic.pk))
    assert response.status_code == 200
    assert Topic.objects.filter(pk=topic.pk).exists()


def test_unused_term_can_be_deleted(admin_client):
    result = ToolkitResultFactory()
    response = admin_client.get(admin_url("toolkitresult", "delete", result.pk))
    assert "Yes, delete" in response.content.decode()
    assert admin_client.post(admin_url("toolkitresult", "delete", result.pk)).status_code == 302
    assert not ToolkitResult.objects.filter(pk=result.pk).exists()


@pytest.mark.parametrize(
    "query",
    [
        {"state": "requested"},
        {"state__exact": "accepted"},
        {"q": "Nebenan"},
        {"q": "dabei"},
        {"o": "-3"},
    ],
)
def test_participation_index_filters_and_search(admin_client, participation, query):
    response = admin_client.get(admin_url("participation", "index"), query)
    assert response.status_code == 200


def test_participation_filters_by_call_and_library(admin_client, participation, tree):
    url = admin_url("participation", "index")
    assert listed(admin_client.get(url, {"task__id__exact": tree["task"].pk})) == [participation]
    assert listed(admin_client.get(url, {"library__id__exact": tree["library"].pk})) == []
    assert listed(admin_client.get(url, {"state__exact": "requested"})) == [participation]
    assert listed(admin_client.get(url, {"state__exact": "declined"})) == []
    assert listed(admin_client.get(url, {"q": "Nebenan"})) == [participation]


def test_participations_are_read_mostly(admin_client, participation):
    assert admin_client.get(admin_url("participation", "index")).context["user_can_create"] is False
    # Wagtail answers a permission denial in the admin with a redirect to the dashboard.
    assert admin_client.get(admin_url("participation", "create")).status_code in (302, 403)
    assert admin_client.post(admin_url("participation", "create"), {"state": "accepted"}).status_code in (302, 403)
    assert Participation.objects.count() == 1
    assert admin_client.get(admin_url("participation", "inspect", participation.pk)).status_code == 200
    assert admin_client.get(admin_url("participation", "edit", participation.pk)).status_code == 200

    response = admin_client.post(
        admin_url("participation", "edit", participation.pk), {"state": "accepted", "message": "geändert"}
    )
    assert response.status_code == 302
    participation.refresh_from_db()
    assert participation.state == "accepted"
    assert participation.message == "Wir sind dabei!"  # read-only in the form


# --- Page editors ---------------------------------------------------------------------------------


ADD_VIEWS = [
    ("libraryindexpage", "root", ("Content", "Promote")),
    ("measureindexpage", "root", ("Content", "Promote")),
    ("taskshareindexpage", "root", ("Content", "Promote")),
    ("libraryprofilepage", "libraries", PROFILE_TABS),
    ("measurepage", "library", CONTENT_TABS),
    ("tasksharepage", "library", CONTENT_TABS),
]


@pytest.mark.parametrize("model_name, parent, tabs", ADD_VIEWS)
def test_page_add_view_renders_its_tabs(admin_client, tree, model_name, parent, tabs):
    url = f"/admin/pages/add/bibnetz_wagtail/{model_name}/{tree[parent].pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert tab_labels(response)[: len(tabs)] == list(tabs)


@pytest.mark.parametrize(
    "page, tabs",
    [
        ("libraries", ("Content", "Promote")),
        ("measures", ("Content", "Promote")),
        ("tasks", ("Content", "Promote")),
        ("library", PROFILE_TABS),
        ("measure", CONTENT_TABS),
        ("task", CONTENT_TABS),
    ],
)
def test_page_edit_view_renders_its_tabs(admin_client, tree, page, tabs):
    response = admin_client.get(f"/admin/pages/{tree[page].pk}/edit/")
    assert response.status_code == 200
    assert tab_labels(response)[: len(tabs)] == list(tabs)


def profile_form_data(**overrides):
    """A complete, valid POST body for the library profile editor."""
    data = {
        "title": "Gemeindebücherei Musterdorf",
        "slug": "musterdorf",
        "municipality": "Musterdorf",
        "postal_code": "84028",
        "state": "BY",
        "library_type": "municipal",
        "description": rich_text("<p>Klein, aber oho.</p>"),
        "website": "",
        "population": "4200",
        "floor_area_m2": "180",
        "staff_fte": "1.75",
        "toolkit_results": "",
        "contact_person": "",
        "contact_email": "",
        "contact_phone": "",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_create_library_profile_through_the_admin(admin_client, tree):
    url = f"/admin/pages/add/bibnetz_wagtail/libraryprofilepage/{tree['libraries'].pk}/"
    response = admin_client.post(url, profile_form_data())
    assert response.status_code == 302
    profile = LibraryProfilePage.objects.get(slug="musterdorf")
    assert profile.get_parent().pk == tree["libraries"].pk
    assert (profile.population, profile.floor_area_m2, profile.staff_fte) == (4200, 180, Decimal("1.75"))
    assert profile.live


@pytest.mark.parametrize(
    "field, value",
    [("population", "0"), ("floor_area_m2", "0"), ("staff_fte", "-1"), ("staff_fte", "1.234")],
)
def test_bad_library_figures_are_rejected_with_field_errors(admin_client, tree, field, value):
    url = f"/admin/pages/add/bibnetz_wagtail/libraryprofilepage/{tree['libraries'].pk}/"
    response = admin_client.post(url, profile_form_data(**{field: value}))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    with translation.override("en"):  # the messages are lazy; the editor was rendered in English
        for message in errors[field]:
            assert escape(message) in response.content.decode()
    assert not LibraryProfilePage.objects.filter(slug="musterdorf").exists()


# --- Page tree rules -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "model, parent, allowed",
    [
        (LibraryProfilePage, "libraries", True),
        (LibraryProfilePage, "root", False),
        (LibraryProfilePage, "measures", False),
        (LibraryProfilePage, "library", False),
        (MeasurePage, "library", True),
        (MeasurePage, "libraries", False),
        (MeasurePage, "measures", False),
        (MeasurePage, "measure", False),
        (TaskSharePage, "library", True),
        (TaskSharePage, "tasks", False),
        (TaskSharePage, "task", False),
        (LibraryIndexPage, "root", True),
        (LibraryIndexPage, "library", False),
        (MeasureIndexPage, "libraries", False),
        (TaskShareIndexPage, "measures", False),
    ],
)
def test_can_create_at(tree, model, parent, allowed):
    assert model.can_create_at(tree[parent]) is allowed


@pytest.mark.parametrize(
    "model, children",
    [
        (LibraryIndexPage, {LibraryProfilePage}),
        (LibraryProfilePage, {MeasurePage, TaskSharePage}),
        (MeasureIndexPage, set()),
        (TaskShareIndexPage, set()),
        (MeasurePage, set()),
        (TaskSharePage, set()),
    ],
)
def test_allowed_subpage_models(model, children):
    assert set(model.allowed_subpage_models()) == children


@pytest.mark.parametrize(
    "model_name, parent",
    [
        ("libraryprofilepage", "root"),
        ("libraryprofilepage", "measures"),
        ("libraryprofilepage", "library"),
        ("measurepage", "libraries"),
        ("measurepage", "measures"),
        ("measurepage", "measure"),
        ("tasksharepage", "tasks"),
        ("tasksharepage", "libraries"),
        ("measureindexpage", "libraries"),
    ],
)
def test_admin_refuses_wrong_parent(admin_client, tree, model_name, parent):
    response = admin_client.get(f"/admin/pages/add/bibnetz_wagtail/{model_name}/{tree[parent].pk}/")
    assert response.status_code in (302, 403, 404)


def test_add_subpage_offers_only_allowed_types(admin_client, tree):
    response = admin_client.get(f"/admin/pages/{tree['library'].pk}/add_subpage/")
    assert response.status_code == 200
    offered = {model for model in Page.allowed_subpage_models() if model._meta.app_label == "bibnetz_wagtail"}
    content = response.content.decode()
    for model in offered:
        shown = f"/bibnetz_wagtail/{model._meta.model_name}/" in content
        assert shown is (model in (MeasurePage, TaskSharePage))


# --- Model validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [
        ("population", 0),
        ("floor_area_m2", 0),
        ("staff_fte", Decimal("-1")),
        ("staff_fte", Decimal("1.234")),
    ],
)
def test_full_clean_rejects_bad_figures_on_the_right_field(index_pages, field, value):
    library = LibraryProfilePageFactory()
    setattr(library, field, value)
    with pytest.raises(ValidationError) as excinfo:
        library.full_clean()
    assert set(excinfo.value.message_dict) == {field}


@pytest.mark.parametrize(
    "population, area, fte", [(1, 1, Decimal("0")), (500, 40, Decimal("0.5")), (8000, 250, Decimal("1.20"))]
)
def test_full_clean_accepts_good_figures(index_pages, population, area, fte):
    library = LibraryProfilePageFactory(population=population, floor_area_m2=area, staff_fte=fte)
    library.full_clean()


# --- Project checks ------------------------------------------------------------------------------


def test_system_checks_pass():
    call_command("check", stdout=StringIO())


def test_screens_app_without_wagtail_modeladmin_is_an_error(monkeypatch):
    assert check_modeladmin_installed in checks.registry.registry.get_checks()
    assert check_modeladmin_installed(None) == []
    monkeypatch.setattr(apps, "is_installed", lambda name: name != "wagtail_modeladmin")
    [error] = check_modeladmin_installed(None)
    assert error.id == "bibnetz_wagtail_modeladmin.E001"
    assert "pip install bibnetz-wagtail[modeladmin]" in error.hint


def test_wagtail_modeladmin_without_the_screens_app_is_a_warning(monkeypatch):
    """A site set up before the screens became an app of their own lists only wagtail_modeladmin."""
    assert check_admin_screens(None) == []
    monkeypatch.setattr(apps, "is_installed", lambda name: name != "bibnetz_wagtail.contrib.modeladmin")
    [warning] = check_admin_screens(None)
    assert warning.id == "bibnetz_wagtail.W001" and "'bibnetz_wagtail.contrib.modeladmin'" in warning.hint
    # Leaving out both is a choice, not a mistake.
    optional = ("bibnetz_wagtail.contrib.modeladmin", "wagtail_modeladmin")
    monkeypatch.setattr(apps, "is_installed", lambda name: name not in optional)
    assert check_admin_screens(None) == []


def test_no_missing_migrations():
    call_command("makemigrations", check=True, dry_run=True, stdout=StringIO())
