"""Keeping a hung or unreachable cluster from taking the site down: a circuit breaker and a time budget.

- The **circuit breaker** is shared by every thread of the process. After ``FAILURES`` failed or timed-out
  requests in a row it opens: for ``COOL_DOWN`` seconds nobody waits for the cluster, listings answer from the
  database at once and index changes wait in the outbox. Then one request probes (the others still go to the
  database); its success closes the breaker, its failure opens it for another cool-down.
- The **time budget** limits the seconds one web request spends waiting for the cluster, however many
  listings it shows (a profile page shows several): each call may take at most what is left of it, and a
  request that has used it up asks the cluster no more. It starts anew with every request.

Management commands do not pass through here: an operator who runs ``bibnetz_sync_index`` wants an answer.
"""

import logging
import threading
import time

from django.core.signals import request_finished, request_started

from ..conf import get_setting

logger = logging.getLogger(__name__)

#: Below this many seconds a request is not worth sending: the answer could not arrive in time.
SMALLEST_TIMEOUT = 0.05


class ClusterUnavailable(Exception):
    """The breaker is open or the request's budget is spent: the cluster is not asked."""


def breaker_settings():
    config = get_setting("ELASTICSEARCH")
    return config["BREAKER"], float(config["TIMEOUT"]), float(config["REQUEST_BUDGET"])


class CircuitBreaker:
    """Closed (requests go through), open (none do, until the cool-down ends), half-open (one probe at a time)."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.lock = threading.Lock()
        self.failures = 0
        self.opened_at = None
        self.probing = False

    @property
    def is_open(self):
        return self.opened_at is not None

    def allow(self):
        """Whether a request may go to the cluster now (True for the one probe after a cool-down)."""
        config, _timeout, _budget = breaker_settings()
        with self.lock:
            if self.opened_at is None:
                return True
            if self.probing or self.clock() - self.opened_at < float(config["COOL_DOWN"]):
                return False
            self.probing = True
            return True

    def succeeded(self):
        with self.lock:
            if self.opened_at is not None:
                logger.warning("Elasticsearch answers again; the circuit breaker is closed.")
            self.failures, self.opened_at, self.probing = 0, None, False

    def failed(self):
        config, _timeout, _budget = breaker_settings()
        with self.lock:
            self.failures += 1
            self.probing = False
            if self.failures >= int(config["FAILURES"]):
                if self.opened_at is None:
                    logger.warning(
                        "Elasticsearch failed %d times in a row; the circuit breaker is open.", self.failures
                    )
                self.opened_at = self.clock()

    def reset(self):
        with self.lock:
            self.failures, self.opened_at, self.probing = 0, None, False


#: The process's breaker: every thread that talks to the cluster shares it.
BREAKER = CircuitBreaker()

_budget = threading.local()


def start_budget(**kwargs):
    """A web request begins: its cluster time starts at zero (connected to ``request_started``)."""
    _breaker, _timeout, budget = breaker_settings()
    _budget.deadline = time.monotonic() + budget


def end_budget(**kwargs):
    _budget.deadline = None


def call_timeout():
    """Seconds the next cluster call may take: the configured timeout, cut to what is left of the budget."""
    _config, timeout, _budget_seconds = breaker_settings()
    deadline = getattr(_budget, "deadline", None)
    if deadline is not None:
        timeout = min(timeout, deadline - time.monotonic())
    if timeout < SMALLEST_TIMEOUT:
        raise ClusterUnavailable("the request's time for Elasticsearch is used up")
    return timeout


def guarded(call, is_failure):
    """Run ``call(timeout)`` through the budget and the breaker; ``is_failure(error)`` says what counts against it.

    A failure also spends the rest of the request's budget: a cluster that did not answer once will not answer
    the same page's next listing either.
    """
    timeout = call_timeout()
    if not BREAKER.allow():
        raise ClusterUnavailable("the circuit breaker is open")
    try:
        result = call(timeout)
    except Exception as error:
        if not is_failure(error):
            BREAKER.succeeded()
            raise
        BREAKER.failed()
        if getattr(_budget, "deadline", None) is not None:
            _budget.deadline = 0.0
        raise
    BREAKER.succeeded()
    return result


def connect_budget_signals():
    request_started.connect(start_budget, dispatch_uid="bibnetz_es_budget_start")
    request_finished.connect(end_budget, dispatch_uid="bibnetz_es_budget_end")
