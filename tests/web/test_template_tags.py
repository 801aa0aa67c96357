"""The tags a host site puts on its own pages: search box, newest measures, open calls, the network in figures.

Tags are rendered with ``Template(...).render()`` and a RequestFactory request, as a host's template would render
them. The example site's home page template is rendered the same way, with the example site's template folders
(its ``home`` app is not installed in the test settings, so its page is not served through a URL here).
"""

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, RequestContext, Template
from django.template.backends.django import DjangoTemplates
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail.models import Page, PageViewRestriction, Site

from bibnetz_wagtail.models import LibraryProfilePage, Participation
from bibnetz_wagtail.templatetags import bibnetz_tags
from bibnetz_wagtail.web import network

from ..factories import (
    LibraryProfilePageFactory,
    MeasureIndexPageFactory,
    MeasurePageFactory,
    TaskSharePageFactory,
)

REPOSITORY = Path(__file__).resolve().parents[2]
TEASER_TITLE = re.compile(r'class="bibnetz-teaser__title"><a href="([^"]*)">([^<]*)</a>')
TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def fresh_site_root_paths():
    """Wagtail caches the sites' root paths across tests; some tests here add sites."""
    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


def visitor_request(host="testserver"):
    request = RequestFactory().get("/", HTTP_HOST=host)
    request.user = AnonymousUser()
    return request


def render(source, request=None, **context):
    """``source`` after ``{% load bibnetz_tags %}``, as the page of ``request`` (an anonymous visitor)."""
    template = Template("{% load bibnetz_tags %}" + source)
    return template.render(RequestContext(request or visitor_request(), context))


def titles(html):
    return [title for _url, title in TEASER_TITLE.findall(html)]


def urls(html):
    return [url for url, _title in TEASER_TITLE.findall(html)]


def hide_in_every_way(parent_library):
    """Newest measures and calls that must never show: draft, expired, view-restricted, of invisible libraries."""
    yesterday = timezone.now() - datetime.timedelta(days=1)
    draft_library = LibraryProfilePageFactory(title="Entwurfsbücherei", state="HE")
    LibraryProfilePage.objects.filter(pk=draft_library.pk).update(live=False)
    expired_library = LibraryProfilePageFactory(title="Abgelaufene Bücherei", state="SN", expire_at=yesterday)
    restricted_library = LibraryProfilePageFactory(title="Geschlossene Bücherei", state="TH")
    PageViewRestriction.objects.create(page=restricted_library, restriction_type="login")
    hidden = [
        MeasurePageFactory(parent=parent_library, title="Entwurf", live=False),
        MeasurePageFactory(parent=parent_library, title="Abgelaufen", expire_at=yesterday),
        MeasurePageFactory(parent=draft_library, title="Von der Entwurfsbücherei"),
        MeasurePageFactory(parent=expired_library, title="Von der abgelaufenen Bücherei"),
        MeasurePageFactory(parent=restricted_library, title="Von der geschlossenen Bücherei"),
        TaskSharePageFactory(parent=parent_library, title="Aufruf-Entwurf", live=False),
        TaskSharePageFactory(parent=parent_library, title="Aufruf abgelaufen", expire_at=yesterday),
        TaskSharePageFactory(parent=draft_library, title="Aufruf der Entwurfsbücherei"),
        TaskSharePageFactory(parent=restricted_library, title="Aufruf der geschlossenen Bücherei"),
    ]
    restricted_measure = MeasurePageFactory(parent=parent_library, title="Nur mit Passwort")
    PageViewRestriction.objects.create(page=restricted_measure, restriction_type="password", password="geheim")
    restricted_call = TaskSharePageFactory(parent=parent_library, title="Aufruf mit Passwort")
    PageViewRestriction.objects.create(page=restricted_call, restriction_type="password", password="geheim")
    return hidden + [restricted_measure, restricted_call]


# --- {% bibnetz_latest_measures %} --------------------------------------------------------------------------


def test_latest_measures_newest_first_with_library_and_summary(world):
    html = render("{% bibnetz_latest_measures count=3 %}")

    assert titles(html) == ["Makerspace im Keller", "Digitale Schnitzeljagd", "Tablet-Sprechstunde"]
    assert urls(html)[0] == world.measures["m4"].get_url()
    assert "Stadtbibliothek Cestadt · " + world.libraries["c"].municipality in html
    assert "3D-Druck und Löten." in html
    assert '<a href="/massnahmen/">' in html


def test_latest_measures_break_ties_by_highest_id(world):
    moment = timezone.now()
    older = MeasurePageFactory(parent=world.libraries["a"], title="Gleichzeitig eins", first_published_at=moment)
    newer = MeasurePageFactory(parent=world.libraries["b"], title="Gleichzeitig zwei", first_published_at=moment)
    assert newer.pk > older.pk

    assert titles(render("{% bibnetz_latest_measures count=2 %}")) == ["Gleichzeitig zwei", "Gleichzeitig eins"]


def test_latest_measures_say_so_when_there_are_none(index_pages):
    html = render("{% bibnetz_latest_measures %}")

    assert titles(html) == []
    assert 'class="bibnetz-teasers__empty"' in html


# --- {% bibnetz_open_calls %} -------------------------------------------------------------------------------


def test_open_calls_soonest_deadline_first_then_newest_without_deadline(world):
    library = world.libraries["b"]
    later = TaskSharePageFactory(parent=library, title="Frist später", deadline=TODAY + datetime.timedelta(days=30))
    today = TaskSharePageFactory(parent=library, title="Frist heute", deadline=TODAY)
    TaskSharePageFactory(parent=library, title="Frist vorbei", deadline=TODAY - datetime.timedelta(days=1))
    TaskSharePageFactory(parent=library, title="Schon in Arbeit", status="in_progress")
    TaskSharePageFactory(parent=library, title="Abgeschlossen", status="closed")
    full = TaskSharePageFactory(parent=library, title="Alle Partner gefunden", partners_wanted=1)
    Participation.objects.create(task=full, library=world.libraries["c"], state="accepted")
    TaskSharePageFactory(parent=library, title="Ohne Frist, neu")

    html = render("{% bibnetz_open_calls count=10 %}")

    assert titles(html) == ["Frist heute", "Frist später", "Ohne Frist, neu", "Lesesommer gemeinsam planen"]
    assert urls(html)[:2] == [today.get_url(), later.get_url()]
    assert '<a href="/aufgaben-teilen/">' in html


def test_open_calls_show_how_many_partners_are_still_wanted(world):
    call = TaskSharePageFactory(parent=world.libraries["a"], title="Drei gesucht", partners_wanted=3)
    Participation.objects.create(task=call, library=world.libraries["b"], state="accepted")
    Participation.objects.create(task=call, library=world.libraries["c"], state="requested")

    with translation.override("en"):
        html = render("{% bibnetz_open_calls count=1 %}")

    assert titles(html) == ["Drei gesucht"]
    assert "2 more partner libraries wanted" in html


# --- {% bibnetz_network_figures %} --------------------------------------------------------------------------


def test_network_figures_count_visible_pages_and_distinct_states(world):
    LibraryProfilePageFactory(title="Noch eine in Bayern", state="BY")

    totals = network.network_figures(paths=[])

    assert totals == network.NetworkFigures(libraries=4, measures=4, calls=2, states=3)


def test_network_figures_are_zero_on_an_empty_network(db):
    assert network.network_figures(paths=[]) == network.NetworkFigures(libraries=0, measures=0, calls=0, states=0)


def test_network_figures_render_german_numbers_and_plurals(world, monkeypatch):
    big = network.NetworkFigures(libraries=12345, measures=1, calls=1000000, states=16)
    monkeypatch.setattr(network, "network_figures", lambda paths: big)

    html = render("{% bibnetz_network_figures %}")

    assert ">12.345<" in html and ">1.000.000<" in html and ">16<" in html


def test_figure_labels_take_the_plural_the_number_needs():
    with translation.override("en"):
        one = bibnetz_tags.figure_list(network.NetworkFigures(libraries=1, measures=1, calls=1, states=1))
        many = bibnetz_tags.figure_list(network.NetworkFigures(libraries=2, measures=0, calls=5, states=16))

    assert [figure["label"] for figure in one] == ["library", "measure", "task-share call", "federal state"]
    assert [figure["label"] for figure in many] == ["libraries", "measures", "task-share calls", "federal states"]
    assert [figure["number"] for figure in many] == ["2", "0", "5", "16"]


def test_numbers_are_grouped_the_german_way():
    with translation.override("de"):
        assert bibnetz_tags.grouped(1234567) == "1.234.567"
    with translation.override("en"):
        assert bibnetz_tags.grouped(1234567) == "1,234,567"


# --- visibility and privacy ---------------------------------------------------------------------------------


def test_invisible_pages_never_show_and_never_count(world):
    hidden = hide_in_every_way(world.libraries["a"])
    source = "{% bibnetz_latest_measures count=20 %}{% bibnetz_open_calls count=20 %}{% bibnetz_network_figures %}"

    html = render(source)

    shown = titles(html)
    assert shown == [
        "Makerspace im Keller",
        "Digitale Schnitzeljagd",
        "Tablet-Sprechstunde",
        "Vorlesepaten für Kitas",
        "Lesesommer gemeinsam planen",
    ]
    assert not {page.title for page in hidden} & set(shown)
    figures = re.findall(r'__number">([^<]*)<', html)
    assert figures == ["3", "4", "2", "3"]


def test_no_contact_details_anywhere(world):
    html = render(
        "{% bibnetz_search_box %}{% bibnetz_latest_measures count=20 %}{% bibnetz_open_calls count=20 %}"
        "{% bibnetz_network_figures %}"
    )

    for library in world.libraries.values():
        for detail in (library.contact_email, library.contact_phone, library.contact_person, library.postal_code):
            assert detail not in html


# --- {% bibnetz_search_box %} -------------------------------------------------------------------------------


def test_search_box_renders_nothing_without_a_listing_page(db):
    assert render("{% bibnetz_search_box listing='measures' %}{% bibnetz_search_box listing='tasks' %}").strip() == ""


def test_search_box_renders_nothing_when_the_listing_page_is_a_draft(db):
    MeasureIndexPageFactory(live=False)

    assert render("{% bibnetz_search_box listing='measures' %}").strip() == ""


def test_search_box_sends_to_the_network_search_by_default(db):
    html = render("{% bibnetz_search_box %}")

    assert 'action="/netzwerk/suche/"' in html
    assert re.search(r'<label [^>]*for="bibnetz-search-box-1">Im Netzwerk suchen</label>', html)


def test_search_box_sends_to_the_action_it_is_given(index_pages):
    assert 'action="/suche/"' in render("{% bibnetz_search_box action='/suche/' %}")
    assert 'action="/suche/"' in render("{% bibnetz_search_box listing='tasks' action='/suche/' %}")


def test_without_the_network_search_the_search_box_sends_to_the_measures(index_pages, settings):
    settings.ROOT_URLCONF = "tests.urls_without_network"

    assert 'action="/massnahmen/"' in render("{% bibnetz_search_box %}")


@pytest.mark.parametrize(
    "arguments, action",
    [
        ("", "/netzwerk/suche/"),
        ("listing='measures'", "/massnahmen/"),
        ("listing='libraries'", "/bibliotheken/"),
        ("listing='tasks'", "/aufgaben-teilen/"),
    ],
)
def test_search_box_sends_q_to_the_listing_page(index_pages, arguments, action):
    html = render(f"{{% bibnetz_search_box {arguments} placeholder='z. B. Vorlesen' %}}")

    assert f'action="{action}"' in html and 'method="get"' in html and 'role="search"' in html
    assert re.search(r'<label class="bibnetz-label" id="bibnetz-search-box-1-label" for="bibnetz-search-box-1">', html)
    assert re.search(r'<input [^>]*id="bibnetz-search-box-1" name="q"[^>]*placeholder="z. B. Vorlesen"', html)
    assert 'type="submit"' in html


def test_search_box_prefers_the_current_sites_listing_page(index_pages):
    other_root = Page.get_first_root_node().add_child(instance=Page(title="Anderer Verband", slug="anderer-verband"))
    Site.objects.create(hostname="anderer-verband.example", port=80, root_page=other_root)
    MeasureIndexPageFactory(parent=other_root, slug="ideen")
    site_without_listing = Page.get_first_root_node().add_child(instance=Page(title="Leer", slug="leer"))
    Site.objects.create(hostname="leer.example", port=80, root_page=site_without_listing)

    box = "{% bibnetz_search_box listing='measures' %}"
    assert 'action="/massnahmen/"' in render(box)
    assert 'action="/ideen/"' in render(box, visitor_request("anderer-verband.example"))
    # A site without a listing page of its own falls back to the first one in the tree.
    elsewhere = render(box, visitor_request("leer.example"))
    assert re.search(r'action="http://[^"]+/massnahmen/"', elsewhere)


def test_two_search_boxes_on_one_page_have_their_own_ids(index_pages):
    html = render("{% bibnetz_search_box %}{% bibnetz_search_box listing='libraries' %}")

    assert re.findall(r'<input [^>]*id="([^"]+)"', html) == ["bibnetz-search-box-1", "bibnetz-search-box-2"]
    assert re.findall(r'<label [^>]*for="([^"]+)"', html) == ["bibnetz-search-box-1", "bibnetz-search-box-2"]
    assert html.count('rel="stylesheet"') == 1


# --- arguments ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", ["'drei'", "0", "21", "-1", "2.5", "None", "True", "''"])
def test_a_bad_count_falls_back_to_three(world, count):
    assert len(titles(render(f"{{% bibnetz_latest_measures count={count} %}}"))) == 3
    assert len(titles(render(f"{{% bibnetz_open_calls count={count} %}}"))) == 1


@pytest.mark.parametrize("count, shown", [("1", 1), ("'2'", 2), ("20", 4)])
def test_counts_from_one_to_twenty_are_taken(world, count, shown):
    assert len(titles(render(f"{{% bibnetz_latest_measures count={count} %}}"))) == shown


def test_a_count_from_the_context_is_taken(world):
    assert len(titles(render("{% bibnetz_latest_measures count=how_many %}", how_many=2))) == 2


def test_an_unknown_listing_falls_back_to_the_network_search(index_pages):
    assert 'action="/netzwerk/suche/"' in render("{% bibnetz_search_box listing='events' %}")


def test_heading_text_and_level(world):
    html = render("{% bibnetz_latest_measures heading='Neu im Netzwerk' heading_level=3 %}")
    assert '<h3 class="bibnetz-teasers__heading" id="bibnetz-latest-measures-1">Neu im Netzwerk</h3>' in html
    assert 'aria-labelledby="bibnetz-latest-measures-1"' in html
    assert '<h4 class="bibnetz-teaser__title">' in html

    assert "<h2 " in render("{% bibnetz_open_calls heading_level=7 %}")
    assert '<h6 class="bibnetz-teaser__title">' in render("{% bibnetz_latest_measures heading_level=6 %}")


def test_an_empty_heading_leaves_the_section_named(world):
    html = render("{% bibnetz_network_figures heading='' %}")

    assert "<h2" not in html
    assert re.search(r'<section class="bibnetz bibnetz-network-figures" aria-label="[^"]+">', html)


def test_tags_render_without_a_request(world):
    html = Template("{% load bibnetz_tags %}{% bibnetz_search_box %}{% bibnetz_latest_measures %}").render(Context())

    assert 'action="/netzwerk/suche/"' in html
    assert titles(html) == ["Makerspace im Keller", "Digitale Schnitzeljagd", "Tablet-Sprechstunde"]


# --- overriding the templates -------------------------------------------------------------------------------


@pytest.fixture
def host_templates(tmp_path, settings):
    """A host site's template folder, searched before the package's templates."""
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    return tmp_path


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_template_of_the_same_path_replaces_the_packages(world, host_templates):
    override = "{% for item in items %}[{{ item.page.title }}]{% endfor %}"
    write(host_templates, "bibnetz_wagtail/tags/latest_measures.html", override)

    assert render("{% bibnetz_latest_measures count=2 %}") == "[Makerspace im Keller][Digitale Schnitzeljagd]"


def test_the_template_argument_chooses_another_template(world, host_templates):
    own = "{% for figure in figures %}{{ figure.key }}={{ figure.value }};{% endfor %}"
    write(host_templates, "verband/zahlen.html", own)

    html = render("{% bibnetz_network_figures template='verband/zahlen.html' %}")

    assert html == "libraries=3;measures=4;calls=2;states=3;"


def test_a_missing_template_argument_falls_back_to_the_packages(world):
    html = render("{% bibnetz_open_calls template='gibt/es/nicht.html' %}")

    assert titles(html) == ["Lesesommer gemeinsam planen"]


# --- queries ------------------------------------------------------------------------------------------------


@pytest.fixture
def busy_network(world):
    """More than ten visible measures and open calls, spread over the libraries."""
    libraries = list(world.libraries.values())
    for number in range(12):
        library = libraries[number % len(libraries)]
        MeasurePageFactory(parent=library, title=f"Weitere Maßnahme {number}")
        deadline = TODAY + datetime.timedelta(days=number) if number % 2 else None
        TaskSharePageFactory(parent=library, title=f"Weiterer Aufruf {number}", deadline=deadline)
    return world


def render_fresh(source):
    """Render as a new visitor, with Wagtail's cached site root paths emptied (so each run pays for them)."""
    Site.clear_site_root_paths_cache()
    return render(source)


# restricted paths, listing page, site, site root paths, the measures
LATEST_MEASURES_QUERIES = 5
# restricted paths, listing page, site, site root paths, the calls
OPEN_CALLS_QUERIES = 5


@pytest.mark.parametrize("count", [3, 10])
def test_latest_measures_queries_do_not_grow_with_count(busy_network, django_assert_num_queries, count):
    with django_assert_num_queries(LATEST_MEASURES_QUERIES):
        html = render_fresh(f"{{% bibnetz_latest_measures count={count} %}}")

    assert len(titles(html)) == count


@pytest.mark.parametrize("count", [3, 10])
def test_open_calls_queries_do_not_grow_with_count(busy_network, django_assert_num_queries, count):
    with django_assert_num_queries(OPEN_CALLS_QUERIES):
        html = render_fresh(f"{{% bibnetz_open_calls count={count} %}}")

    assert len(titles(html)) == count


def test_network_figures_take_two_queries(busy_network, django_assert_num_queries):
    # restricted paths, then one query for all four figures
    with django_assert_num_queries(2):
        render("{% bibnetz_network_figures %}")


def test_all_four_tags_share_their_lookups(busy_network, django_assert_max_num_queries):
    source = (
        "{% bibnetz_search_box %}{% bibnetz_network_figures %}{% bibnetz_latest_measures count=10 %}"
        "{% bibnetz_open_calls count=10 %}{% bibnetz_search_box listing='tasks' %}"
    )
    # restricted paths and site once; two listing pages; root paths; figures; measures; calls
    with django_assert_max_num_queries(8):
        render_fresh(source)


# --- the example site's home page ---------------------------------------------------------------------------


def test_example_home_page_shows_the_tags(world):
    example_templates = DjangoTemplates(
        {
            "NAME": "example_site",
            "DIRS": [REPOSITORY / "example_site" / "home" / "templates", REPOSITORY / "example_site" / "templates"],
            "APP_DIRS": True,
            "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
        }
    )
    home = Site.objects.get(is_default_site=True).root_page

    html = example_templates.get_template("home/home_page.html").render({"page": home}, visitor_request())

    # The test URLs have no "search" of the example site's own: the box sends to the package's.
    assert 'class="bibnetz bibnetz-search-box"' in html and 'action="/netzwerk/suche/"' in html
    assert 'class="bibnetz bibnetz-network-figures"' in html
    assert titles(html) == [
        "Makerspace im Keller",
        "Digitale Schnitzeljagd",
        "Tablet-Sprechstunde",
        "Lesesommer gemeinsam planen",
    ]
    assert html.count('rel="stylesheet"') == 2  # the site's own stylesheet and the package's, once
