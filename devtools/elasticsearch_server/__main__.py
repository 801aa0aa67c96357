"""A local single-node Elasticsearch for the integration tests and the example site, without Docker.

  scripts/elasticsearch start [--clean]   fetch (first time), start, wait until the cluster is yellow/green
  scripts/elasticsearch stop              stop it (SIGTERM, then SIGKILL after a grace period)
  scripts/elasticsearch url               print the base URL of the running server (exit 1 if not running)
  scripts/elasticsearch status            running or not, health, version, paths (exit 3 if not running)
  scripts/elasticsearch logs [N]          last N (default 50) lines of the server log

Stdout carries only answers (the URL, the status, the log lines); everything else goes to stderr.
"""

import contextlib
import fcntl
import io
import os
import re
import sys
import time
from dataclasses import dataclass

from .cluster import Cluster, cluster_health, local_version, port_in_use
from .console import die, say
from .node import last_lines
from .settings import HOST, LOCK_TIMEOUT, Settings

USAGE = "\n\n".join(__doc__.split("\n\n")[:2])


def usage(status=2):
    print(USAGE, file=sys.stderr)
    raise SystemExit(status)


@dataclass(frozen=True)
class StartOptions:
    """What ``start`` was asked for beyond the environment."""

    clean: bool = False


def parse_start_options(args):
    clean = False
    for arg in args:
        if arg != "--clean":
            die(f"unknown option for start: {arg}")
        clean = True
    return StartOptions(clean=clean)


@contextlib.contextmanager
def exclusive(settings):
    """One start or stop at a time per cache folder (flock(2), as other copies of the tool use it too)."""
    settings.base.mkdir(parents=True, exist_ok=True)
    with open(settings.lock_file, "w") as lock:
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    die("another scripts/elasticsearch start/stop is still running")
                time.sleep(0.5)
        yield


def start(cluster, args):
    options = parse_start_options(args)
    with exclusive(cluster.settings):
        if cluster.is_running():
            url = cluster.running_url()
            if not options.clean:
                return _already_running(cluster, url)
            say(f"--clean given but Elasticsearch is already running at {url}: stopping it first")
            cluster.stop()
        _refuse_a_taken_port(cluster.settings.port)
        log_sizes = cluster.start(clean=options.clean)
        if not cluster.wait_healthy(cluster.url, log_sizes):
            say("stopping what was started")
            with contextlib.redirect_stderr(io.StringIO()), contextlib.suppress(SystemExit):
                cluster.stop()
            return 1
    print(cluster.url)
    return 0


def _already_running(cluster, url):
    if cluster.running_port() != str(cluster.settings.port):
        say(f"note: already running on port {cluster.running_port()}, not {cluster.settings.port}")
    if not cluster.wait_healthy(url):
        return 1
    say(f"already running at {url}")
    print(url)
    return 0


def _refuse_a_taken_port(port):
    if not port_in_use(port):
        return
    name = (cluster_health(f"http://{HOST}:{port}") or {}).get("cluster_name")
    other = f' (an Elasticsearch with cluster name "{name}", not started by this script)' if name else ""
    die(
        f"port {port} on {HOST} is already in use by another process{other}; stop it or choose another port "
        "with BIBNETZ_ES_PORT"
    )


def stop(cluster, args):
    with exclusive(cluster.settings):
        cluster.stop()
    return 0


def url(cluster, args):
    if not cluster.is_running():
        say("not running (start it with scripts/elasticsearch start)")
        return 1
    print(cluster.running_url())
    return 0


def status(cluster, args):
    settings = cluster.settings
    if not cluster.is_running():
        print("not running")
        if settings.data_dir.is_dir():
            print(f"data: {settings.data_dir} (kept)")
        return 3
    address = cluster.running_url()
    node = cluster.first_node
    health = cluster_health(address)
    version = local_version(address)
    print(f"running: {address} (pid {node.server_pid() or 'starting'}, version {version or 'unknown'})")
    cluster_name = f" (cluster {health.get('cluster_name')})" if health else ""
    print(f"health: {(health or {}).get('status', '')}{cluster_name}")
    print(f"data: {settings.data_dir}")
    print(f"log: {node.server_log}")
    return 0


def logs(cluster, args):
    count = args[0] if args else "50"
    if not re.fullmatch(r"[0-9]+", count):
        die(f"N must be a number of lines, not '{count}'")
    log = cluster.first_node.server_log
    if not log.is_file() or log.stat().st_size == 0:
        die(f"no log yet at {log}")
    sys.stdout.buffer.write(b"".join(line + b"\n" for line in last_lines(log, int(count))))
    return 0


VERBS = {"start": start, "stop": stop, "url": url, "status": status, "logs": logs}


def main(argv):
    os.umask(0o022)
    settings = Settings.from_environment()
    verb, args = (argv[0], argv[1:]) if argv else ("", [])
    if verb in ("-h", "--help", "help"):
        usage(0)
    if verb not in VERBS:
        usage()
    return VERBS[verb](Cluster(settings), args)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
