"""The tests' settings without the package's optional apps: no admin screens, no wagtail-modeladmin, no demo."""

from tests.settings import *  # noqa: F401,F403
from tests.settings import INSTALLED_APPS

OPTIONAL_APPS = ("bibnetz_wagtail.contrib.modeladmin", "wagtail_modeladmin", "bibnetz_wagtail.demo")
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in OPTIONAL_APPS]
