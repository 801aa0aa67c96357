"""The listing contract, engine by engine: facets, disjunctive counts, bands, text, likeness, order, pages."""

import pytest

from bibnetz_wagtail.search.query import ListingQuery, Reference, likeness, metric_similarity

from ..factories import LibraryProfilePageFactory
from ..helpers import counts, ids, run

pytestmark = pytest.mark.django_db


def pk(*pages):
    return {page.pk for page in pages}


class TestTermFacets:
    def test_no_filter_counts_everything(self, engine, world):
        result = run(engine, "measures")
        assert result.count == 4
        assert counts(result, "topic") == {"lesen": 2, "digital": 2, "maker": 1}
        assert counts(result, "target_group") == {"kinder": 2, "senioren": 2}
        assert counts(result, "status") == {"idea": 1, "pilot": 1, "established": 2}
        assert counts(result, "cost") == {"none": 1, "low": 1, "medium": 1, "high": 1}
        assert counts(result, "state") == {"BY": 2, "BW": 1, "NI": 1}
        # m3 carries t2, but its library keeps its toolkit results private: they count nowhere.
        assert counts(result, "toolkit") == {"t1": 1}

    def test_values_within_a_facet_are_ored(self, engine, world):
        m = world.measures
        result = run(engine, "measures", "topic=lesen&topic=maker")
        assert set(ids(result)) == pk(m["m1"], m["m2"], m["m4"])

    def test_facets_are_anded_and_counted_disjunctively(self, engine, world):
        m = world.measures
        result = run(engine, "measures", "topic=lesen&status=established")
        assert set(ids(result)) == pk(m["m1"])
        # Each facet is counted with the other filters applied, never its own.
        assert counts(result, "topic") == {"lesen": 1, "digital": 1}  # status=established: m1, m3
        assert counts(result, "status") == {"established": 1, "pilot": 1}  # topic=lesen: m1, m2
        assert counts(result, "target_group") == {"kinder": 1}  # both filters: m1
        assert counts(result, "state") == {"BY": 1}

    def test_selected_value_with_zero_count_is_still_listed(self, engine, world):
        result = run(engine, "measures", "status=idea&topic=lesen")
        assert result.count == 0
        topic = {value.value: value for value in result.facets["topic"]}
        assert topic["lesen"].selected and topic["lesen"].count == 0
        assert topic["maker"].count == 1 and not topic["maker"].selected

    def test_library_facets_on_measures(self, engine, world):
        m = world.measures
        assert set(ids(run(engine, "measures", "state=BW"))) == pk(m["m3"])
        assert set(ids(run(engine, "measures", "library_type=joint"))) == pk(m["m4"])

    def test_task_facets(self, engine, world):
        result = run(engine, "tasks", "task_kind=concept")
        assert ids(result) == [world.tasks["k2"].pk]
        assert counts(result, "task_kind") == {"event": 1, "concept": 1}
        assert counts(result, "status") == {"in_progress": 1}
        assert counts(result, "toolkit") == {"t1": 1}

    def test_unknown_values_are_dropped(self, engine, world):
        result = run(engine, "measures", "topic=gibt-es-nicht&status=%3Cscript%3E")
        assert result.count == 4


class TestPrivateToolkitResults:
    def test_unpublished_results_count_nowhere(self, engine, world):
        result = run(engine, "libraries")
        # B's t2 is not public: only C counts for t2.
        assert counts(result, "toolkit") == {"t1": 2, "t2": 1}

    def test_unpublished_results_do_not_match_a_filter(self, engine, world):
        result = run(engine, "libraries", "toolkit=t2")
        assert ids(result) == [world.libraries["c"].pk]


class TestBands:
    @pytest.mark.parametrize(
        "querystring, expected",
        [
            ("population=0-5000", {"a"}),
            ("population=5000-10000", {"b"}),
            ("population=100000-", {"c"}),
            ("population=4999-5000", {"a"}),
            ("population=5000-100000", {"b"}),
            ("area=0-100", {"b"}),
            ("area=100-300", {"a"}),
            ("area=1000-", {"c"}),
            ("fte=0-1", {"b"}),
            ("fte=1-2", {"a"}),
            ("fte=10-", {"c"}),
            ("fte=0.99-1", {"b"}),
            ("population=0-5000&population=100000-", {"a", "c"}),
            ("population=0-5000&area=0-100", set()),
        ],
    )
    def test_band_edges(self, engine, world, querystring, expected):
        result = run(engine, "libraries", querystring)
        assert set(ids(result)) == {world.libraries[key].pk for key in expected}

    def test_band_counts_are_disjunctive(self, engine, world):
        result = run(engine, "libraries", "population=0-5000&state=BY")
        assert counts(result, "population") == {"0-5000": 1}  # state=BY applies, population does not
        assert counts(result, "state") == {"BY": 1}
        result = run(engine, "libraries", "population=0-5000")
        assert counts(result, "state") == {"BY": 1}
        assert counts(result, "population") == {"0-5000": 1, "5000-10000": 1, "100000-": 1}

    def test_bands_of_measures_use_their_library(self, engine, world):
        m = world.measures
        result = run(engine, "measures", "population=0-5000")
        assert set(ids(result)) == pk(m["m1"], m["m2"])
        assert counts(result, "population") == {"0-5000": 2, "5000-10000": 1, "100000-": 1}

    def test_custom_band_is_listed_as_selected(self, engine, world):
        result = run(engine, "libraries", "population=4000-6000")
        values = {value.value: value for value in result.facets["population"]}
        assert values["4000-6000"].selected and values["4000-6000"].count == 2


class TestText:
    def test_words_must_all_match(self, engine, world):
        assert ids(run(engine, "measures", "q=Tablet")) == [world.measures["m2"].pk]
        assert ids(run(engine, "measures", "q=tablet+onleihe")) == [world.measures["m2"].pk]
        assert run(engine, "measures", "q=tablet+makerspace").count == 0

    def test_library_name_finds_its_measures(self, engine, world):
        m = world.measures
        assert set(ids(run(engine, "measures", "q=Aheim"))) == pk(m["m1"], m["m2"])

    def test_facets_follow_the_text(self, engine, world):
        result = run(engine, "measures", "q=Schnitzeljagd")
        assert counts(result, "topic") == {"digital": 1}

    def test_title_match_ranks_first(self, engine, world):
        LibraryProfilePageFactory(title="Leseland", municipality="Kitas")
        result = run(engine, "libraries", "q=Stadtbibliothek")
        assert ids(result)[0] == world.libraries["c"].pk


class TestLikeness:
    def test_formula_by_hand(self):
        # A library twice as large (on the ln(1+x) scale) scores exactly 0.5 on that metric.
        assert metric_similarity(9999, 4999) == pytest.approx(0.5)
        assert metric_similarity(4999, 4999) == 1.0
        assert metric_similarity(1, 15) == pytest.approx(0.5**9)  # d = ln 16 - ln 2 = 3 ln 2
        reference = Reference(population=4999, area=100, fte=1)
        assert likeness({"population": 9999, "area": 100, "fte": 1}, reference) == pytest.approx((0.5 + 1 + 1) / 3)

    def test_similar_to_ranks_and_scores(self, engine, world):
        a = world.libraries["a"]
        twin = LibraryProfilePageFactory(title="Zwilling", population=9999, floor_area_m2=100, staff_fte=1)
        result = run(engine, "libraries", f"similar_to={a.pk}")
        assert result.hits[0].id == a.pk and result.hits[0].likeness == pytest.approx(1.0)
        scores = {hit.id: hit.likeness for hit in result.hits}
        assert scores[twin.pk] == pytest.approx(5 / 6, abs=1e-9)
        assert ids(result)[1] == world.libraries["b"].pk  # 5000 / 99 m² / 0.99 FTE: nearly A's figures

    def test_typed_in_figures(self, engine, world):
        result = run(engine, "libraries", "like_population=100000&like_area=1000&like_fte=10")
        assert ids(result)[0] == world.libraries["c"].pk
        for hit in result.hits:
            library = next(lib for lib in world.libraries.values() if lib.pk == hit.id)
            expected = likeness(
                {"population": library.population, "area": library.floor_area_m2, "fte": library.staff_fte},
                Reference(population=100000, area=1000, fte=10),
            )
            assert hit.likeness == pytest.approx(expected, abs=1e-9)
        assert [hit.likeness for hit in result.hits] == sorted((hit.likeness for hit in result.hits), reverse=True)

    def test_only_some_figures(self, engine, world):
        result = run(engine, "measures", "like_population=5000")
        assert result.hits[0].likeness == pytest.approx(metric_similarity(5000, 5000))
        assert {hit.id for hit in result.hits[:1]} == {world.measures["m3"].pk}

    def test_measures_ranked_by_their_library(self, engine, world):
        result = run(engine, "measures", f"similar_to={world.libraries['c'].pk}")
        assert ids(result)[0] == world.measures["m4"].pk
        assert result.hits[0].likeness == pytest.approx(1.0)

    def test_no_reference_means_no_likeness(self, engine, world):
        assert all(hit.likeness is None for hit in run(engine, "libraries").hits)


class TestOrderAndPages:
    def test_newest_first_by_default(self, engine, world):
        m = world.measures
        assert ids(run(engine, "measures")) == [m["m4"].pk, m["m3"].pk, m["m2"].pk, m["m1"].pk]

    def test_ties_break_by_id_and_pages_never_repeat(self, engine, index_pages):
        same_time = LibraryProfilePageFactory().first_published_at
        twins = [
            LibraryProfilePageFactory(population=7000, floor_area_m2=200, staff_fte=2, first_published_at=same_time)
            for _ in range(7)
        ]
        seen = []
        for page in range(1, 5):
            result = run(engine, "libraries", f"like_population=7000&like_area=200&like_fte=2&per_page=2&page={page}")
            seen += ids(result)
        assert len(seen) == len(set(seen)) == 8
        twin_ids = sorted((twin.pk for twin in twins), reverse=True)
        assert seen[:7] == twin_ids

    def test_pagination_edges(self, engine, world):
        result = run(engine, "measures", "per_page=3&page=2")
        assert (result.count, result.pages, len(result.hits)) == (4, 2, 1)
        assert not result.out_of_range
        result = run(engine, "measures", "per_page=3&page=3")
        assert result.hits == [] and result.out_of_range
        result = run(engine, "measures", "per_page=4")
        assert result.pages == 1 and len(result.hits) == 4
        empty = run(engine, "measures", "status=idea&state=BY")
        assert empty.count == 0 and empty.pages == 0 and not empty.out_of_range

    def test_huge_page_is_out_of_range_not_an_error(self, engine, world):
        result = run(engine, "measures", "page=99999999999")
        assert result.hits == [] and result.out_of_range


def test_a_listing_without_facets_counts_none(engine, world):
    full = engine.search(ListingQuery(kind="measures"))
    bare = engine.search(ListingQuery(kind="measures", facets=False))
    assert bare.facets == {} and full.facets
    assert (bare.ids, bare.count) == (full.ids, full.count)
