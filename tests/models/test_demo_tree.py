"""The demo's bulk page writer places pages exactly where treebeard and Wagtail would."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from bibnetz_wagtail.demo.tree import child_path, step_of
from bibnetz_wagtail.models import LibraryIndexPage, LibraryProfilePage, MeasurePage

pytestmark = pytest.mark.django_db


def test_child_path_spells_the_step_in_treebeards_alphabet():
    assert child_path("0001", 1) == "00010001"
    assert child_path("0001", 10) == "0001000A"
    assert child_path("0001", 36) == "00010010"
    assert child_path("0001", 36**4 - 1) == "0001ZZZZ"
    steps = [1, 2, 9, 10, 35, 36, 37, 1295, 1296, 46655, 36**4 - 1]
    paths = [child_path("00010002", step) for step in steps]
    assert paths == sorted(paths), "paths must sort like the steps"
    assert [step_of(path) for path in paths] == steps


@pytest.mark.parametrize("step", [0, -1, 36**4])
def test_child_path_refuses_steps_that_do_not_fit(step):
    with pytest.raises(ValueError):
        child_path("0001", step)


def test_child_path_agrees_with_wagtails_add_child():
    root = Site.objects.get(is_default_site=True).root_page
    first = step_of(root.get_last_child().path) if root.get_children().exists() else 0
    for offset in range(1, 4):
        page = root.add_child(instance=Page(title=f"Seite {offset}", slug=f"seite-{offset}"))
        root.refresh_from_db()
        assert page.path == child_path(root.path, first + offset)


def test_after_a_bulk_load_the_tree_is_sound_and_wagtail_adds_pages_after_the_demo_pages():
    sizes = {"libraries": 12, "measures": 30, "tasks": 6}
    call_command("bibnetz_demo", **sizes, no_progress=True, stdout=StringIO(), stderr=StringIO())
    assert not any(Page.find_problems())
    for path, depth, numchild in Page.objects.values_list("path", "depth", "numchild"):
        assert len(path) == depth * Page.steplen
        assert numchild == Page.objects.filter(path__startswith=path, depth=depth + 1).count()

    library = LibraryProfilePage.objects.order_by("path").first()
    last = library.get_last_child()
    measure = library.add_child(instance=MeasurePage(title="Nach der Demo", summary="Von Hand angelegt."))
    assert measure.path == child_path(library.path, step_of(last.path) + 1)
    index = LibraryIndexPage.objects.get()
    figures = {"population": 4000, "floor_area_m2": 150, "staff_fte": 1}
    profile = LibraryProfilePage(title="Neue Bibliothek", municipality="Neustadt", state="BB", **figures)
    index.add_child(instance=profile)
    assert profile.path == child_path(index.path, sizes["libraries"] + 1)
    assert not any(Page.find_problems())
