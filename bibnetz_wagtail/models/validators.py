"""Validators for the library figures, with messages a library editor understands.

The limits and messages are those of ``numbers.py``, which reads the figures wherever they are typed, so the
model refuses exactly what the forms refuse.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError

from ..numbers import FLOOR_AREA, POPULATION, STAFF_FTE, FigureError, check_figure


def validate_figure(value, figure):
    if value is None:
        return
    try:
        check_figure(Decimal(str(value)), figure)
    except FigureError as error:
        raise ValidationError(error.message, code=error.code) from None


def validate_population(value):
    validate_figure(value, POPULATION)


def validate_floor_area(value):
    validate_figure(value, FLOOR_AREA)


def validate_staff_fte(value):
    validate_figure(value, STAFF_FTE)
