"""The reference: the measure listing built with Wagtail's own search, as a site without this package would.

Wagtail's search (the ``modelsearch`` package, backend ``reference`` from ``benchmarks/settings.py``) answers
``queryset.search(...)`` and counts one facet per request with ``.facet(field)``. A listing therefore costs
one search for the page of results, one count, and one ``.facet()`` per facet, each with every *other*
active filter (disjunctive counts, as the package computes them).

``MeasurePage.search_fields`` declares ``status`` as its only FilterField. The listing needs more, so
``declare_search_fields`` adds them for the benchmark process only (no migration, no file changed):

- ``FilterField`` ``cost``, ``effort``, ``topics``, ``target_groups``, ``toolkit_results``: ``.facet()`` only
  counts FilterFields of the model itself (many-valued ones by primary key);
- ``RelatedFields("topics", [FilterField("slug")])``: filtering by topic slug (a nested query);
- ``RelatedFields("library", [FilterField("population"), …])``: the band filters on the library's figures.

What Wagtail's search cannot express, the reference leaves out, which makes it cheaper, not dearer:
ranking by likeness (no ``function_score``: newest first instead), facets on the library (state, library
type) and the band facets (``.facet()`` counts terms of the model's own fields only), and facets beyond
ten values (``.facet()`` sends a ``terms`` aggregation with the default size 10 and offers no way to
change it: topics and toolkit results are cut short).
"""

import time

from django.db.models import Q
from modelsearch.backends import get_search_backend
from modelsearch.index import FilterField, RelatedFields
from modelsearch.query import MATCH_ALL

from bibnetz_wagtail.models import MeasurePage, TargetGroup, ToolkitResult, Topic
from bibnetz_wagtail.search.bands import METRIC_FIELDS
from bibnetz_wagtail.search.engines import get_engine
from bibnetz_wagtail.search.vocabulary import load_vocabulary

from .listing import KIND, SCENARIOS
from .report import ClientRecorder, ms, p50, p95, table, timed, warm_up

BACKEND = "reference"
#: Listing facet key -> (MeasurePage field, vocabulary model for many-valued fields or None).
FACETS = {
    "topic": ("topics", Topic),
    "target_group": ("target_groups", TargetGroup),
    "toolkit": ("toolkit_results", ToolkitResult),
    "status": ("status", None),
    "cost": ("cost", None),
    "effort": ("effort", None),
}
LEFT_OUT = ["state", "library_type", "population", "area", "fte"]
EXTRA_SEARCH_FIELDS = [
    *(FilterField(name) for name in ("cost", "effort", "topics", "target_groups", "toolkit_results")),
    RelatedFields("topics", [FilterField("slug")]),
    RelatedFields("library", [FilterField(field) for field in METRIC_FIELDS.values()]),
]


def declare_search_fields():
    """Add the FilterFields the listing needs to ``MeasurePage.search_fields`` (this process only)."""
    known = {(type(field), field.field_name) for field in MeasurePage.search_fields}
    missing = [field for field in EXTRA_SEARCH_FIELDS if (type(field), field.field_name) not in known]
    MeasurePage.search_fields = [*MeasurePage.search_fields, *missing]


def build_index(chunk_size=1000):
    """Index every MeasurePage with Wagtail's indexer, as ``update_index`` does for one model."""
    backend = get_search_backend(BACKEND)
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(MeasurePage))
    started = time.perf_counter()
    index = rebuilder.start()
    index.add_model(MeasurePage)
    queryset, last_pk, total = MeasurePage.get_indexed_objects().order_by("pk"), 0, 0
    while chunk := list(queryset.filter(pk__gt=last_pk)[:chunk_size]):
        index.add_items(MeasurePage, chunk)
        last_pk, total = chunk[-1].pk, total + len(chunk)
    rebuilder.finish()
    seconds = time.perf_counter() - started
    return {"total": total, "seconds": seconds, "rate": total / seconds}


def filters(query):
    """Listing facet key -> Django filter, for the filters the scenarios use."""
    active = {}
    for key, values in query.terms.items():
        field, vocabulary = FACETS[key]
        active[key] = Q(**{f"{field}__slug__in" if vocabulary else f"{field}__in": list(values)})
    for key, bands in query.bands.items():
        field = f"library__{METRIC_FIELDS[key]}"
        active[key] = Q()
        for band in bands:
            bounds = {f"{field}__gte": band.low, **({f"{field}__lt": band.high} if band.high is not None else {})}
            active[key] |= Q(**bounds)
    return active


def listing(query):
    """Page of results, count and facet counts of ``query`` with Wagtail's search: what a site would write."""
    active = filters(query)

    def results(leave_out=None):
        queryset = MeasurePage.objects.live().filter(*(q for key, q in active.items() if key != leave_out))
        if query.q:
            return queryset.search(query.q, operator="and", backend=BACKEND)
        return queryset.order_by("-first_published_at").search(MATCH_ALL, order_by_relevance=False, backend=BACKEND)

    found = results()
    pages = list(found[query.offset : query.offset + query.per_page])
    facets = {}
    for key, (field, vocabulary) in FACETS.items():
        counts = results(leave_out=key).facet(field)
        if vocabulary is not None:  # many-valued facets count primary keys
            slugs = dict(vocabulary.objects.filter(pk__in=list(counts)).values_list("pk", "slug"))
            counts = {slugs.get(pk, pk): count for pk, count in counts.items()}
        facets[key] = counts
    return {"count": found.count(), "pages": pages, "facets": facets}


def latency(repeat, warmup_seconds):
    """One result dict per scenario: untimed listings, wall time, summed ``took`` and requests per listing."""
    client_class = type(get_search_backend(BACKEND).es)
    vocabulary = load_vocabulary(KIND)
    rows = []
    with ClientRecorder(client_class, methods=("search", "count")) as recorder:
        for scenario in SCENARIOS:
            query = scenario.query(vocabulary)
            warmed = warm_up(lambda: listing(query), warmup_seconds)
            wall, took = [], []
            for _ in range(repeat):
                recorder.clear()
                elapsed, result = timed(listing, query)
                wall.append(elapsed)
                took.append(sum(recorder.took))
            rows.append(
                {
                    "scenario": scenario,
                    "count": result["count"],
                    "warmed": warmed,
                    "wall": wall,
                    "took": took,
                    "requests": len(recorder.round_trips),
                    "agrees": agrees(query, result),
                }
            )
    return rows


def agrees(query, result):
    """Whether the reference found what the package's Elasticsearch engine finds: the same number of
    matches and, for every facet it counts, the same counts (up to the 10 values ``.facet()`` returns)."""
    ours = get_engine("elasticsearch").search(query)
    if ours.count != result["count"]:
        return False
    for key, counts in result["facets"].items():
        expected = {value.value: value.count for value in ours.facets[key] if value.count}
        if any(expected.get(code) != count for code, count in counts.items() if code is not None):
            return False
        if len([code for code in counts if code is not None]) < min(len(expected), 10):
            return False
    return True


def latency_table(rows):
    header = [
        "scenario",
        "requests",
        "matches",
        "same counts as the package",
        "wall p50",
        "wall p95",
        "Σ ES took p50",
        "Σ ES took p95",
    ]
    body = [
        [
            row["scenario"].name,
            row["requests"],
            f"{row['count']:,}",
            "yes" if row["agrees"] else "no",
            ms(p50(row["wall"])),
            ms(p95(row["wall"])),
            ms(p50(row["took"])),
            ms(p95(row["took"])),
        ]
        for row in rows
    ]
    return table(header, body, left=1)
