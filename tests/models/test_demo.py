"""The ``bibnetz_demo`` command: deterministic, idempotent, resettable demo content in a sound page tree."""

import math
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.test import RequestFactory
from wagtail.models import Page, Site

from bibnetz_wagtail.conf import DEFAULT_BANDS
from bibnetz_wagtail.demo.vocabulary import TARGET_GROUPS, TOOLKIT_RESULTS, TOPICS
from bibnetz_wagtail.models import (
    FederalState,
    LibraryIndexPage,
    LibraryProfilePage,
    MeasureIndexPage,
    MeasurePage,
    Participation,
    TargetGroup,
    TaskShareIndexPage,
    TaskSharePage,
    ToolkitResult,
    Topic,
)
from bibnetz_wagtail.models.content import stream_text

pytestmark = pytest.mark.django_db

SMALL = {"libraries": 24, "measures": 72, "tasks": 12}


def demo(**options):
    """Run the command quietly; return what it wrote to stdout."""
    stdout = StringIO()
    call_command("bibnetz_demo", **{**SMALL, **options}, stdout=stdout, stderr=StringIO())
    return stdout.getvalue()


def snapshot():
    """Titles and figures of all demo content, in tree order."""
    libraries = list(
        LibraryProfilePage.objects.order_by("path").values_list(
            "title", "municipality", "postal_code", "state", "population", "floor_area_m2", "staff_fte"
        )
    )
    measures = list(MeasurePage.objects.order_by("path").values_list("title", "summary", "status", "cost"))
    tasks = list(TaskSharePage.objects.order_by("path").values_list("title", "deadline", "status"))
    return libraries, measures, tasks


def band_of(population):
    for band in DEFAULT_BANDS["population"]:
        low, _dash, high = band.partition("-")
        if population >= int(low) and (not high or population < int(high)):
            return band
    raise AssertionError(population)


def correlation(xs, ys):
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
    return cov / math.sqrt(sum((x - mean_x) ** 2 for x in xs) * sum((y - mean_y) ** 2 for y in ys))


def test_creates_the_requested_amounts_below_the_three_index_pages():
    output = demo()
    root = Site.objects.get(is_default_site=True).root_page
    for model, slug in (
        (LibraryIndexPage, "bibliotheken"),
        (MeasureIndexPage, "massnahmen"),
        (TaskShareIndexPage, "aufgaben-teilen"),
    ):
        page = model.objects.get()
        assert page.slug == slug
        assert page.get_parent().pk == root.pk
        assert page.live and page.first_published_at is not None
    assert LibraryProfilePage.objects.count() == SMALL["libraries"]
    assert MeasurePage.objects.count() == SMALL["measures"]
    assert TaskSharePage.objects.count() == SMALL["tasks"]
    assert ToolkitResult.objects.count() == len(TOOLKIT_RESULTS)
    assert Topic.objects.count() == len(TOPICS)
    assert TargetGroup.objects.count() == len(TARGET_GROUPS)
    assert all(result.description for result in ToolkitResult.objects.all())
    assert "24" in output


@pytest.fixture
def development(settings):
    """A development site (DEBUG on), where --reset needs no --allow-production."""
    settings.DEBUG = True


def test_same_seed_same_content_other_seed_other_content(development):
    demo(seed=7)
    first = snapshot()
    demo(seed=7, reset=True)
    assert snapshot() == first
    demo(seed=8, reset=True)
    other = snapshot()
    assert other[0] != first[0]
    assert [row[0] for row in other[1]] != [row[0] for row in first[1]]


def test_running_twice_adds_nothing():
    demo()
    before = snapshot(), Page.objects.count(), ToolkitResult.objects.count()
    output = demo()
    assert (snapshot(), Page.objects.count(), ToolkitResult.objects.count()) == before
    assert "0" in output
    assert not any(Page.find_problems())


def test_more_measures_later_keeps_the_first_ones():
    demo(measures=40, tasks=6)
    first = snapshot()
    demo()
    libraries, measures, tasks = snapshot()
    assert libraries == first[0]
    assert set(first[1]) <= set(measures) and len(measures) == SMALL["measures"]
    assert set(first[2]) <= set(tasks) and len(tasks) == SMALL["tasks"]


def test_warns_about_library_profiles_it_does_not_know():
    demo(seed=1)
    stderr = StringIO()
    call_command("bibnetz_demo", **SMALL, seed=2, no_progress=True, stdout=StringIO(), stderr=stderr)
    assert "--reset" in stderr.getvalue()


def test_reset_deletes_the_package_content_and_starts_over(development):
    demo()
    old_ids = set(MeasurePage.objects.values_list("pk", flat=True))
    ToolkitResult.objects.create(name="Nicht aus der Demo", slug="nicht-aus-der-demo")
    task = TaskSharePage.objects.first()
    other = LibraryProfilePage.objects.exclude(pk=task.library_id).first()
    stray = Participation.objects.create(task=task, library=other)
    demo(reset=True)
    assert not old_ids & set(MeasurePage.objects.values_list("pk", flat=True))
    assert MeasurePage.objects.count() == SMALL["measures"]
    assert ToolkitResult.objects.count() == len(TOOLKIT_RESULTS)
    assert not Participation.objects.filter(pk=stray.pk).exists()
    assert LibraryIndexPage.objects.count() == 1
    assert not any(Page.find_problems())


def test_reset_refuses_while_debug_is_off():
    demo()
    before = snapshot(), Page.objects.count()
    with pytest.raises(CommandError, match="DEBUG.*--allow-production"):
        demo(reset=True)
    assert (snapshot(), Page.objects.count()) == before


def test_reset_while_debug_is_off_when_told_explicitly():
    demo()
    old_ids = set(MeasurePage.objects.values_list("pk", flat=True))
    demo(reset=True, allow_production=True)
    assert not old_ids & set(MeasurePage.objects.values_list("pk", flat=True))
    assert MeasurePage.objects.count() == SMALL["measures"]


def test_reset_is_explained_in_the_help():
    from bibnetz_wagtail.demo.management.commands.bibnetz_demo import Command

    text = Command().create_parser("manage.py", "bibnetz_demo").format_help()
    assert "--allow-production" in text and "DEBUG" in text


def test_every_population_band_and_every_state_gets_libraries():
    demo(libraries=100, measures=0, tasks=0)
    populations = list(LibraryProfilePage.objects.values_list("population", flat=True))
    bands = dict.fromkeys(DEFAULT_BANDS["population"], 0)
    for population in populations:
        bands[band_of(population)] += 1
    assert all(bands.values()), bands
    # Rural libraries: most serve fewer than 20,000 people.
    assert bands["0-5000"] + bands["5000-10000"] + bands["10000-20000"] > len(populations) / 2
    assert set(LibraryProfilePage.objects.values_list("state", flat=True)) == set(FederalState.values)


def test_floor_area_and_staff_grow_with_the_population():
    demo(libraries=100, measures=0, tasks=0)
    rows = list(LibraryProfilePage.objects.values_list("population", "floor_area_m2", "staff_fte"))
    assert all(area >= 1 and fte >= 0 for _pop, area, fte in rows)
    assert all(fte.as_tuple().exponent >= -2 for _pop, _area, fte in rows)
    log_population = [math.log1p(pop) for pop, _area, _fte in rows]
    assert correlation(log_population, [math.log1p(area) for _pop, area, _fte in rows]) > 0.7
    assert correlation(log_population, [math.log1p(float(fte)) for _pop, _area, fte in rows]) > 0.6
    public = sum(LibraryProfilePage.objects.values_list("toolkit_results_public", flat=True))
    assert 25 <= public <= 75
    with_results = LibraryProfilePage.objects.filter(tagged_toolkit_results__isnull=False).distinct().count()
    assert with_results > 70


def test_pages_are_live_and_the_tree_is_consistent():
    demo()
    assert not any(Page.find_problems())
    index = LibraryIndexPage.objects.get()
    assert index.numchild == SMALL["libraries"]
    for library in LibraryProfilePage.objects.all():
        assert library.numchild == library.get_children().count()
        assert library.url_path == f"{index.url_path}{library.slug}/"
    for model in (LibraryProfilePage, MeasurePage, TaskSharePage):
        for page in model.objects.all():
            assert page.live and not page.has_unpublished_changes
            assert page.draft_title == page.title
            assert page.content_type.model_class() is model
            assert page.locale_id == index.locale_id
    published = list(Page.objects.filter(depth__gt=index.depth).values_list("first_published_at", flat=True))
    assert len(set(published)) == len(published)


def test_measures_and_calls_know_their_library_and_body_text():
    demo()
    for model in (MeasurePage, TaskSharePage):
        for page in model.objects.select_related("library"):
            parent = page.get_parent()
            assert page.library_id == parent.pk
            assert page.body_text and page.body_text == stream_text(page.body.get_prep_value())
            assert {block.block_type for block in page.body} <= {"heading", "paragraph", "quote"}
            assert page.first_published_at > page.library.first_published_at
            assert len(page.summary) <= 400
            assert page.topics.exists() and page.toolkit_results.exists()
    assert all(measure.target_groups.exists() for measure in MeasurePage.objects.all())


def test_wagtail_serves_and_edits_a_demo_page(client):
    demo()
    measure = MeasurePage.objects.order_by("path").first()
    url = measure.get_url()
    assert url == f"/bibliotheken/{measure.get_parent().slug}/{measure.slug}/"
    request = RequestFactory().get(url)
    assert Page.find_for_request(request, url).specific == measure
    try:
        get_template("bibnetz_wagtail/measure_page.html")
    except TemplateDoesNotExist:  # the detail templates are optional for this test
        return
    response = client.get(url)
    assert response.status_code == 200
    assert measure.title in response.content.decode()

    admin = get_user_model().objects.create_superuser("redaktion", "redaktion@example.invalid", "pw")
    client.force_login(admin)
    assert client.get(f"/admin/pages/{measure.pk}/edit/").status_code == 200
    measure.title = "Geänderter Titel"
    measure.save_revision().publish()
    measure.refresh_from_db()
    assert measure.title == "Geänderter Titel" and measure.library_id == measure.get_parent().pk


def test_demo_pages_are_in_wagtails_search_index():
    demo()
    title_word = MeasurePage.objects.order_by("path").first().title.split()[0]
    assert MeasurePage.objects.live().search(title_word).count() >= 1


def test_without_libraries_only_index_pages_and_vocabularies():
    demo(libraries=0)
    assert LibraryIndexPage.objects.count() == 1
    assert not MeasurePage.objects.exists()
    assert Topic.objects.count() == len(TOPICS)
