"""The README's set-up snippets, applied verbatim to a ``wagtail start`` project, give a working host site.

The wheel check (``scripts/check-wheel``) does the same with the built wheel, migrates and serves pages; these
tests keep the README honest in every test run, with the package installed in this virtualenv.
"""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
README = REPOSITORY / "README.md"
BIN = Path(sys.executable).parent


def load_host_site():
    spec = importlib.util.spec_from_file_location("host_site", REPOSITORY / "scripts" / "host_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


host_site = load_host_site()


def wagtail_start(tmp_path):
    subprocess.run([BIN / "wagtail", "start", "hostsite"], cwd=tmp_path, check=True, capture_output=True)
    return tmp_path / "hostsite"


def manage(host, *args):
    """Run the host's manage.py with its own settings (not this test run's)."""
    env = {name: value for name, value in os.environ.items() if name not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=host, env=env, capture_output=True, text=True, timeout=300
    )


def test_readme_snippets_pass_the_system_checks_of_a_wagtail_start_project(tmp_path):
    host = wagtail_start(tmp_path)
    host_site.apply_readme(README, host)
    result = manage(host, "check", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr[-3000:]


def test_readme_asks_only_for_the_apps_a_wagtail_project_lacks():
    settings_code, url_lines = host_site.readme_snippets(README.read_text(encoding="utf-8"))
    assert '"modelcluster",' not in settings_code and '"taggit",' not in settings_code
    assert '"bibnetz_wagtail",' in settings_code and '"wagtail_modeladmin",' in settings_code
    assert '"bibnetz_wagtail.contrib.modeladmin",' in settings_code
    assert '"bibnetz_wagtail.demo"' not in settings_code, "the demo generator is for the example site only"
    assert url_lines == [
        'path("netzwerk/", include("bibnetz_wagtail.urls")),   # login, joining, "Meine Bibliothek", calls'
    ]


def test_a_broken_snippet_fails_the_check(tmp_path):
    """The snippet of the first release listed modelcluster and taggit a second time."""
    readme = tmp_path / "README.md"
    readme.write_text(
        f"{host_site.SECTION}\n\n```python\n# settings.py\nINSTALLED_APPS += ['bibnetz_wagtail', 'wagtail_modeladmin', "
        "'taggit', 'modelcluster']\n```\n\n"
        "```python\n# urls.py\npath('netzwerk/', include('bibnetz_wagtail.urls')),\n```\n",
        encoding="utf-8",
    )
    host = wagtail_start(tmp_path)
    host_site.apply_readme(readme, host)
    result = manage(host, "check")
    assert result.returncode != 0
    assert "Application labels aren't unique, duplicates: taggit" in result.stderr


def test_a_readme_without_the_snippets_is_an_error():
    with pytest.raises(host_site.SnippetError):
        host_site.readme_snippets("# bibnetz_wagtail\n\nNo installation section.\n")
