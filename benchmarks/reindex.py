"""Reindex throughput and memory: the package's ``rebuild("measures")``, as ``bibnetz_reindex`` runs it.

``rebuild`` calls ``progress.update(1)`` per document sent; ``Checkpoints`` is that progress object and notes
elapsed time and memory when the first N documents are through. The peak up to document N is the peak of
indexing the first N measures, so one run shows whether memory grows with the number of documents.

Two runs: the timed one watches the process's peak resident memory (``VmHWM``, reset before the run),
which costs nothing; a second one traces Python allocations with ``tracemalloc`` (slower, memory only).
"""

import time
import tracemalloc

from bibnetz_wagtail.search.cluster import alias_name, get_client
from bibnetz_wagtail.search.documents import visible_source
from bibnetz_wagtail.search.indexing import rebuild
from bibnetz_wagtail.search.text_index import rebuild_text

from .report import table

MIB = 1024**2


def proc_status_kib(key):
    """A ``kB`` value from ``/proc/self/status`` (Linux), or 0 where there is none."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def reset_peak_rss():
    """Make ``VmHWM`` start again from the current resident size (``clear_refs`` value 5, Linux ≥ 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")
    except OSError:
        pass


class Checkpoints:
    """Progress object for ``rebuild``: notes (documents, seconds, peak MiB) at each mark."""

    def __init__(self, marks, traced):
        self.marks = sorted(marks)
        self.traced = traced
        self.done = 0
        self.points = []
        self.baseline = 0
        self.started = time.perf_counter()

    def start(self):
        if self.traced:
            tracemalloc.start()
            tracemalloc.reset_peak()
        else:
            reset_peak_rss()
            self.baseline = proc_status_kib("VmRSS") * 1024
        self.started = time.perf_counter()

    def update(self, count=1):
        self.done += count
        while self.marks and self.done >= self.marks[0]:
            self.marks.pop(0)
            self.points.append((self.done, time.perf_counter() - self.started, self.peak_mib()))

    def peak_mib(self):
        if self.traced:
            return tracemalloc.get_traced_memory()[1] / MIB
        return (proc_status_kib("VmHWM") * 1024 - self.baseline) / MIB

    def stop(self):
        seconds = time.perf_counter() - self.started
        peak = self.peak_mib()
        if self.traced:
            tracemalloc.stop()
        return seconds, peak


def run_rebuild(marks, traced):
    checkpoints = Checkpoints(marks, traced)
    checkpoints.start()
    rebuild("measures", progress=checkpoints)
    seconds, peak = checkpoints.stop()
    return checkpoints, seconds, peak


def reindex(tracemalloc_run=True):
    """Time a full rebuild of the measure index; note memory after a quarter and after all documents."""
    total = visible_source("measures").count()
    marks = [total // 4, total]
    timed_run, seconds, rss_peak = run_rebuild(marks, traced=False)
    traced_points = run_rebuild(marks, traced=True)[0].points if tracemalloc_run else []
    rows = []
    for index, (documents, elapsed, rss) in enumerate(timed_run.points):
        traced = f"{traced_points[index][2]:.1f}" if index < len(traced_points) else "–"
        rows.append(
            [f"first {documents:,} measures", f"{elapsed:.1f}", f"{documents / elapsed:,.0f}", f"{rss:.1f}", traced]
        )
    rows.append(
        [
            f"whole rebuild() ({total:,}, incl. index creation, refresh, alias swap)",
            f"{seconds:.1f}",
            f"{total / seconds:,.0f}",
            f"{rss_peak:.1f}",
            "–",
        ]
    )
    text_started = time.perf_counter()
    rebuild_text("measures")
    text_seconds = time.perf_counter() - text_started
    rows.append(
        [
            f"the database's text rows, rebuild_text() ({total:,})",
            f"{text_seconds:.1f}",
            f"{total / text_seconds:,.0f}",
            "–",
            "–",
        ]
    )
    header = ["documents", "seconds", "documents/s", "peak RSS growth MiB", "tracemalloc peak MiB"]
    return {
        "index_mib": index_size_mib(),
        "total": total,
        "seconds": seconds,
        "rate": total / seconds,
        "points": timed_run.points,
        "traced": traced_points,
        "table": table(header, rows, left=1),
    }


def index_size_mib():
    """The measure index's size on disk (primaries), after the rebuild merged it into one segment."""
    stats = get_client().indices.stats(index=alias_name("measures"), metric="store")
    return stats["_all"]["primaries"]["store"]["size_in_bytes"] / MIB
