"""The comparison on every library profile: "Where does this library stand?" with its charts, the most similar
libraries and the measures of similar libraries."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from bibnetz_wagtail.models import LibraryProfilePage
from bibnetz_wagtail.search.query import Reference, likeness
from bibnetz_wagtail.web.comparison import comparison_context

from ..elastic import INDEXING_ENGINE
from ..factories import LibraryProfilePageFactory, MeasurePageFactory, ToolkitResultFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}
METRIC_KEYS = ("population", "area", "fte")


def library(title, population, area, fte, **kwargs):
    return LibraryProfilePageFactory(
        title=title, population=population, floor_area_m2=area, staff_fte=Decimal(fte), **kwargs
    )


@pytest.fixture
def network(index_pages):
    """Four visible libraries, plus a draft and a password-protected one that must not count anywhere."""
    libraries = {
        "a": library("Bücherei Aheim", 4000, 120, "1.50"),
        "b": library("Bücherei Behausen", 5000, 250, "2.00"),
        "c": library("Bücherei Cedorf", 9000, 300, "2.00"),
        "d": library("Stadtbibliothek Destadt", 60000, 900, "7.00"),
        "draft": library("Entwurfsbibliothek", 4500, 130, "1.00", live=False),
        "restricted": library("Geschützte Bibliothek", 3000, 50, "0.50"),
    }
    PageViewRestriction.objects.create(page=libraries["restricted"], restriction_type="password", password="geheim")
    return libraries


def chart(comparison, key):
    return next(chart for chart in comparison.charts if chart.metric.key == key)


def counts(chart):
    return [bar.count for bar in chart.bars]


def section(html):
    """The comparison section of a rendered profile."""
    start = html.index('<section class="bibnetz-comparison"')
    return html[start : html.index("</section>", start)]


def get(client, page, **headers):
    response = client.get(page.url, **headers)
    assert response.status_code == 200
    return response.content.decode()


# --- Charts: counts, percentiles, medians --------------------------------------------------------------------


def test_band_counts_leave_out_draft_and_restricted_libraries(network):
    comparison = comparison_context(network["c"])
    assert comparison.libraries == 4
    assert counts(chart(comparison, "population")) == [1, 2, 0, 0, 1, 0]
    assert counts(chart(comparison, "area")) == [0, 2, 1, 1, 0]
    assert counts(chart(comparison, "fte")) == [0, 1, 2, 1, 0]


def test_own_band_is_highlighted_on_half_open_bands(network):
    with translation.override("en"):
        comparison = comparison_context(network["b"])
        own = {key: [bar.label for bar in chart(comparison, key).bars if bar.is_own] for key in METRIC_KEYS}
        assert own == {"population": ["5,000 to under 10,000"], "area": ["100 to under 300"], "fte": ["2 to under 5"]}


def test_percentiles_count_other_libraries_strictly_below(network):
    comparison = comparison_context(network["c"])
    # Population 9000 is above a and b; FTE 2.00 ties with b, which does not count as below.
    assert [chart(comparison, key).percent_below for key in METRIC_KEYS] == [67, 67, 33]
    assert chart(comparison, "population").others == 3
    assert comparison_context(network["a"]).charts[0].percent_below == 0
    assert comparison_context(network["d"]).charts[0].percent_below == 100


def test_medians_of_the_visible_libraries(network):
    comparison = comparison_context(network["a"])
    assert [chart(comparison, key).median for key in METRIC_KEYS] == [7000, 275, 2.0]
    population = chart(comparison, "population")
    assert [bar.has_median for bar in population.bars] == [False, True, False, False, False, False]


def test_sentences_and_numbers_are_german(network):
    population = chart(comparison_context(network["c"]), "population")
    fte = chart(comparison_context(network["a"]), "fte")
    with translation.override("de"):
        assert "7.000" in population.median_text and "67 %" in population.more_than
        assert "1,5" in fte.description and "2 " in fte.median_text
    with translation.override("en"):
        assert population.more_than == "More inhabitants than 67 % of the other libraries in the network."
        assert population.median_text == "Median of the network: 7,000."


# --- The rendered section: SVG, table, accessibility --------------------------------------------------------


def test_every_chart_is_an_accessible_svg_with_the_own_band_marked(client, network):
    html = section(get(client, network["c"], **ENGLISH))
    assert "Where does this library stand?" in html
    svgs = re.findall(r"<svg[^>]*>.*?</svg>", html, re.S)
    assert len(svgs) == 3
    for svg, key in zip(svgs, METRIC_KEYS):
        chart_id = f"bibnetz-chart-{key}"
        assert 'role="img"' in svg and f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in svg
        assert f'<title id="{chart_id}-title">' in svg and f'<desc id="{chart_id}-desc">This library:' in svg
        assert 'viewBox="0 0 360 ' in svg and 'width="100%"' in svg
        # The own band is hatched and outlined and says so in words, not by colour alone.
        own_rows = re.findall(r'<g class="bibnetz-chart__row is-own">.*?</g>', svg, re.S)
        assert len(own_rows) == 1
        assert f'fill="url(#{chart_id}-hatch)"' in own_rows[0] and "this library" in own_rows[0]
    population = svgs[0]
    assert "5,000 to under 10,000: 2 (this library · median)" in population
    assert "Median of the network: 7,000." in population


def test_geometry_is_not_localised(client, network):
    html = section(get(client, network["c"]))
    for value in re.findall(r'\s(?:width|height|x|y)="([^"]+)"', html):
        assert "," not in value, value


def test_the_numbers_are_also_a_table(client, network):
    html = section(get(client, network["c"], **ENGLISH))
    tables = re.findall(r"<details[^>]*>.*?</details>", html, re.S)
    assert len(tables) == 3
    assert "<summary>Population as a table</summary>" in tables[0]
    own_row = (
        '<tr class="is-own"><th scope="row">5,000 to under 10,000 <strong>(this library · median)</strong></th>'
        "<td>2</td></tr>"
    )
    assert own_row in tables[0]


# --- Most similar libraries and their measures, through the engine --------------------------------------------


@pytest.fixture(params=["database", "elasticsearch"])
def comparison_engine(request, settings, db):
    """The neighbour lists answered by each engine in turn (Elasticsearch indexes before every answer).

    Request it before the fixtures that create pages, so that their changes reach the index.
    """
    if request.param == "elasticsearch":
        request.getfixturevalue("elastic")
        settings.BIBNETZ = {**settings.BIBNETZ, "SEARCH_ENGINE": INDEXING_ENGINE}
    return request.param


@pytest.fixture
def neighbourhood(index_pages):
    """A library, seven others at growing distance and measures of some of them."""
    subject = library("Bücherei Mitte", 8000, 250, "2.50")
    others = [
        library(f"Nachbar {index}", 8000 + 1500 * index, 250 + 40 * index, str(2.5 + 0.5 * index))
        for index in range(1, 8)
    ]
    measures = {
        "own": [MeasurePageFactory(parent=subject, title=f"Eigene Maßnahme {index}") for index in range(6)],
        "near": MeasurePageFactory(parent=others[0], title="Vom nächsten Nachbarn"),
        "far": MeasurePageFactory(parent=others[6], title="Vom fernsten Nachbarn"),
        "others": [MeasurePageFactory(parent=others[i], title=f"Nachbarmaßnahme {i}") for i in (1, 2, 3, 4)],
    }
    return subject, others, measures


def expected_order(subject, pages):
    reference = Reference(float(subject.population), float(subject.floor_area_m2), float(subject.staff_fte))

    def score(page):
        library_page = getattr(page, "library", None) or page
        figures = {
            "population": library_page.population,
            "area": library_page.floor_area_m2,
            "fte": library_page.staff_fte,
        }
        return likeness(figures, reference)

    return sorted(pages, key=score, reverse=True)


def test_similar_libraries_in_likeness_order_without_the_library_itself(comparison_engine, neighbourhood):
    subject, others, _measures = neighbourhood
    items = comparison_context(subject).similar_libraries
    assert [item.page.pk for item in items] == [page.pk for page in expected_order(subject, others)[:5]]
    assert subject.pk not in [item.page.pk for item in items]
    percents = [item.likeness_percent for item in items]
    assert percents == sorted(percents, reverse=True) and all(0 < percent < 100 for percent in percents)


def test_measures_of_similar_libraries_without_the_own(comparison_engine, neighbourhood):
    subject, _others, measures = neighbourhood
    items = comparison_context(subject).similar_measures
    candidates = [measures["near"], measures["far"], *measures["others"]]
    assert [item.page.pk for item in items] == [page.pk for page in expected_order(subject, candidates)[:5]]
    assert measures["far"].pk not in [item.page.pk for item in items]
    assert all(item.library.pk != subject.pk for item in items)


def test_lists_render_with_figures_likeness_and_links_to_the_full_listings(client, neighbourhood):
    subject, others, measures = neighbourhood
    html = section(get(client, subject, **ENGLISH))
    assert html.index(others[0].title) < html.index(others[1].title)
    assert "Bücherei Mitte" not in html
    assert "Vom nächsten Nachbarn" in html and "Eigene Maßnahme" not in html
    assert re.search(r"\d+ % similar", html)
    assert "9,500 inhabitants · 290 m²" in html
    assert f'href="/bibliotheken/?similar_to={subject.pk}"' in html
    assert f'href="/massnahmen/?similar_to={subject.pk}"' in html


def test_draft_preview_shows_the_charts_and_skips_the_lists(network):
    draft = network["draft"]
    comparison = comparison_context(draft)
    assert comparison.similar_libraries is None and comparison.similar_measures is None
    # Not yet counted in the network, but its own band is still shown.
    population = chart(comparison, "population")
    assert counts(population) == [1, 2, 0, 0, 1, 0] and population.bars[0].is_own
    html = draft.make_preview_request().render().content.decode()
    assert "Wo steht diese Bibliothek?" in html
    assert "sobald das Profil veröffentlicht ist" in html


# --- Privacy ------------------------------------------------------------------------------------------------


def test_no_contact_details_and_no_unpublished_toolkit_results(client, neighbourhood):
    subject, others, _measures = neighbourhood
    secret = ToolkitResultFactory(slug="geheim", name="Geheimes Toolkit-Ergebnis")
    published = ToolkitResultFactory(slug="offen", name="Offenes Toolkit-Ergebnis")
    for page in (subject, *others):
        page.toolkit_results.set([secret])
        page.save()
    others[1].toolkit_results.set([published])
    others[1].toolkit_results_public = True
    others[1].save()
    private = [secret.name]
    for page in (subject, *others):
        private += [page.contact_person, page.contact_email, page.contact_phone]

    anonymous_page = get(client, subject)
    staff = get_user_model().objects.create_user("redaktion", "redaktion@example.org", "pw", is_staff=True)
    client.force_login(staff)
    member_section = section(get(client, subject))
    for text in private:
        assert text not in anonymous_page
        assert text not in member_section
    # Published toolkit results are not part of the comparison either.
    assert published.name not in member_section


# --- Query count and edge cases -----------------------------------------------------------------------------


def count_queries(client, page):
    client.get(page.url)  # warm Wagtail's site and root-path caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    return len(queries)


def add_libraries(count, start):
    for index in range(start, start + count):
        other = library(f"Weitere {index}", 1000 * (index + 1), 50 * (index + 1), str(index % 12))
        MeasurePageFactory(parent=other)


def test_query_count_does_not_grow_with_the_network(client, index_pages, django_assert_max_num_queries):
    subject = library("Bücherei Mitte", 8000, 250, "2.50")
    MeasurePageFactory(parent=subject)
    add_libraries(2, start=0)
    small = count_queries(client, subject)
    add_libraries(9, start=2)
    large = count_queries(client, subject)
    assert small == large
    # The two lists ask the engine for hits only, without facet counts.
    with django_assert_max_num_queries(32):
        client.get(subject.url)


def test_a_network_of_one_library(client, index_pages):
    only = library("Einzige Bücherei", 8000, 250, "2.50")
    comparison = comparison_context(only)
    assert comparison.libraries == 1
    assert all(chart.others == 0 and chart.percent_below is None for chart in comparison.charts)
    assert [chart.median for chart in comparison.charts] == [8000, 250, 2.5]
    html = section(get(client, only, **ENGLISH))
    assert "There are no other libraries in the network to compare with yet." in html
    assert "No measures from other libraries yet." in html
    assert html.count('class="bibnetz-chart__bar"') == 0 and html.count('class="bibnetz-chart__own"') == 3


def test_zero_figures_and_empty_bands(client, index_pages):
    zero = library("Nullbibliothek", 1, 1, "0.00")
    # The validators ask for at least 1 inhabitant and 1 m²; data from before them may still hold zeros.
    LibraryProfilePage.objects.filter(pk=zero.pk).update(population=0, floor_area_m2=0)
    zero.refresh_from_db()
    library("Große Bibliothek", 150000, 2000, "20.00")
    comparison = comparison_context(zero)
    assert [bar.is_own for bar in chart(comparison, "population").bars] == [True, False, False, False, False, False]
    assert [chart.percent_below for chart in comparison.charts] == [0, 0, 0]
    assert get(client, zero)


def test_a_figure_outside_every_configured_band(client, index_pages, settings):
    settings.BIBNETZ = {**settings.BIBNETZ, "BANDS": {"population": ["10000-20000"], "area": ["0-100"], "fte": ["0-1"]}}
    small = library("Kleine Bücherei", 500, 50, "0.50")
    population = chart(comparison_context(small), "population")
    assert [(bar.count, bar.is_own) for bar in population.bars] == [(0, False)]
    assert get(client, small)


def test_a_note_sits_below_its_bar_where_no_band_label_can_run_into_it(network):
    population = chart(comparison_context(network["c"]), "population")
    noted = [bar for bar in population.bars if bar.note]
    assert noted
    for bar in noted:
        assert bar.note_y > bar.bar_y + bar.bar_height
    rows = population.bars
    assert all(later.label_y > earlier.note_y for earlier, later in zip(rows, rows[1:]) if earlier.note)
    assert population.height == sum(bar.height for bar in rows)
