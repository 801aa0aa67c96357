"""Applies the README's set-up snippets verbatim to a project made by ``wagtail start``, and tries the result.

Usage (the wheel check runs both; the package's tests use ``apply_readme``):

    python scripts/host_site.py apply README.md HOST_DIR      # HOST_DIR holds manage.py
    python scripts/host_site.py smoke HOST_DIR                # with the host's interpreter, after migrate

``apply`` takes every ``python`` block of the README section "Adding it to an existing Wagtail site": a block
whose first line starts with ``# settings.py`` is appended to the project's ``settings/base.py``, the lines of
a block starting with ``# urls.py`` go first into its ``urlpatterns``. Nothing is edited by hand, so a snippet
that is wrong in the README breaks the check.

``smoke`` builds a small page tree the way an editor would, serves a listing, a profile, the join page and the
admin's vocabulary screen through Django's test client, and proves that the Elasticsearch client is neither
installed nor imported.
"""

import re
import sys
from pathlib import Path

SECTION = "## Adding it to an existing Wagtail site"
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
URLPATTERNS = "urlpatterns = [\n"


class SnippetError(Exception):
    pass


def readme_snippets(readme_text):
    """``(settings code, urls lines)`` from the python blocks of the README's installation section."""
    start = readme_text.find(SECTION)
    if start < 0:
        raise SnippetError(f"README has no section {SECTION!r}")
    end = readme_text.find("\n## ", start + len(SECTION))
    section = readme_text[start : end if end > 0 else None]
    settings, urls = [], []
    for block in PYTHON_BLOCK.findall(section):
        if block.startswith("# settings.py"):
            settings.append(block)
        elif block.startswith("# urls.py"):
            urls += [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    if not settings or not urls:
        raise SnippetError("README's installation section lacks a '# settings.py' or a '# urls.py' python block")
    return "\n".join(settings), urls


def apply_readme(readme_path, host_dir):
    """Apply the README's snippets to the ``wagtail start`` project in ``host_dir``; return the project name."""
    settings_code, url_lines = readme_snippets(Path(readme_path).read_text(encoding="utf-8"))
    [settings_file] = Path(host_dir).glob("*/settings/base.py")
    with settings_file.open("a", encoding="utf-8") as settings:
        settings.write("\n\n# From the README, verbatim.\n" + settings_code)
    urls_file = settings_file.parent.parent / "urls.py"
    urls = urls_file.read_text(encoding="utf-8")
    if URLPATTERNS not in urls:
        raise SnippetError(f"{urls_file} has no {URLPATTERNS.strip()!r}")
    urls = urls.replace(URLPATTERNS, URLPATTERNS + "".join(f"    {line.strip()}\n" for line in url_lines), 1)
    urls_file.write_text(urls, encoding="utf-8")
    return settings_file.parent.parent.name


def smoke(host_dir):
    """Serve the package's pages in the migrated host project; raise AssertionError when one fails."""
    import importlib.util
    import os

    sys.path.insert(0, str(Path(host_dir).resolve()))
    [settings_file] = Path(host_dir).glob("*/settings/dev.py")
    os.environ["DJANGO_SETTINGS_MODULE"] = f"{settings_file.parent.parent.name}.settings.dev"
    import django

    django.setup()
    pages = build_pages()
    check_responses(pages)
    check_admin_screens()
    assert importlib.util.find_spec("elasticsearch") is None, "elasticsearch is installed without the extra"
    assert not [name for name in sys.modules if name.startswith("elasticsearch")], "elasticsearch was imported"
    print("ok       listing, profile, measure and join page served; elasticsearch neither installed nor imported")


def build_pages():
    """A directory, a measure listing, one library and one measure below the host's home page."""
    from decimal import Decimal

    from wagtail.models import Site

    from bibnetz_wagtail.models import LibraryIndexPage, LibraryProfilePage, MeasureIndexPage, MeasurePage

    home = Site.objects.get(is_default_site=True).root_page
    directory = home.add_child(instance=LibraryIndexPage(title="Bibliotheken", slug="bibliotheken"))
    home.add_child(instance=MeasureIndexPage(title="Maßnahmen", slug="massnahmen"))
    figures = {"population": 4200, "floor_area_m2": 180, "staff_fte": Decimal("1.5")}
    library = LibraryProfilePage(title="Bücherei Groß Köris", municipality="Groß Köris", state="BB", **figures)
    directory.add_child(instance=library)
    measure = library.add_child(instance=MeasurePage(title="Vorlesepaten", summary="Ehrenamtliche lesen vor."))
    return {"library": library, "measure": measure}


def check_responses(pages):
    from django.test import Client

    client = Client()
    expected = {
        "/massnahmen/": "Vorlesepaten",
        "/massnahmen/?format=json": '"count": 1',
        pages["library"].url: "Bücherei Groß Köris",
        pages["measure"].url: "Vorlesepaten",
        "/netzwerk/zugang-beantragen/": "<form",
    }
    for url, text in expected.items():
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 200, f"GET {url} answered {response.status_code}"
        assert text in body, f"GET {url} lacks {text!r}"
        print(f"ok       GET {url}")


def check_admin_screens():
    """The "Library network" menu of the app bibnetz_wagtail.contrib.modeladmin answers a superuser."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.create_superuser("smoke", "smoke@example.invalid", "smoke"))
    url = "/admin/bibnetz_wagtail/topic/"
    response = client.get(url)
    assert response.status_code == 200, f"GET {url} answered {response.status_code}"
    print(f"ok       GET {url} (the admin screens, as a superuser)")


def main(argv):
    if len(argv) == 4 and argv[1] == "apply":
        name = apply_readme(argv[2], argv[3])
        print(f"Applied the README's settings and URL snippets to {name}/settings/base.py and {name}/urls.py")
    elif len(argv) == 3 and argv[1] == "smoke":
        smoke(argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
