"""Concurrent writes against the real example site on SQLite: threads post at once, nothing fails or is lost.

The site runs as a subprocess (Django's threaded development server on a SQLite file, with the example site's
database settings), so requests really overlap in separate connections. Each test starts its writes from a
barrier, so that they reach the server together.
"""

import re
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from ..browser.server import DEMO_PASSWORD, start_example_site

pytestmark = pytest.mark.slow

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
THREADS = 6


@pytest.fixture(scope="module")
def site(tmp_path_factory, example_database):
    site = start_example_site(
        tmp_path_factory.mktemp("concurrency"), example_database, settings="tests.concurrency_settings"
    )
    yield site
    site.stop()


def database(site):
    return sqlite3.connect(site.database, timeout=30)


def csrf_token(session, url):
    response = session.get(url, timeout=30)
    assert response.status_code == 200, response.text[:500]
    return CSRF.search(response.text).group(1)


def logged_in(site, email):
    session = requests.Session()
    token = csrf_token(session, f"{site.url}/netzwerk/anmelden/")
    response = session.post(
        f"{site.url}/netzwerk/anmelden/",
        {"csrfmiddlewaretoken": token, "username": email, "password": DEMO_PASSWORD},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, response.text[:500]
    return session


def all_at_once(calls):
    """Run the callables in threads that start together; their results in order."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def member_library(db, email):
    return db.execute(
        "SELECT m.library_id FROM bibnetz_wagtail_membership m JOIN auth_user u ON u.id = m.user_id WHERE u.email = ?",
        (email,),
    ).fetchone()[0]


def open_call_of_another_library(db, excluded):
    marks = ",".join("?" * len(excluded))
    return db.execute(
        f"SELECT t.page_ptr_id FROM bibnetz_wagtail_tasksharepage t JOIN wagtailcore_page p ON p.id = t.page_ptr_id "
        f"WHERE p.live AND t.status = 'open' AND (t.deadline IS NULL OR t.deadline >= date('now')) "
        f"AND t.library_id NOT IN ({marks}) AND t.partners_wanted > 0 "
        f"AND NOT EXISTS (SELECT 1 FROM bibnetz_wagtail_participation x WHERE x.task_id = t.page_ptr_id) "
        f"ORDER BY t.page_ptr_id LIMIT 1",
        excluded,
    ).fetchone()[0]


def join_call(site, session, call_id, library_id, message):
    url = f"{site.url}/netzwerk/aufrufe/{call_id}/teilnehmen/"
    token = csrf_token(session, url)
    data = {"csrfmiddlewaretoken": token, "library": library_id, "message": message}
    return lambda: session.post(url, data, allow_redirects=False, timeout=60)


def test_libraries_join_one_call_at_once_and_a_double_submit_counts_once(site):
    emails = [f"bibliothek{number}@example.org" for number in (1, 2, 3)]
    with database(site) as db:
        libraries = [member_library(db, email) for email in emails]
        call_id = open_call_of_another_library(db, libraries)
    sessions = [logged_in(site, email) for email in emails]
    posts = [join_call(site, s, call_id, lib, "Wir sind dabei.") for s, lib in zip(sessions, libraries)]
    posts += [join_call(site, sessions[0], call_id, libraries[0], "Wir sind dabei.") for _ in range(2)]
    responses = all_at_once(posts)
    assert [response.status_code for response in responses] == [302] * len(posts), [r.text[:300] for r in responses]
    with database(site) as db:
        rows = db.execute(
            "SELECT library_id, state, (SELECT count(*) FROM bibnetz_wagtail_participationevent e "
            "WHERE e.participation_id = p.id) FROM bibnetz_wagtail_participation p WHERE task_id = ?",
            (call_id,),
        ).fetchall()
    assert sorted(rows) == sorted((library, "requested", 1) for library in libraries)


def test_the_last_place_of_a_call_goes_to_exactly_one_library(site):
    host_email, guests = "bibliothek1@example.org", ["bibliothek2@example.org", "bibliothek3@example.org"]
    with database(site) as db:
        guest_libraries = [member_library(db, email) for email in guests]
        call_id, host_library = db.execute(
            "SELECT t.page_ptr_id, t.library_id FROM bibnetz_wagtail_tasksharepage t JOIN wagtailcore_page p "
            "ON p.id = t.page_ptr_id WHERE p.live AND t.library_id NOT IN (?, ?) ORDER BY t.page_ptr_id DESC LIMIT 1",
            guest_libraries,
        ).fetchone()
        # The demo's first account becomes a member of the call's library, which decides on the requests.
        db.execute(
            "INSERT OR IGNORE INTO bibnetz_wagtail_membership (user_id, library_id, role, created_at) "
            "SELECT id, ?, 'admin', datetime('now') FROM auth_user WHERE email = ?",
            (host_library, host_email),
        )
        db.execute(
            "UPDATE bibnetz_wagtail_tasksharepage SET status = 'open', deadline = NULL, partners_wanted = 1 "
            "WHERE page_ptr_id = ?",
            (call_id,),
        )
        db.execute(
            "DELETE FROM bibnetz_wagtail_participationevent WHERE participation_id IN "
            "(SELECT id FROM bibnetz_wagtail_participation WHERE task_id = ?)",
            (call_id,),
        )
        db.execute("DELETE FROM bibnetz_wagtail_participation WHERE task_id = ?", (call_id,))
    for email, library in zip(guests, guest_libraries):
        assert join_call(site, logged_in(site, email), call_id, library, "Gern.")().status_code == 302
    with database(site) as db:
        requests_ids = [
            row[0] for row in db.execute("SELECT id FROM bibnetz_wagtail_participation WHERE task_id = ?", (call_id,))
        ]
    host = logged_in(site, host_email)
    token = csrf_token(host, f"{site.url}/netzwerk/anmelden/")

    def accept(pk):
        url = f"{site.url}/netzwerk/teilnahmen/{pk}/annehmen/"
        return lambda: host.post(url, {"csrfmiddlewaretoken": token}, allow_redirects=False, timeout=60)

    responses = all_at_once([accept(pk) for pk in requests_ids for _ in range(THREADS // 2)])
    statuses = sorted(response.status_code for response in responses)
    assert 500 not in statuses and statuses.count(302) >= 1, statuses
    assert set(statuses) <= {302, 409}, statuses
    with database(site) as db:
        states = [
            row[0]
            for row in db.execute("SELECT state FROM bibnetz_wagtail_participation WHERE task_id = ?", (call_id,))
        ]
        accepted_events = db.execute(
            "SELECT count(*) FROM bibnetz_wagtail_participationevent e JOIN bibnetz_wagtail_participation p "
            "ON p.id = e.participation_id WHERE p.task_id = ? AND e.state = 'accepted'",
            (call_id,),
        ).fetchone()[0]
    assert sorted(states) == ["accepted", "requested"]
    assert accepted_events == 1


def application(site, email, name):
    session = requests.Session()
    url = f"{site.url}/netzwerk/zugang-beantragen/"
    token = csrf_token(session, url)
    data = {
        "csrfmiddlewaretoken": token,
        "title": name,
        "municipality": "Kleinstadt",
        "state": "BB",
        "library_type": "municipal",
        "population": "8000",
        "floor_area_m2": "250",
        "staff_fte": "2,5",
        "contact_person": "Erika Muster",
        "email": email,
        "password1": "Ausleihe-am-Markt-26",
        "password2": "Ausleihe-am-Markt-26",
        "consent": "on",
        "homepage": "",
    }
    return lambda: session.post(url, data, allow_redirects=False, timeout=60)


def test_sign_ups_at_once_all_arrive_and_a_double_submit_creates_one_account(site):
    posts = [
        application(site, f"neu{number}@gleichzeitig.example", f"Bücherei Gleichzeitig {number}")
        for number in range(THREADS - 2)
    ]
    posts += [application(site, "doppelt@gleichzeitig.example", "Bücherei Doppelt") for _ in range(2)]
    responses = all_at_once(posts)
    assert [response.status_code for response in responses] == [302] * len(posts), [r.text[:300] for r in responses]
    with database(site) as db:
        accounts = db.execute("SELECT email FROM auth_user WHERE email LIKE '%@gleichzeitig.example'").fetchall()
        profiles = db.execute(
            "SELECT count(*) FROM wagtailcore_page "
            "WHERE title LIKE 'Bücherei Gleichzeitig %' OR title = 'Bücherei Doppelt'"
        ).fetchone()[0]
    assert sorted(email for (email,) in accounts) == sorted(
        [f"neu{number}@gleichzeitig.example" for number in range(THREADS - 2)] + ["doppelt@gleichzeitig.example"]
    )
    assert profiles == THREADS - 1
