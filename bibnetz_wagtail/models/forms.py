"""Forms that belong to the models: the library profile's figures are typed as people in Germany write them."""

from ..numbers import FLOOR_AREA, POPULATION, STAFF_FTE, use_figure_fields
from .slugs import GermanSlugPageForm

#: Field of the library profile -> the figure it holds (what it accepts, its limits and messages).
LIBRARY_FIGURES = {"population": POPULATION, "floor_area_m2": FLOOR_AREA, "staff_fte": STAFF_FTE}


class LibraryProfilePageForm(GermanSlugPageForm):
    """The admin's create and edit form of a library profile: „8.000“ and „2,5“ are read, not refused, and the
    slug is spelled in German ASCII like every page of the network's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_figure_fields(self, LIBRARY_FIGURES)
