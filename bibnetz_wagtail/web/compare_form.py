"""The "Bibliotheken wie unsere" form of a listing: its library choice (the member's own library first), the three
figures with the text as typed and any error beside it, and the words that name the active comparison."""

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..conf import get_setting
from ..models import LibraryProfilePage
from ..numbers import format_figure
from ..search.params import LIKE_FIGURES, LIKE_PARAMS
from ..search.visibility import visible_pages

#: Up to this many libraries the comparison form offers a drop-down; beyond, profiles link to it.
LIBRARY_CHOICE_LIMIT = 300
#: How many characters of a typed figure are kept for the form (and in its hidden copies).
TYPED_LIMIT = 40

LABELS = {"population": _("Population"), "area": _("Floor area (m²)"), "fte": _("Staff (FTE)")}
HINTS = {
    "population": _("Inhabitants of the municipality"),
    "area": _("Public floor area in square metres"),
    "fte": _("Staff in full-time equivalents"),
}
#: How the comparison chip names each typed figure („8.000 Einwohner“).
UNITS = {"population": _("%(value)s inhabitants"), "area": _("%(value)s m²"), "fte": _("%(value)s FTE")}


@dataclass
class ComparisonFigureField:
    """One figure field of the comparison form as the template shows it (the widget is ``numbers.FigureInput``)."""

    key: str
    name: str
    label: str
    hint: str
    value: str
    error: str | None
    inputmode: str
    example: str

    @property
    def id(self):
        return f"bibnetz-like-{self.key}"


def comparison(query, request, figure_errors=None):
    """Values for the form: library choices (small networks), the member's own libraries and three figures."""
    libraries = list(
        visible_pages(LibraryProfilePage).order_by("title").values_list("pk", "title")[: LIBRARY_CHOICE_LIMIT + 1]
    )
    reference = query.reference
    figures = figure_inputs(request, figure_errors or {})
    typed = {figure.key: figure.value for figure in figures}
    own = own_libraries(request)
    return {
        "libraries": libraries if len(libraries) <= LIBRARY_CHOICE_LIMIT else None,
        "own_libraries": own,
        "own_ids": [pk for pk, _title in own],
        "similar_to": reference.library_id if reference else None,
        "figures": figures,
        "has_errors": any(figure.error for figure in figures),
        "population": typed["population"],
        "area": typed["area"],
        "fte": typed["fte"],
        "per_page": query.per_page if query.per_page != get_setting("PER_PAGE") else None,
    }


def figure_inputs(request, figure_errors):
    inputs = []
    for key, name in LIKE_PARAMS.items():
        inputs.append(
            ComparisonFigureField(
                key=key,
                name=name,
                label=LABELS[key],
                hint=HINTS[key],
                value=request.GET.get(name, "").strip()[:TYPED_LIMIT],
                error=figure_errors.get(name),
                inputmode="numeric" if LIKE_FIGURES[key].decimals == 0 else "decimal",
                example=format_figure(LIKE_FIGURES[key].example, LIKE_FIGURES[key]),
            )
        )
    return inputs


def own_libraries(request):
    """(id, title) of the published libraries the logged-in user belongs to: "unsere Bibliothek" comes first."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and user.is_active):
        return []
    return list(
        visible_pages(LibraryProfilePage).filter(memberships__user=user).order_by("title").values_list("pk", "title")
    )


def comparison_label(reference, compare):
    """„Vergleich mit Bücherei Aheim“, or for typed figures „Vergleich mit Ihren Angaben (8.000 Einwohner, …)“."""
    if reference.library_id is not None:
        title = library_title(reference.library_id, compare)
        return gettext("Compared with %(library)s") % {"library": title}
    figures = ", ".join(
        str(UNITS[key]) % {"value": format_figure(value, LIKE_FIGURES[key])} for key, value in reference.metrics()
    )
    return gettext("Compared with your figures (%(figures)s)") % {"figures": figures}


def library_title(library_id, compare):
    """The title from the form's choices when they are there; one query only in a network too large for them."""
    for pk, title in (compare["libraries"] or []) + compare["own_libraries"]:
        if pk == library_id:
            return title
    return LibraryProfilePage.objects.filter(pk=library_id).values_list("title", flat=True).first() or ""
