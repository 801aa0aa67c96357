"""Why a result is like the reference: the figures in which it comes close, in words for the result card."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..search.query import metric_similarity

#: A figure counts as similar from this similarity on: within about ±40 % of the reference.
SIMILAR_FROM = 0.8

#: Band key -> (field of the library profile, what the card says when that figure is similar).
FIGURES = {
    "population": ("population", _("similar population")),
    "area": ("floor_area_m2", _("similar floor area")),
    "fte": ("staff_fte", _("similar staffing")),
}


def similar_figures(library, reference):
    """Band keys of the reference's figures on which ``library`` scores at least ``SIMILAR_FROM``."""
    return [
        key
        for key, value in reference.metrics()
        if metric_similarity(float(getattr(library, FIGURES[key][0])), value) >= SIMILAR_FROM
    ]


def likeness_reason(library, reference):
    """E.g. "similar population, similar floor area"; "different size" when no figure is similar."""
    similar = similar_figures(library, reference)
    if not similar:
        return gettext("different size")
    return ", ".join(str(FIGURES[key][1]) for key in similar)
