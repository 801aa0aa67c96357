"""The Markdown report: every section's table, what was measured, and a verdict on the issue's targets."""

from . import listing, reference
from .report import ms, p95, table

TARGET_P95_MS = 50
TARGET_SPEEDUP = 3
TARGET_RATE = 2000
#: Memory counts as flat when the peak after all documents is at most this much above the peak after a quarter.
FLAT_TOLERANCE = 0.25


def verdict(ok):
    return "**met**" if ok else "**not met**"


def header(results):
    args = results["args"]
    return [
        "## Benchmark results",
        "",
        results["machine"],
        "",
        f"Demo data: {args.libraries:,} libraries, {args.measures:,} measures, {args.tasks:,} task-share calls "
        f"(`bibnetz_demo`, seed 42). Command: `bash benchmarks/run` ({args.repeat} timed repetitions per "
        f"scenario{f', {args.db_repeat} for the database engine' if args.db_repeat != args.repeat else ''}; "
        f"nearest-rank percentiles; times in ms). {warm_up_text(results)} Elasticsearch runs on the same machine "
        "(heap as in the first line; set it with `BIBNETZ_ES_JAVA_OPTS`). "
        f"1-minute load average {load_text(results['load'])}: the benchmark and Elasticsearch account "
        "for about 1–2, anything above means other work shared the cores and widened the percentiles.",
    ]


def warm_up_text(results):
    """How long each side ran untimed before its timing began, and how the package settled meanwhile."""
    args = results["args"]
    package = [row for row in results.get("latency", []) if row["engine"] == "elasticsearch"]
    wagtail = results.get("reference", [])
    counts = [
        f"{count_range(package)} listings of the package" if package else "",
        f"{count_range(wagtail)} of the Wagtail reference" if wagtail else "",
    ]
    text = (
        f"Before timing, each scenario runs untimed for {args.warmup:g} s ({', '.join(filter(None, counts))}; "
        "the database engine runs 3 listings): Elasticsearch's JVM compiles its hot search code only after many "
        "requests, which a live cluster has long behind it and a server the benchmark has just started has not."
    )
    if package and min(len(row["warmed"]) for row in package) >= 200:
        settling = "; ".join(f"{ms(p95(row['warmed'][:100]))} → {ms(p95(row['warmed'][-100:]))}" for row in package)
        text += " p95 of the first and of the last 100 untimed listings (view and engine call), "
        text += f"per scenario: {settling} ms."
    return text


def count_range(rows):
    counts = [len(row["warmed"]) for row in rows]
    return f"{min(counts):,}–{max(counts):,}"


def load_text(loads):
    return f"{loads[0]:.1f} at start" + (f", {loads[1]:.1f} at end" if len(loads) > 1 else "")


def latency_section(results):
    scenarios = "; ".join(f"*{s.name}*: `{s.params or '(no parameters)'}`" for s in listing.SCENARIOS)
    return [
        "### Listing latency, server-side",
        "",
        "`view`: Django test client request to `/massnahmen/?format=json&…` (routing, vocabulary, parsing, engine, "
        "loading the 20 results, JSON). `engine`: `get_engine().search(query)` alone. `ES took`: Elasticsearch's "
        "own time for the listing's single search request. Every listing counts all 11 facets (8 term facets, "
        f"3 band facets). Scenarios: {scenarios}.",
        "",
        listing.latency_table(results["latency"]),
    ]


def breakdown_section(results):
    if "breakdown" not in results:
        return []
    return [
        "### Where the time of an Elasticsearch listing goes (p50 ms)",
        "",
        "The view's steps timed one by one: `vocabulary` loads the facet labels (`load_vocabulary`), `ES client` "
        "is the client round trip minus `took` (HTTP, JSON encoding and decoding), `engine rest` builds the "
        "request and turns the aggregations into facet values, `load items` loads the 20 pages with their "
        "library and terms, `JSON` builds the answer; `routing etc.` is the whole view, timed in the same round, "
        "minus those steps (site lookup, page routing, middleware, test client).",
        "",
        results["breakdown"],
    ]


def reference_section(results):
    if "reference" not in results:
        return []
    built = results["reference_index"]
    es_rows = {row["scenario"]: row for row in results["latency"] if row["engine"] == "elasticsearch"}
    comparison = []
    for row in results["reference"]:
        ours = es_rows[row["scenario"]]
        comparison.append(
            [
                row["scenario"].name,
                ms(p95(ours["engine_ms"])),
                ms(p95(ours["view"])),
                ms(p95(row["wall"])),
                f"{p95(row['wall']) / p95(ours['engine_ms']):.1f}×",
                f"{p95(row['wall']) / p95(ours['view']):.1f}×",
                ms(p95(ours["took"])),
                ms(p95(row["took"])),
            ]
        )
    return [
        "### Reference: the same listing with Wagtail's own search",
        "",
        "Wagtail 8's search (`modelsearch`, backend `wagtail.search.backends.elasticsearch8`) on the same cluster "
        "with its own index prefix, indexed with Wagtail's indexer (rebuilder, `add_model`, `add_items` in chunks "
        "of 1,000, as `update_index` does). The listing is what a Wagtail developer would write: "
        "`MeasurePage.objects.live().filter(…).search(q or MATCH_ALL, …)` for the page of results and its "
        "`count()`, plus `.facet(field)` once per facet, each with every other active filter (disjunctive counts).",
        "",
        "- **Analysis changed:** Wagtail's default index settings need `ngram`, `edge_ngram` and `asciifolding` "
        "from analysis-common, which this server-core-only cluster lacks. Its `INDEX_SETTINGS` (deep-merged "
        "into the defaults) turn both of its analyzers into the core `standard` analyzer (standard tokenizer, "
        "lowercase, German stop words) and empty the ngram tokenizer and filter definitions. No ngrams make "
        "the reference slightly *cheaper* than a stock Wagtail site, not dearer.",
        "- **Search fields added for this process only** (no migration, `MeasurePage` unchanged on disk): "
        "`FilterField` `cost`, `effort`, `topics`, `target_groups`, `toolkit_results` (`.facet()` needs them; "
        'only `status` is declared), `RelatedFields("topics", [FilterField("slug")])` for the topic filter '
        'and `RelatedFields("library", [FilterField("population"), …])` for the band filters.',
        f"- **Left out, because Wagtail's search cannot express them** (again cheaper): the facets "
        f"{', '.join(reference.LEFT_OUT)} (`.facet()` counts terms of the model's own fields only: nothing "
        "through the library, no ranges), so 6 of 11 facets are counted; ranking by likeness (no "
        "`function_score`: newest first instead); and facet values beyond the 10th (`.facet()` uses the default "
        "`terms` size 10, so topics and toolkit results come back incomplete). `Σ ES took` has no share "
        "for the `count` request (its answer carries no `took`). Wagtail builds a new backend and client on "
        "every `queryset.search()` call; that is part of its wall time, as on any Wagtail site. Its "
        "`search()` also returns page objects, so its wall time includes the one database query that fetches "
        "the 20 pages; the package's engine call returns ids and leaves loading the results to the view (`load "
        "items` above, which also loads each result's library and terms).",
        "- **Shard request cache off** on both benchmark indices: the benchmark repeats one listing, and "
        "Elasticsearch would answer the reference's `size=0` facet requests from its cache after the first "
        "time (the package's request fetches hits and is never cached). A live site's cache is emptied by every "
        "refresh after an index change.",
        "- `same counts as the package`: the reference finds as many matches as the package's Elasticsearch "
        "engine, and the same count for every facet value it returns: it is the same listing, with fewer "
        "facets and without likeness ranking.",
        "",
        table(
            ["indexing", "documents", "seconds", "documents/s"],
            [
                [
                    "Wagtail's indexer (reference)",
                    f"{built['total']:,}",
                    f"{built['seconds']:.1f}",
                    f"{built['rate']:,.0f}",
                ]
            ],
            left=1,
        ),
        "",
        reference.latency_table(results["reference"]),
        "",
        table(
            [
                "scenario (p95 ms)",
                "package engine",
                "package view",
                "Wagtail reference",
                "reference ÷ engine",
                "reference ÷ view",
                "package ES took",
                "reference Σ ES took",
            ],
            comparison,
            left=1,
        ),
    ]


def reindex_section(results):
    if "reindex" not in results:
        return []
    return [
        '### Reindex: `rebuild("measures")`',
        "",
        "Documents are built from plain database rows in chunks of 500 (one query for the pages with their "
        "library, one per relation) and sent with `streaming_bulk` into a new index whose periodic refresh is off "
        "until all are in; then it is refreshed and the alias moves. "
        "Peak memory is noted when the first quarter and when all documents "
        "are through: peak RSS growth of the timed run (`VmHWM`, reset before it) and the `tracemalloc` peak of "
        "a second, traced run.",
        "",
        results["reindex"]["table"],
        "",
        f"Size of the measure index on disk (primaries, one segment): {results['reindex']['index_mib']:.1f} MiB.",
    ]


def targets_section(results):
    lines = ["### Targets", ""]
    es_rows = [row for row in results["latency"] if row["engine"] == "elasticsearch"]
    if es_rows:
        worst_view = max(p95(row["view"]) for row in es_rows)
        worst_engine = max(p95(row["engine_ms"]) for row in es_rows)
        worst_took = max(p95(row["took"]) for row in es_rows)
        lines.append(
            f"- Elasticsearch listing p95 ≤ {TARGET_P95_MS} ms server-side: {verdict(worst_view <= TARGET_P95_MS)} "
            f"for the whole view (worst scenario {ms(worst_view)} ms); engine call {ms(worst_engine)} ms "
            f"({verdict(worst_engine <= TARGET_P95_MS)}); Elasticsearch `took` {ms(worst_took)} ms."
        )
    if "reference" in results:
        ours = {row["scenario"]: row for row in es_rows}
        ratios = [p95(row["wall"]) / p95(ours[row["scenario"]]["engine_ms"]) for row in results["reference"]]
        view_ratios = [p95(row["wall"]) / p95(ours[row["scenario"]]["view"]) for row in results["reference"]]
        lines.append(
            f"- At least {TARGET_SPEEDUP}× faster than the per-facet Wagtail reference (p95 of the reference ÷ p95 "
            f"of the package; below 1× the package is slower): {verdict(min(ratios) >= TARGET_SPEEDUP)} for the "
            f"engine call ({min(ratios):.1f}× to {max(ratios):.1f}×); the whole view, which also loads and renders "
            f"the 20 results: {min(view_ratios):.1f}× to {max(view_ratios):.1f}×. The reference counts only 6 of 11 "
            "facets and does not rank."
        )
    if "reindex" in results:
        data = results["reindex"]
        lines.append(
            f"- Reindex ≥ {TARGET_RATE:,} measures/s: {verdict(data['rate'] >= TARGET_RATE)} "
            f"({data['rate']:,.0f} documents/s over {data['total']:,} measures)."
        )
        lines.append("- Peak memory flat in the number of documents: " + flatness(data))
    return lines


def flatness(data):
    (quarter, _, rss_quarter), (total, _, rss_total) = data["points"][0], data["points"][-1]
    flat = rss_total <= rss_quarter * (1 + FLAT_TOLERANCE) + 5
    text = f"RSS growth {rss_quarter:.1f} MiB after {quarter:,} and {rss_total:.1f} MiB after {total:,} documents"
    if len(data["traced"]) == 2:
        traced_quarter, traced_total = data["traced"][0][2], data["traced"][1][2]
        flat = flat and traced_total <= traced_quarter * (1 + FLAT_TOLERANCE) + 1
        text += f"; tracemalloc peak {traced_quarter:.1f} MiB and {traced_total:.1f} MiB"
    return f"{verdict(flat)} ({text})."


def report(results):
    sections = [
        header(results),
        latency_section(results),
        breakdown_section(results),
        reference_section(results),
        reindex_section(results),
        targets_section(results),
    ]
    text = "\n\n".join("\n".join(section) for section in sections if section)
    return text + "\n\n" + results["degraded"] if results.get("degraded") else text
