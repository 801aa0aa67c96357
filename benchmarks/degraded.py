"""Degraded mode: the example site under 20 concurrent clients, with a healthy and with a hung cluster.

A hung cluster accepts connections and never answers (a socket of this process). The site is the example site
(threaded development server, SQLite, the demo's default size, the package's default timeouts and breaker),
so the numbers show what the circuit breaker and the request budget give a real site: requests per second and
latency percentiles of the measure listing, first with Elasticsearch answering, then with it hung.
Run it alone with ``bash benchmarks/run --degraded-only``; ``bash benchmarks/run`` runs it too.
"""

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from .report import percentile

ROOT = Path(__file__).resolve().parent.parent
MANAGE = ROOT / "example_site" / "manage.py"
CLIENTS = 20
SECONDS = 20
PATH = "/massnahmen/?format=json&topic=lesefoerderung&like_population=8000"


class HungCluster:
    """Accepts every connection and answers nothing."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.connections = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                self.connections.append(self.socket.accept()[0])
            except OSError:
                return

    def close(self):
        self.socket.close()
        for connection in self.connections:
            connection.close()


def site_env(database, cluster_url, prefix):
    env = {key: value for key, value in os.environ.items() if not key.startswith("BIBNETZ_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["PYTHONPATH"] = str(ROOT)  # this checkout's package, whatever the interpreter has installed
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        BIBNETZ_SEARCH_ENGINE="elasticsearch",
        BIBNETZ_ELASTICSEARCH_URL=cluster_url,
        BIBNETZ_INDEX_PREFIX=prefix,
    )
    return env


def manage(env, *args):
    subprocess.run(
        [sys.executable, str(MANAGE), *args, "--skip-checks"], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )


def serve(env):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, str(MANAGE), "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _attempt in range(300):
        try:
            urllib.request.urlopen(url + "/", timeout=5).close()
            return process, url
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the example site did not start")


def load(url, clients=CLIENTS, seconds=SECONDS):
    """``clients`` threads request the listing for ``seconds``; latencies (ms) and failures."""
    latencies, failures, lock = [], [0], threading.Lock()
    stop = time.monotonic() + seconds

    def client():
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(url + PATH, timeout=60) as response:
                    response.read()
                    ok = response.status == 200
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                ok = False
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                failures[0] += not ok

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "requests": len(latencies),
        "seconds": time.monotonic() - began,
        "failures": failures[0],
        "p50": percentile(latencies, 0.5),
        "p95": percentile(latencies, 0.95),
        "max": max(latencies),
    }


def measure(cluster_url):
    """Both modes on a fresh example-site database; returns ``{mode: numbers}``."""
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "db.sqlite3"
        prefix = f"bibnetz-degraded-{os.getpid()}"
        healthy = site_env(database, cluster_url, prefix)
        manage(healthy, "migrate", "--no-input")
        manage(healthy, "bibnetz_demo", "--no-progress")
        manage(healthy, "bibnetz_reindex", "--no-progress")
        hung = HungCluster()
        try:
            for mode, env in (("healthy", healthy), ("hung", site_env(database, hung.url, prefix))):
                process, url = serve(env)
                try:
                    results[mode] = load(url)
                finally:
                    process.terminate()
                    process.wait()
            results["hung"]["connections"] = len(hung.connections)
        finally:
            hung.close()
    return results


def table(results):
    rows = [
        "| cluster | requests | requests/s | failed | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for mode, label in (("healthy", "answering"), ("hung", "hung (accepts, never answers)")):
        data = results[mode]
        rows.append(
            f"| {label} | {data['requests']:,} | {data['requests'] / data['seconds']:.1f} | {data['failures']} | "
            f"{data['p50']:.0f} | {data['p95']:.0f} | {data['max']:.0f} |"
        )
    return "\n".join(rows)


def section(results):
    return "\n".join(
        [
            "#### Degraded mode: a hung cluster",
            "",
            "The example site (threaded development server, SQLite, the demo's default size) "
            f"under {CLIENTS} concurrent "
            f"clients for {SECONDS} s each, requesting `{PATH}`, with the package's defaults (`TIMEOUT` 2 s without "
            "retry, `REQUEST_BUDGET` 3 s, breaker opening after 3 failures for 30 s). With the cluster hung, the first "
            f"requests wait one timeout each, then the breaker answers from the database at once; the hung socket saw "
            f"{results['hung']['connections']} connections in all.",
            "",
            table(results),
        ]
    )
