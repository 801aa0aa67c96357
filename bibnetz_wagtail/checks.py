"""System checks for the ``BIBNETZ`` settings, with namespaced ids and hints."""

from django.core.checks import Error, register

from .conf import get_setting
from .contrib.modeladmin import checks as modeladmin_checks  # noqa: F401  (registers bibnetz_wagtail.W001)
from .search.bands import BandError, parse_band_setting

ENGINES = ("database", "elasticsearch")


@register()
def check_bibnetz_settings(app_configs, **kwargs):
    errors = []
    engine = get_setting("SEARCH_ENGINE")
    if engine not in ENGINES:
        errors.append(
            Error(
                f"BIBNETZ['SEARCH_ENGINE'] is {engine!r}.",
                hint="Use 'database' or 'elasticsearch'.",
                id="bibnetz_wagtail.E001",
            )
        )
    for metric, bands in get_setting("BANDS").items():
        try:
            parse_band_setting(metric, bands)
        except BandError as error:
            errors.append(
                Error(
                    f"BIBNETZ['BANDS'][{metric!r}] is invalid: {error}",
                    hint="Give a list of 'FROM-TO' strings, e.g. ['0-5000', '5000-'].",
                    id="bibnetz_wagtail.E002",
                )
            )
    return errors
