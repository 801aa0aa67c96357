"""Messages on stderr, prefixed like every message of the tool, and the seconds since it started."""

import sys
import time

_STARTED = time.monotonic()


def say(message):
    """One line for the person at the terminal (stdout carries only answers such as the URL)."""
    print(f"elasticsearch: {message}", file=sys.stderr, flush=True)


def die(message):
    """Report an error and end the tool with exit status 1."""
    say(f"ERROR: {message}")
    raise SystemExit(1)


def elapsed():
    """Whole seconds since the tool started."""
    return int(time.monotonic() - _STARTED)
