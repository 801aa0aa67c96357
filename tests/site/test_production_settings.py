"""The example site's production settings: secrets and hosts from the environment, clean under check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE_SITE = Path(__file__).resolve().parents[2] / "example_site"

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "example_site.settings.production",
    "DJANGO_SECRET_KEY": "k3Vq9-a-random-production-key-for-this-test-only-8Hn2xZ7wP4mR",
    "DJANGO_ALLOWED_HOSTS": "netzwerk.example.org",
    "WAGTAILADMIN_BASE_URL": "https://netzwerk.example.org",
}


def run_site(code, **env):
    """Run ``code`` in a fresh interpreter inside the example site with exactly the given settings variables."""
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "WAGTAILADMIN_"))}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=EXAMPLE_SITE,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def manage(*args, **env):
    code = (
        f"import sys; sys.argv = ['manage.py', *{list(args)!r}]; "
        "import runpy; runpy.run_path('manage.py', run_name='__main__')"
    )
    return run_site(code, **env)


def test_check_deploy_is_clean_with_the_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"])
def test_production_settings_refuse_to_start_without_their_variables(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and missing in result.stderr


@pytest.mark.parametrize(
    "variable, value",
    [
        ("DJANGO_SECRET_KEY", "short"),
        ("DJANGO_SECRET_KEY", "dev-only-not-secret-bibnetz-example-site-but-made-long-enough-xx"),
        ("DJANGO_ALLOWED_HOSTS", "*"),
    ],
)
def test_production_settings_refuse_unsafe_values(variable, value):
    result = manage("check", **{**PRODUCTION_ENV, variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_wsgi_uses_the_production_settings():
    code = "import example_site.wsgi; from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)"
    without_env = run_site(code)
    assert without_env.returncode != 0 and "DJANGO_SECRET_KEY" in without_env.stderr
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = run_site(code, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["example_site.settings.production", "False"]


def test_development_settings_answer_only_for_local_host_names():
    code = (
        "import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'example_site.settings.dev'; django.setup()\n"
        "from django.conf import settings; from django.http import HttpRequest\n"
        "from django.core.exceptions import DisallowedHost\n"
        "request = HttpRequest(); request.META = {'HTTP_HOST': 'evil.example', 'SERVER_PORT': '80'}\n"
        "try:\n    request.get_host()\nexcept DisallowedHost:\n    print('refused')\n"
        "request.META['HTTP_HOST'] = '127.0.0.1:8000'; print(request.get_host())"
    )
    result = run_site(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["refused", "127.0.0.1:8000"]


def test_check_deploy_warns_about_a_cache_of_its_own_per_process():
    code = (
        "import sys; sys.argv = ['manage.py', 'check', '--deploy']\n"
        "from example_site.settings import production\n"
        "production.CACHES = {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}\n"
        "import runpy; runpy.run_path('manage.py', run_name='__main__')"
    )
    result = run_site(code, **PRODUCTION_ENV)
    assert "bibnetz_wagtail.W031" in result.stdout + result.stderr
