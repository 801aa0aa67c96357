"""Run one of the small sites of the tests (``tests.site_without_*``) in a process of its own."""

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent


def site_report(module, database):
    """What the site module printed as JSON on its last line; its stderr when it failed.

    The site starts from ``database``, a copy of the migrated test database, if given (see ``load_database``).
    """
    command = [sys.executable, "-m", module, *([str(database)] if database else [])]
    result = subprocess.run(command, cwd=REPOSITORY, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def save_database(connection, path):
    """Copy the database of a Django connection to the SQLite file ``path``."""
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)


def load_database(connection, path):
    """Fill the (in-memory) database of a Django connection from the SQLite file ``path``."""
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as original:
        original.backup(connection.connection)
