"""The nodes that run together and what is asked of them as a whole: start, health, waiting for it, stop.

Health and version come from the official client. The minimal distribution has no ``GET /``, so its
``info()`` and ``ping()`` fail: the questions are ``_cluster/health`` and ``_nodes/_local``.

Where a larger setup would change things: several nodes on loopback are more entries in ``Cluster.nodes``
(each a ``Node`` with its own port and folders) and other ``discovery()`` settings (seed hosts and initial
master nodes instead of single-node); another major version of Elasticsearch is another ``version`` with its
entry in ``distribution.MINIMUM_JAVA``, which ``java_home`` checks the JDK against.
"""

import logging
import shutil
import socket
import time
from functools import lru_cache

from .console import die, elapsed, say
from .distribution import MINIMUM_JAVA, Distribution, java_home
from .node import Node
from .server_user import check_reachable, server_user
from .settings import CLUSTER_NAME, HOST, shown

# A server that is still starting refuses connections: that is an answer here, not a warning for the terminal.
logging.getLogger("elastic_transport").addHandler(logging.NullHandler())
logging.getLogger("elastic_transport").propagate = False


class Cluster:
    """The servers of one cache folder. Today that is one node, which single-node discovery makes master."""

    def __init__(self, settings):
        self.settings = settings
        self.distribution = Distribution(settings.version, settings.distribution_dir)
        self.nodes = [
            Node(
                name=f"{CLUSTER_NAME}-node",
                port=settings.port,
                cache=settings.base,
                data_dir=settings.data_dir,
                logs_dir=settings.logs_dir,
                run_dir=settings.run_dir,
            )
        ]

    @property
    def first_node(self):
        """The node whose port is the cluster's URL."""
        return self.nodes[0]

    @property
    def url(self):
        return f"http://{HOST}:{self.settings.port}"

    def discovery(self):
        """The settings that tie the nodes together, the same in every node's elasticsearch.yml."""
        return {"discovery.type": "single-node"}

    def is_running(self):
        return any(node.is_running() for node in self.nodes)

    def running_port(self):
        return self.first_node.running_port()

    def running_url(self):
        return self.first_node.running_url()

    def start(self, clean=False):
        """Fetch what is missing, write the config and launch every node; return the server logs' sizes."""
        java = java_home(MINIMUM_JAVA.get(self.distribution.major))
        user = server_user(self.settings.user)
        check_reachable(user, self.settings.base)
        self.distribution.ensure()
        if clean:
            say(f"--clean: deleting {shown(self.settings.data_dir)} and {shown(self.settings.logs_dir)}")
            for folder in (self.settings.data_dir, self.settings.logs_dir):
                shutil.rmtree(folder, ignore_errors=True)
        return self._launch(java, user)

    def _launch(self, java, user):
        log_sizes = {}
        for node in self.nodes:
            node.write_config(self.distribution, self.discovery(), user)
            log_sizes[node.name] = node.log_size()
        say(
            f"starting Elasticsearch {self.settings.version} (Java: {java}, user: {user.name}, "
            f"heap: {self.settings.java_opts})"
        )
        for node in self.nodes:
            node.launch(self.distribution, java, self.settings.java_opts, user)
        return log_sizes

    def wait_healthy(self, url, log_sizes=None):
        """Wait up to the start timeout for health yellow or green; on failure show the logs and say why."""
        deadline = time.monotonic() + self.settings.start_timeout
        next_report = time.monotonic() + 5
        announced = False
        while True:
            status = health_status(url)
            if status in ("green", "yellow"):
                if announced:
                    say(f"ready after {elapsed()}s: cluster {status} at {url}")
                return True
            if not announced:
                say(f"waiting up to {self.settings.start_timeout}s for cluster health yellow/green at {url}")
                announced = True
            if not self.is_running():
                say("Elasticsearch exited during startup")
                return self._show_logs(log_sizes)
            if time.monotonic() >= deadline:
                say(f"not ready after {self.settings.start_timeout}s (health: {status or 'no answer'})")
                return self._show_logs(log_sizes)
            if time.monotonic() >= next_report:
                say(f"... still starting ({elapsed()}s, health: {status or 'no answer yet'})")
                next_report = time.monotonic() + 5
            time.sleep(1)

    def _show_logs(self, log_sizes):
        for node in self.nodes:
            node.show_log_tail(since=(log_sizes or {}).get(node.name, 0))
        return False

    def stop(self):
        for node in self.nodes:
            node.stop()


@lru_cache
def client(url):
    """A client without retries: each question gets one answer or none within 5 seconds."""
    try:
        from elasticsearch import Elasticsearch
    except ImportError:
        die("the elasticsearch client is missing: run this with the repository's .venv (pip install -e '.[test]')")
    return Elasticsearch(url, request_timeout=5, max_retries=0, retry_on_timeout=False)


def cluster_health(url, **params):
    """The ``_cluster/health`` answer, or None when the server does not answer with 2xx."""
    try:
        return client(url).cluster.health(**params).body
    except Exception:  # any failure is "no answer", as for the status line
        return None


def health_status(url):
    return (cluster_health(url, timeout="1s") or {}).get("status")


def local_version(url):
    """The version of the node that answers at ``url``, or None."""
    try:
        nodes = client(url).nodes.info(node_id="_local", filter_path="nodes.*.version").body
    except Exception:
        return None
    return next((node.get("version") for node in nodes.get("nodes", {}).values()), None)


def port_in_use(port):
    try:
        with socket.create_connection((HOST, port), timeout=2):
            return True
    except OSError:
        return False
