"""Validators for the library figures, with messages a library editor understands."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_population(value):
    if value is not None and value < 1:
        raise ValidationError(_("The population must be at least 1."), code="min_value")


def validate_floor_area(value):
    if value is not None and value < 1:
        raise ValidationError(_("The floor area must be at least 1 m²."), code="min_value")


def validate_staff_fte(value):
    if value is None:
        return
    if value < 0:
        raise ValidationError(_("Staff in full-time equivalents cannot be negative."), code="min_value")
    if Decimal(value).normalize().as_tuple().exponent < -2:
        raise ValidationError(
            _("Give staff in full-time equivalents with at most two decimal places, e.g. 2.75."),
            code="max_decimal_places",
        )
