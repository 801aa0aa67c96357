"""Listing latency of the package's two engines, measured three ways per scenario.

- *view*: a Django test ``Client`` request to ``/massnahmen/?format=json&…``: page routing, vocabulary,
  parsing, the engine, loading the page of results and JSON rendering (no network, no web server);
- *engine*: ``get_engine().search(query)`` alone (it loads the vocabulary itself);
- *took*: Elasticsearch's own time for the one search request of a listing.

``breakdown`` splits the view of the Elasticsearch engine into its steps, to see where the time goes.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import JsonResponse, QueryDict
from django.test import Client, RequestFactory
from django.test.utils import override_settings

from bibnetz_wagtail.search.engines import get_engine
from bibnetz_wagtail.search.params import parse_listing_query
from bibnetz_wagtail.search.vocabulary import load_vocabulary
from bibnetz_wagtail.web.items import load_items
from bibnetz_wagtail.web.serializers import listing_json

from .report import ClientRecorder, ms, p50, p95, table, timed, warm_up

KIND = "measures"
PATH = "/massnahmen/"
FILTERS = "topic=lesefoerderung&topic=digitale-kompetenz&status=established&population=5000-10000"
LIKENESS = "like_population=8000&like_area=250&like_fte=2.5"
#: The database engine takes seconds per listing at full size: three listings warm it up, not a time span.
DB_WARMUP_SECONDS = 0


@dataclass(frozen=True)
class Scenario:
    name: str
    params: str

    @property
    def url(self):
        return f"{PATH}?format=json" + (f"&{self.params}" if self.params else "")

    def query(self, vocabulary):
        return parse_listing_query(KIND, QueryDict(self.params), vocabulary)


SCENARIOS = [
    Scenario("plain listing (newest first)", ""),
    Scenario("filters + bands + likeness", f"{FILTERS}&{LIKENESS}"),
    Scenario("filters + bands + likeness + q", f"q=Kinder+lesen&{FILTERS}&{LIKENESS}"),
    Scenario("q alone (relevance)", "q=Kinder+lesen"),
]


def engine_settings(name):
    return override_settings(BIBNETZ={**settings.BIBNETZ, "SEARCH_ENGINE": name})


def latency(engine_name, es_client, repeat, warmup_seconds):
    """One result dict per scenario: match count, untimed listings and view/engine/took timings in ms."""
    client = Client()
    results = []
    with engine_settings(engine_name), ClientRecorder(es_client) as recorder:
        for scenario in SCENARIOS:
            query = scenario.query(load_vocabulary(KIND))

            def view_and_engine():
                response = client.get(scenario.url)
                assert response.status_code == 200, (scenario.url, response.status_code, response.content[:300])
                get_engine().search(query)

            warmed = warm_up(view_and_engine, warmup_seconds)
            view = []
            for _ in range(repeat):
                elapsed, response = timed(client.get, scenario.url)
                assert response.status_code == 200, (scenario.url, response.status_code)
                view.append(elapsed)
            recorder.clear()
            engine = []
            for _ in range(repeat):
                elapsed, result = timed(get_engine().search, query)
                engine.append(elapsed)
            if engine_name == "elasticsearch" and len(recorder.took) != repeat:
                raise RuntimeError("Elasticsearch did not answer every listing: the engine fell back to the database")
            results.append(
                {
                    "engine": engine_name,
                    "scenario": scenario,
                    "count": result.count,
                    "warmed": warmed,
                    "view": view,
                    "engine_ms": engine,
                    "took": list(recorder.took),
                }
            )
    return results


def latency_table(rows):
    header = [
        "engine",
        "scenario",
        "matches",
        "view p50",
        "view p95",
        "engine p50",
        "engine p95",
        "ES took p50",
        "ES took p95",
    ]
    body = []
    for row in rows:
        took = row["took"]
        body.append(
            [
                row["engine"],
                row["scenario"].name,
                f"{row['count']:,}",
                ms(p50(row["view"])),
                ms(p95(row["view"])),
                ms(p50(row["engine_ms"])),
                ms(p95(row["engine_ms"])),
                ms(p50(took)) if took else "–",
                ms(p95(took)) if took else "–",
            ]
        )
    return table(header, body)


STEPS = ["vocabulary", "parse", "ES took", "ES client", "engine rest", "load items", "JSON", "routing etc."]


def breakdown(es_client, repeat, warmup=3):
    """p50 of each step of a JSON listing answered by Elasticsearch, in the order the view runs them.

    Each round times the steps one by one and then the whole view; ``routing etc.`` is the view minus the
    steps (URL and page routing, site lookup, middleware, the test client). It runs after ``latency``, with
    the server warm already: a few untimed rounds suffice.
    """
    factory, client = RequestFactory(), Client()
    rows = []
    with engine_settings("elasticsearch"), ClientRecorder(es_client) as recorder:
        for scenario in SCENARIOS:
            request = factory.get(scenario.url)
            steps = {step: [] for step in [*STEPS, "view"]}
            for round_number in range(warmup + repeat):
                recorder.clear()
                vocabulary_ms, vocabulary = timed(load_vocabulary, KIND)
                parse_ms, query = timed(parse_listing_query, KIND, request.GET, vocabulary)
                engine_ms, result = timed(get_engine().search, query, vocabulary=vocabulary)
                items_ms, items = timed(load_items, KIND, result.hits)
                json_ms, _response = timed(lambda: JsonResponse(listing_json(result, items, request)))
                view_ms, _response = timed(client.get, scenario.url)
                if round_number < warmup:
                    continue
                took, round_trip = recorder.took[0], recorder.round_trips[0]
                parts = (vocabulary_ms, parse_ms, took, round_trip - took, engine_ms - round_trip, items_ms, json_ms)
                for step, value in zip(STEPS, (*parts, view_ms - sum(parts))):
                    steps[step].append(value)
                steps["view"].append(view_ms)
            rows.append([scenario.name, *(ms(p50(steps[step])) for step in [*STEPS, "view"])])
    return table(["scenario (p50 ms)", *STEPS, "view"], rows, left=1)
