"""The example site on a fresh SQLite database with a little demo content, served by a subprocess."""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[2]
MANAGE = REPO_ROOT / "example_site" / "manage.py"

#: Small enough to load in a few seconds, large enough for every facet to have values and counts.
DEMO_SCALE = ["--libraries", "40", "--measures", "200", "--tasks", "30", "--users", "3"]
DEMO_PASSWORD = "bibnetz-demo"
START_TIMEOUT = 60


def site_environment(database, settings="example_site.settings.dev"):
    """The example site's environment: its own settings (not the test settings), this database, no index."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("BIBNETZ_")}
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        DATABASE_URL=f"sqlite:///{database}",
        BIBNETZ_SEARCH_ENGINE="database",
        PYTHONUNBUFFERED="1",
    )
    env.pop("PYTHONPATH", None)
    if not settings.startswith("example_site."):
        env["PYTHONPATH"] = str(REPO_ROOT)  # settings of the tests, which extend the example site's
    return env


def manage(env, *args, log):
    """Run a management command of the example site; fail with its output when it does not succeed."""
    result = subprocess.run(
        [sys.executable, str(MANAGE), *args], env=env, cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    log.write(f"$ manage.py {' '.join(args)}\n{result.stdout}{result.stderr}\n")
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url, process, log_path):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The example site stopped while starting:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"The example site did not answer {url} within {START_TIMEOUT} s:\n{log_path.read_text()}")


@dataclass
class ExampleSite:
    """A running example site: its base URL and a few addresses found in its content."""

    url: str
    process: subprocess.Popen
    log_path: Path
    database: Path = None
    pages: dict = field(default_factory=dict)

    def get_json(self, path):
        with urllib.request.urlopen(self.url + path, timeout=30) as response:
            return json.load(response)

    def path_of(self, url):
        """The path (and query) of an absolute URL the site gave out."""
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def build_example_database(workdir):
    """Migrate a new example-site database in ``workdir`` and load the demo content; return its path."""
    workdir = Path(workdir)
    database = workdir / "db.sqlite3"
    env = site_environment(database)
    with open(workdir / "build.log", "w") as log:
        # The system checks run in the test command already (and in tests of their own).
        manage(env, "migrate", "--no-input", "-v", "0", "--skip-checks", log=log)
        demo_options = ["--password", DEMO_PASSWORD, "--no-progress", "--skip-checks"]
        manage(env, "bibnetz_demo", *DEMO_SCALE, *demo_options, log=log)
    return database


def copy_database(source, target):
    with closing(sqlite3.connect(source)) as original, closing(sqlite3.connect(target)) as copy:
        original.backup(copy)


def start_example_site(workdir, database, settings="example_site.settings.dev"):
    """Serve the example site on a free port, on a copy of ``database`` (see ``build_example_database``).

    The settings modules of the tests change no model, so one built database serves them all.
    """
    workdir = Path(workdir)
    copy_database(database, workdir / "db.sqlite3")
    env = site_environment(workdir / "db.sqlite3", settings)
    log_path = workdir / "server.log"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(log_path, "a")
    process = subprocess.Popen(
        [sys.executable, str(MANAGE), "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
        env={**env, "WAGTAILADMIN_BASE_URL": url},  # the links in the site's e-mails lead back to it
        cwd=REPO_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    site = ExampleSite(url=url, process=process, log_path=log_path, database=workdir / "db.sqlite3")
    try:
        wait_until_up(url + "/", process, log_path)
        site.pages = find_pages(site)
    except BaseException:
        site.stop()
        raise
    return site


def find_pages(site):
    """Paths of one page of each kind, found through the listings' JSON."""
    library = site.get_json("/bibliotheken/?format=json&per_page=1")["results"][0]
    measure = site.get_json("/massnahmen/?format=json&per_page=1")["results"][0]
    call = site.get_json("/aufgaben-teilen/?format=json&per_page=1&status=open")["results"][0]
    return {
        "library": site.path_of(library["url"]),
        "library_id": library["id"],
        "measure": site.path_of(measure["url"]),
        "call": site.path_of(call["url"]),
    }
