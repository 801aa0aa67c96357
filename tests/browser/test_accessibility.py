"""axe-core on every kind of page: no violation of impact "serious" or "critical"."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .helpers import log_in

BLOCKING = {"serious", "critical"}

# name: (path or a key of site.pages, log in first, expected HTTP status)
PAGES = {
    "home": ("/", False, 200),
    "libraries": ("/bibliotheken/", False, 200),
    "measures": ("/massnahmen/", False, 200),
    "tasks": ("/aufgaben-teilen/", False, 200),
    "measures-filtered": ("/massnahmen/?status=established&population=5000-10000&sort=newest", False, 200),
    "libraries-compared": ("/bibliotheken/?like_population=12000&like_area=350&like_fte=2,5", False, 200),
    "tasks-empty": ("/aufgaben-teilen/?q=Zzyzxquatschwort", False, 200),
    "listing-error": ("/massnahmen/?population=bad", False, 400),
    "library": ("library", False, 200),
    "measure": ("measure", False, 200),
    "call": ("call", False, 200),
    "call-member": ("call", True, 200),
    "login": ("/netzwerk/anmelden/", False, 200),
    "join": ("/netzwerk/zugang-beantragen/", False, 200),
    "my-library": ("/netzwerk/meine-bibliothek/", True, 200),
}

_axe = Axe()


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violations(page, site, name):
    path, member, status = PAGES[name]
    path = site.pages.get(path, path)
    if member:
        log_in(page, "bibliothek1@example.org")
    response = page.goto(path)
    assert response.status == status, f"{path} answered {response.status}"
    results = _axe.run(page)
    blocking = [violation for violation in results.response["violations"] if violation["impact"] in BLOCKING]
    assert not blocking, f"axe-core finds on {path}:\n{describe(blocking)}"
