"""Abuse limits: a fixed-window counter in Django's cache, per client IP address or per account."""

import hashlib
import math
import time

from django.core.cache import cache
from django.utils.translation import ngettext

from ...conf import get_setting


def client_ip(request):
    """The address the request came from.

    ``REMOTE_ADDR`` only: a forwarded-for header can be set by anyone, so a site behind a proxy must have
    the proxy (or a middleware it trusts) put the real address there.
    """
    return (request.META.get("REMOTE_ADDR") or "unknown") if request is not None else "unknown"


class FixedWindow:
    """At most ``count`` events per ``seconds`` for each identifier in ``scope``; ``rate`` None is no limit."""

    def __init__(self, scope, rate):
        self.scope = scope
        self.count, self.seconds = rate if rate else (None, None)

    @classmethod
    def from_setting(cls, scope, name):
        return cls(scope, get_setting(name))

    @property
    def enabled(self):
        return bool(self.count) and bool(self.seconds)

    def key(self, identifier):
        # Hashed: identifiers are e-mail addresses or IPs, which need not reach the cache in clear text,
        # and a digest is a valid key for every cache backend.
        digest = hashlib.sha256(str(identifier).strip().lower().encode()).hexdigest()[:40]
        window = int(time.time() // self.seconds)
        return f"bibnetz:throttle:{self.scope}:{digest}:{window}"

    def current(self, identifier):
        return cache.get(self.key(identifier), 0) if self.enabled else 0

    def exceeded(self, identifier):
        """Whether the limit is already used up (without counting a new event)."""
        return self.enabled and self.current(identifier) >= self.count

    def hit(self, identifier):
        """Count one event; True while it is within the limit."""
        if not self.enabled:
            return True
        key = self.key(identifier)
        cache.add(key, 0, timeout=self.seconds + 1)
        try:
            value = cache.incr(key)
        except ValueError:  # the window ended between add() and incr()
            cache.set(key, 1, timeout=self.seconds + 1)
            value = 1
        return value <= self.count

    def reset(self, identifier):
        if self.enabled:
            cache.delete(self.key(identifier))

    def retry_after(self):
        """Seconds until the current window ends."""
        if not self.enabled:
            return 0
        return max(1, math.ceil(self.seconds - time.time() % self.seconds))


def wait_message(seconds):
    """The German sentence for a refused request: how long to wait."""
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many attempts. Please wait %(minutes)d minute and try again.",
        "Too many attempts. Please wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


def join_limit():
    return FixedWindow.from_setting("join", "JOIN_RATE")


def login_limit():
    return FixedWindow.from_setting("login", "LOGIN_RATE")


def account_failure_limit():
    return FixedWindow.from_setting("login-account", "LOGIN_FAILURES_PER_ACCOUNT")


def password_reset_limit():
    # Every reset request may send an e-mail, so it shares the per-address login limit's numbers.
    return FixedWindow.from_setting("password-reset", "LOGIN_RATE")
