"""A cluster that accepts connections and never answers: pages answer from the database, saves do not wait.

The "cluster" is a real socket on 127.0.0.1 that accepts every connection and sends nothing back. What the
tests count is how often the site knocks on it: the circuit breaker and the request budget decide that.
"""

import socket
import threading
import time

import pytest
from django.core.signals import request_finished, request_started
from django.test import Client

from bibnetz_wagtail.models import IndexChange, MeasurePage
from bibnetz_wagtail.search.breaker import BREAKER

from ..factories import LibraryProfilePageFactory, MeasurePageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TIMEOUT = 0.5


class HungServer:
    """Accepts connections and keeps them open without a byte of answer; counts the connections."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.connections = []
        self.closed = threading.Event()
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while not self.closed.is_set():
            try:
                connection, _address = self.socket.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        self.closed.set()
        self.socket.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def hung(settings, index_pages):
    settings.BIBNETZ = {**settings.BIBNETZ, "SEARCH_ENGINE": "database"}  # the pages exist before the hang
    library = LibraryProfilePageFactory(title="Bücherei Lindenau")
    measure = MeasurePageFactory(parent=library, title="Vorlesestunde im Park")
    server = HungServer()
    settings.BIBNETZ = {
        **settings.BIBNETZ,
        "SEARCH_ENGINE": "elasticsearch",
        "ELASTICSEARCH": {
            "HOSTS": [server.url],
            "INDEX_PREFIX": "bibnetz-hung",
            "TIMEOUT": TIMEOUT,
            "REQUEST_BUDGET": 2 * TIMEOUT,
            "BREAKER": {"FAILURES": 2, "COOL_DOWN": 3600},
        },
    }
    BREAKER.reset()
    yield server, library, measure
    BREAKER.reset()
    server.close()


def wait_for(predicate, seconds=5):
    deadline = time.monotonic() + seconds
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.02)
    return predicate()


def test_listings_answer_from_the_database_and_the_breaker_stops_the_knocking(hung):
    server, _library, measure = hung
    client = Client()
    for _attempt in range(2):
        answer = client.get("/massnahmen/?format=json")
        assert answer.status_code == 200 and [item["id"] for item in answer.json()["results"]] == [measure.pk]
    assert BREAKER.is_open
    knocked = len(server.connections)
    assert 1 <= knocked <= 2  # one connection per listing, no retry
    for _attempt in range(5):
        assert client.get("/massnahmen/?format=json").status_code == 200
    assert len(server.connections) == knocked


def test_one_request_waits_for_the_cluster_at_most_once(hung):
    server, library, _measure = hung
    BREAKER.reset()
    # A profile page shows several listings (neighbours, similar measures); the first timeout spends the budget.
    assert Client().get(library.url).status_code == 200
    assert len(server.connections) == 1


def test_after_the_cool_down_one_request_probes(hung, settings):
    server, _library, _measure = hung
    client = Client()
    for _attempt in range(2):
        client.get("/massnahmen/?format=json")
    knocked = len(server.connections)
    BREAKER.opened_at -= 3601  # the cool-down is over
    assert client.get("/massnahmen/?format=json").status_code == 200
    assert len(server.connections) == knocked + 1
    assert BREAKER.is_open  # the probe failed: another cool-down
    assert client.get("/massnahmen/?format=json").status_code == 200
    assert len(server.connections) == knocked + 1


def test_saving_while_the_breaker_is_open_asks_the_cluster_nothing_and_keeps_the_change(hung):
    server, _library, measure = hung
    for _attempt in range(2):
        Client().get("/massnahmen/?format=json")
    knocked = len(server.connections)
    page = MeasurePage.objects.get(pk=measure.pk)
    page.title = "Vorlesestunde am See"
    page.save_revision().publish()
    assert len(server.connections) == knocked
    assert IndexChange.objects.filter(page_id=measure.pk).exists()


def test_a_save_waits_for_a_hung_cluster_at_most_one_timeout(hung):
    server, _library, measure = hung
    page = MeasurePage.objects.get(pk=measure.pk)
    page.title = "Vorlesestunde am See"
    # Within one web request (Django sends these signals around every request): the draft and the publication
    # each commit and try to send, but after the first timeout the request's budget is spent.
    request_started.send(sender=None)
    try:
        page.save_revision().publish()
    finally:
        request_finished.send(sender=None)
    assert wait_for(lambda: len(server.connections) >= 1)
    assert len(server.connections) == 1  # no retry after the timeout
    assert IndexChange.objects.filter(page_id=measure.pk).exists()
