"""Listing latency benchmark: server-side time of listing requests on demo data, per engine and scenario."""

import argparse
import os
import platform
import statistics
import time

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from bibnetz_wagtail.models import LibraryProfilePage, MeasurePage  # noqa: E402

SCENARIOS = [
    ("measures, no filter", "/massnahmen/?format=json"),
    ("measures, 2 facets + band", "/massnahmen/?format=json&topic=lesefoerderung&topic=digitale-kompetenz&status=established&population=5000-10000"),
    ("measures, facets + likeness", "/massnahmen/?format=json&status=established&like_population=8000&like_area=250&like_fte=2.5"),
    ("measures, q + facets + likeness", "/massnahmen/?format=json&q=Kinder+lesen&status=established&like_population=8000&like_area=250&like_fte=2.5"),
    ("libraries, similar_to + state", "/bibliotheken/?format=json&state=BY&state=BW&similar_to={library}"),
    ("measures HTML page, facets + likeness", "/massnahmen/?status=established&like_population=8000&like_area=250&like_fte=2.5"),
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ensure_demo(args):
    call_command("migrate", verbosity=0)
    if MeasurePage.objects.count() < args.measures or LibraryProfilePage.objects.count() < args.libraries:
        started = time.perf_counter()
        call_command(
            "bibnetz_demo", libraries=args.libraries, measures=args.measures, tasks=args.tasks, reset=True, seed=42
        )
        print(f"demo data loaded in {time.perf_counter() - started:.1f} s")


def measure(client, url, repeat):
    client.get(url)  # warm caches
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--libraries", type=int, default=1000)
    parser.add_argument("--measures", type=int, default=10000)
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--engines", default="database")
    args = parser.parse_args()
    ensure_demo(args)
    library = LibraryProfilePage.objects.order_by("pk").values_list("pk", flat=True)[args.libraries // 2]
    client = Client()
    print(f"\nMachine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"database {connection.vendor}; {LibraryProfilePage.objects.count()} libraries, {MeasurePage.objects.count()} measures\n")
    print("| engine | scenario | p50 ms | p95 ms |")
    print("|---|---|---:|---:|")
    for engine in args.engines.split(","):
        with override_settings(BIBNETZ={**django.conf.settings.BIBNETZ, "SEARCH_ENGINE": engine}):
            for name, url in SCENARIOS:
                timings = measure(client, url.format(library=library), args.repeat)
                print(f"| {engine} | {name} | {statistics.median(timings):.1f} | {percentile(timings, 0.95):.1f} |")


if __name__ == "__main__":
    main()
