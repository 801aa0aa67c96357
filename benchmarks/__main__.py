"""Benchmarks of bibnetz_wagtail on demo data: listing latency of both engines, reindexing, and Wagtail's own
search as the reference. Not part of the test suite; run it with ``bash benchmarks/run`` (see ``--help``).

The demo database lives in ``.cache/benchmarks/demo-<libraries>-<measures>-<tasks>.sqlite3`` and is reused
when it holds exactly the requested numbers of pages. The report is printed as Markdown and written to
``benchmarks/results.md`` (full size) or next to the database (smaller sizes).
"""

import argparse
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "benchmarks"
FULL_SIZE = {"libraries": 10_000, "measures": 100_000, "tasks": 10_000}


def parse_args():
    parser = argparse.ArgumentParser(prog="bash benchmarks/run", description=__doc__.split("\n\n")[0])
    for name, default in FULL_SIZE.items():
        parser.add_argument(f"--{name}", type=int, default=default, help=f"demo size (default {default:,})")
    parser.add_argument(
        "--quick", action="store_true", help="1,000 libraries, 10,000 measures, 1,000 calls, 20 repeats"
    )
    parser.add_argument("--repeat", type=int, help="timed repetitions per scenario (default 100, --quick 20)")
    parser.add_argument(
        "--warmup",
        type=float,
        default=15,
        metavar="SECONDS",
        help="untimed listings per scenario before timing, in seconds (default 15; the database "
        "engine gets 3 listings)",
    )
    parser.add_argument("--db-repeat", type=int, help="repetitions for the slow database engine (default 20)")
    parser.add_argument("--engines", default="database,elasticsearch", help="comma-separated (default: both)")
    parser.add_argument("--skip-reference", action="store_true", help="leave out Wagtail's own search")
    parser.add_argument("--skip-reindex", action="store_true", help="reuse the benchmark index if there is one")
    parser.add_argument("--no-tracemalloc", action="store_true", help="skip the second, traced rebuild")
    parser.add_argument("--keep-indices", action="store_true", help="keep the benchmark indices afterwards")
    parser.add_argument("--output", type=Path, help="where to write the Markdown report")
    parser.add_argument("--skip-degraded", action="store_true", help="leave out the hung-cluster measurement")
    parser.add_argument(
        "--degraded-only",
        action="store_true",
        help="only the hung-cluster measurement (small example site; report in .cache/benchmarks/)",
    )
    args = parser.parse_args()
    if args.quick:
        args.libraries, args.measures, args.tasks = 1000, 10_000, 1000
    args.repeat = args.repeat or (20 if args.quick else 100)
    args.engines = [name.strip() for name in args.engines.split(",") if name.strip()]
    args.db_repeat = args.db_repeat or min(args.repeat, 20)
    size = f"{args.libraries}-{args.measures}-{args.tasks}"
    full = all(getattr(args, name) == value for name, value in FULL_SIZE.items())
    args.output = args.output or (ROOT / "benchmarks" / "results.md" if full else CACHE / f"results-{size}.md")
    args.database = CACHE / f"demo-{size}.sqlite3"
    return args


def setup_django(args):
    CACHE.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{args.database}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()


def ensure_demo(args):
    """Migrate, and load the demo content unless the database already holds exactly the requested sizes."""
    from django.core.management import call_command

    from bibnetz_wagtail.models import LibraryProfilePage, MeasurePage, TaskSharePage

    call_command("migrate", verbosity=0)
    wanted = (args.libraries, args.measures, args.tasks)
    present = tuple(model.objects.count() for model in (LibraryProfilePage, MeasurePage, TaskSharePage))
    if present == wanted:
        # The text rows follow the analysis of the code being measured, not of the one that built the data.
        from bibnetz_wagtail.search.documents import KINDS
        from bibnetz_wagtail.search.text_index import rebuild_text

        for kind in KINDS:
            rebuild_text(kind)
        return "reused (text rows rewritten)"
    started = time.perf_counter()
    sizes = {"libraries": args.libraries, "measures": args.measures, "tasks": args.tasks}
    # The benchmark settings turn DEBUG off (see benchmarks/settings.py); the database is the benchmark's own.
    call_command("bibnetz_demo", **sizes, reset=True, allow_production=True, seed=42)
    return f"built in {time.perf_counter() - started:.0f} s"


def say(message):
    print(f"-- {message}", flush=True)


def run(args):
    from django.db import connection

    from bibnetz_wagtail.conf import get_setting
    from bibnetz_wagtail.search.cluster import get_client

    from .report import machine_line
    from .summary import report

    client = get_client()
    where = os.environ["DATABASE_URL"].replace(f"sqlite:///{ROOT}/", "")
    say(f"demo data {ensure_demo(args)}: {where}")
    results = {"args": args, "machine": machine_line(client, connection.vendor), "load": [os.getloadavg()[0]]}
    try:
        measure(args, client, results)
        results["load"].append(os.getloadavg()[0])
    finally:
        if not args.keep_indices:  # the package's and the reference's indices share the benchmark prefix
            prefix = get_setting("ELASTICSEARCH")["INDEX_PREFIX"]
            client.options(ignore_status=404).indices.delete(index=f"{prefix}-*")
            say(f"deleted the indices {prefix}-* (keep them with --keep-indices)")
    text = report(results)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text + "\n", encoding="utf-8")
    print("\n" + text + "\n")
    say(f"written to {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")


def measure(args, client, results):
    """Run every section in turn; each adds its numbers to ``results``."""
    from bibnetz_wagtail.search.cluster import alias_name, indices_behind

    from . import listing, reference, reindex

    if "elasticsearch" in args.engines:
        if args.skip_reindex and indices_behind("measures", client):
            say(f"reusing {alias_name('measures')}")
        else:
            say("rebuild() of the measure index" + ("" if args.no_tracemalloc else ", then once more with tracemalloc"))
            results["reindex"] = reindex.reindex(tracemalloc_run=not args.no_tracemalloc)
    results["latency"] = []
    for engine in args.engines:
        say(f"listing latency, {engine} engine")
        repeat, warmup = (
            (args.db_repeat, listing.DB_WARMUP_SECONDS) if engine == "database" else (args.repeat, args.warmup)
        )
        results["latency"] += listing.latency(engine, client, repeat, warmup)
    if "elasticsearch" in args.engines:
        say("where the time of an Elasticsearch listing goes")
        results["breakdown"] = listing.breakdown(client, args.repeat)
        if not args.skip_reference:
            reference.declare_search_fields()
            say("Wagtail reference: indexing the measures with Wagtail's indexer")
            results["reference_index"] = reference.build_index()
            say("Wagtail reference: listing latency")
            results["reference"] = reference.latency(args.repeat, args.warmup)
        if not args.skip_degraded:
            from . import degraded

            say("degraded mode: the example site with an answering and with a hung cluster")
            results["degraded"] = degraded.section(degraded.measure(cluster_url()))


def run_degraded_only():
    """The hung-cluster measurement alone: it needs no big demo database."""
    from bibnetz_wagtail.search.cluster import get_client

    from . import degraded
    from .report import machine_line

    say("degraded mode: the example site with an answering and with a hung cluster")
    text = machine_line(get_client(), "sqlite") + "\n\n" + degraded.section(degraded.measure(cluster_url()))
    output = CACHE / "results-degraded.md"
    output.write_text(text + "\n", encoding="utf-8")
    print("\n" + text + "\n")
    say(f"written to {output.relative_to(ROOT)}")


def cluster_url():
    from bibnetz_wagtail.conf import get_setting

    return get_setting("ELASTICSEARCH")["HOSTS"][0]


def main():
    args = parse_args()
    setup_django(args)
    if args.degraded_only:
        run_degraded_only()
    else:
        run(args)


if __name__ == "__main__":
    main()
