"""Small helpers shared by the benchmark sections: timing statistics, the machine, Markdown tables."""

import os
import platform
import statistics
import time
from datetime import datetime


def percentile(values, fraction):
    """Nearest-rank percentile of ``values`` (``fraction`` 0.95 for p95)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def p50(values):
    return statistics.median(values) if values else float("nan")


def p95(values):
    return percentile(values, 0.95) if values else float("nan")


def warm_up(action, seconds, minimum=3):
    """Run ``action`` for ``seconds``, and at least ``minimum`` times, outside the timed repetitions; return
    the duration of each run in milliseconds (to show how the server settles)."""
    deadline, durations = time.perf_counter() + seconds, []
    while len(durations) < minimum or time.perf_counter() < deadline:
        durations.append(timed(action)[0])
    return durations


def timed(function, *args, **kwargs):
    """``(milliseconds, result)`` of one call."""
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000, result


class ClientRecorder:
    """Notes the round trip, and Elasticsearch's ``took`` where the answer has one, of every call of the
    given methods (``search``, ``count``) on a client instance, or on a client class for all its instances.

    The package's engine reaches one cached client through ``get_client()``: wrapping that instance sees
    every listing request. Wagtail's ``queryset.search()`` builds a new backend, and with it a new client,
    on every call: only wrapping the class sees those. Nothing of either package is changed.
    """

    def __init__(self, target, methods=("search",)):
        self.target = target
        self.originals = {name: getattr(target, name) for name in methods}
        self.took = []
        self.round_trips = []

    def __enter__(self):
        for name, original in self.originals.items():
            setattr(self.target, name, self.recording(original))
        return self

    def recording(self, original):
        def call(*args, **kwargs):
            started = time.perf_counter()
            response = original(*args, **kwargs)
            self.round_trips.append((time.perf_counter() - started) * 1000)
            if "took" in response:
                self.took.append(response["took"])
            return response

        return call

    def __exit__(self, *exc):
        for name, original in self.originals.items():
            if isinstance(self.target, type):
                setattr(self.target, name, original)
            else:
                delattr(self.target, name)

    def clear(self):
        self.took.clear()
        self.round_trips.clear()


def ms(value):
    return f"{value:.1f}"


def table(header, rows, left=2):
    """A Markdown table; the first ``left`` columns are text, the others right-aligned numbers."""
    align = ["---" if i < left else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gib():
    try:
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            for line in meminfo:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return float("nan")


def elasticsearch_version(client):
    """The version of the node (``GET /`` is missing on the minimal distribution, the nodes API is not)."""
    nodes = client.nodes.info(node_id="_local", filter_path="nodes.*.version").body.get("nodes", {})
    return next(iter(nodes.values()), {}).get("version", "unknown")


def elasticsearch_heap_mib(client):
    """The maximum heap of the node in MiB (0 when the nodes API does not say)."""
    stats = client.nodes.stats(node_id="_local", metric="jvm", filter_path="nodes.*.jvm.mem.heap_max_in_bytes")
    node = next(iter(stats.body.get("nodes", {}).values()), {})
    return node.get("jvm", {}).get("mem", {}).get("heap_max_in_bytes", 0) // 1024**2


def machine_line(client, database):
    """One line naming the date, the machine and the software versions the numbers were taken on."""
    return (
        f"{datetime.now().astimezone():%Y-%m-%d %H:%M %Z} · {cpu_model()}, {os.cpu_count()} cores, "
        f"{memory_gib():.0f} GiB RAM · {platform.system()} · Python {platform.python_version()} · "
        f"Elasticsearch {elasticsearch_version(client)} (server core only, {elasticsearch_heap_mib(client):,} MiB "
        f"heap, same machine) · database: {database}"
    )
