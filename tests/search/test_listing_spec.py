"""A listing is one declaration: a facet added to a spec reaches parsing, both engines, counts and items."""

from contextlib import contextmanager

import pytest
from django.utils.translation import gettext_lazy as _

from bibnetz_wagtail.models import CostBand, ToolkitResult
from bibnetz_wagtail.models.facets import TOOLKIT_PUBLIC
from bibnetz_wagtail.models.listing_spec import LISTINGS, TermFacet, register_listing
from bibnetz_wagtail.search.facets import listing_of_model
from bibnetz_wagtail.search.mappings import document_class
from bibnetz_wagtail.web.items import load_items

from ..helpers import counts, ids, run

pytestmark = pytest.mark.django_db

#: A second cost facet under another key: a one-valued facet of the measure itself.
EXPENSE = TermFacet("ausgaben", _("Cost"), "cost", choices=CostBand)
#: A second toolkit facet on the libraries: many-valued, and public only where the library publishes.
RESULTS = TermFacet(
    "ergebnis", _("Toolkit result"), "toolkit_results", vocabulary=ToolkitResult, many=True, public_if=TOOLKIT_PUBLIC
)


@contextmanager
def declared(*extensions):
    """The listings with one more facet each, for the duration of the block."""
    originals = {kind: LISTINGS[kind] for kind, _facet in extensions}
    try:
        for kind, facet in extensions:
            register_listing(LISTINGS[kind].with_facet(facet))
        yield
    finally:
        for spec in originals.values():
            register_listing(spec)


@pytest.fixture
def throwaway_facets(world):
    with declared(("measures", EXPENSE), ("libraries", RESULTS)):
        yield world


def test_a_new_one_valued_facet_filters_and_counts_like_the_field_it_reads(engine, throwaway_facets):
    result = run(engine, "measures")
    assert counts(result, "ausgaben") == counts(result, "cost") == {"none": 1, "low": 1, "medium": 1, "high": 1}
    filtered = run(engine, "measures", "ausgaben=low&ausgaben=high")
    assert sorted(ids(filtered)) == sorted(ids(run(engine, "measures", "cost=low&cost=high")))
    assert filtered.count == 2
    # Disjunctive: the facet is counted without its own selection, the others with it.
    assert counts(filtered, "ausgaben") == counts(result, "cost")
    assert sum(counts(filtered, "status").values()) == 2


def test_a_new_many_valued_facet_keeps_its_public_if_rule(engine, throwaway_facets):
    result = run(engine, "libraries")
    assert counts(result, "ergebnis") == counts(result, "toolkit")
    assert ids(run(engine, "libraries", "ergebnis=t1")) == ids(run(engine, "libraries", "toolkit=t1"))
    # Libraries b and c hold t2, but b keeps its results private: the new facet finds c only.
    assert ids(run(engine, "libraries", "ergebnis=t2")) == [throwaway_facets.libraries["c"].pk]
    assert counts(result, "ergebnis") == {"t1": 2, "t2": 1}


def test_items_and_the_index_mapping_carry_the_new_facets(throwaway_facets):
    measures = load_items("measures", run_hits("measures"))
    assert all(item.terms["ausgaben"] == [item.page.cost] for item in measures)
    libraries = load_items("libraries", run_hits("libraries"))
    assert all(item.terms["ergebnis"] == item.terms["toolkit"] for item in libraries)
    mapping = document_class("measures")._doc_type.mapping.to_dict()["properties"]
    assert mapping["ausgaben"] == {"type": "keyword"}


def test_the_declarations_are_restored(world):
    assert "ausgaben" not in LISTINGS["measures"].facet_keys
    assert listing_of_model(type(world.measures["m1"])).kind == "measures"


def run_hits(kind):
    from bibnetz_wagtail.search.engines.database import DatabaseEngine

    return run(DatabaseEngine(), kind).hits
