"""One declaration per listing: what it lists, what its text search reads and what it can be filtered by.

A listed page model declares its ``listing_spec`` next to its fields, as Wagtail pages declare
``search_fields``. Everything else is derived from it: the request parameters, the database engine's filters
and counts, the Elasticsearch mapping and documents, the items of a result page and their JSON, and the
page's own Wagtail ``search_fields``. Adding a facet to a listing is adding it to the spec.
"""

from dataclasses import dataclass, field, replace

from django.apps import apps
from wagtail.search import index

#: Band facet key -> the library profile's figure it filters on. Every listing carries its library's figures.
METRIC_FIELDS = {"population": "population", "area": "floor_area_m2", "fte": "staff_fte"}
LIBRARY_PREFIX = "library__"


@dataclass(frozen=True)
class TextField:
    """A field the listing's full-text search reads, with the weight of a match for relevance.

    ``path`` is the ORM path from the listed page (``library__title`` reaches its library); ``document`` the
    field's name in the search document (the path by default); ``html`` marks rich text, indexed as text.
    """

    path: str
    weight: int = 1
    document: str | None = None
    html: bool = False

    @property
    def document_field(self):
        return self.document or self.path

    @property
    def on_library(self):
        return self.path.startswith(LIBRARY_PREFIX)


@dataclass(frozen=True)
class TermFacet:
    """A facet over codes or slugs. ``choices`` is a code list; ``vocabulary`` an admin-managed model."""

    key: str
    label: str
    #: Field of the listed page, or of its library when ``on_library`` is set.
    field: str
    choices: type | None = None
    vocabulary: type | None = None
    on_library: bool = False
    #: Many-valued (a relation); otherwise one value per page.
    many: bool = False
    #: A boolean field of the library: the page's values are public (shown, filtered, counted, indexed) only
    #: while the library sets it. None: always public.
    public_if: str | None = None
    #: Whether the full-text search reads the labels of the values a page carries.
    searchable: bool = True

    def static_labels(self):
        return dict(self.choices.choices) if self.choices else None


@dataclass(frozen=True)
class BandFacet:
    """A facet over bands (ranges) of one of the library's figures."""

    key: str
    label: str

    @property
    def field(self):
        return METRIC_FIELDS[self.key]


@dataclass(frozen=True)
class ListingSpec:
    """A listing: its page model, its index page, its text fields and facets.

    Declared as ``listing_spec`` on the listed page model; the model fills itself in.
    """

    kind: str
    #: "app_label.ModelName" of the page that shows the listing.
    index_page: str
    text_fields: tuple
    term_facets: tuple
    band_facets: tuple = ()
    #: The listed page's foreign key to its library; None when the listing lists the libraries themselves.
    library_field: str | None = "library"
    #: Large fields no card or JSON result shows; the item loader leaves them out.
    card_defer: tuple = ()
    #: Text fields (paths of ``text_fields``) a result card quotes around the words a search found, first
    #: field with a match first.
    highlight_fields: tuple = ()
    model: type | None = field(default=None, compare=False)

    def __set_name__(self, owner, name):
        # The spec is a class attribute of its page model: it learns its model, and registers itself.
        object.__setattr__(self, "model", owner)
        register_listing(self)

    @property
    def is_library_listing(self):
        return self.library_field is None

    @property
    def library_prefix(self):
        """The ORM path from a listed page to its library ("" when the listing lists libraries)."""
        return f"{self.library_field}__" if self.library_field else ""

    @property
    def facet_keys(self):
        return [facet.key for facet in self.term_facets] + [facet.key for facet in self.band_facets]

    def term_facet(self, key):
        return next((facet for facet in self.term_facets if facet.key == key), None)

    def facet_path(self, facet):
        """The ORM path of a one-valued term facet from the listed page."""
        return (self.library_prefix if facet.on_library else "") + facet.field

    def highlighted_text_fields(self):
        """The ``TextField`` of every name in ``highlight_fields``, in that order."""
        by_path = {text.path: text for text in self.text_fields}
        return [by_path[path] for path in self.highlight_fields]

    def index_page_model(self):
        return apps.get_model(self.index_page)

    def with_facet(self, facet):
        """A copy with one more term facet (used to show that a facet is one declaration)."""
        return replace(self, term_facets=(*self.term_facets, facet))

    def wagtail_search_fields(self):
        """Wagtail's own ``search_fields`` (admin search) for the page's own text and one-valued facets."""
        fields = [index.SearchField(text.path) for text in self.text_fields if "__" not in text.path]
        fields += [
            index.FilterField(facet.field)
            for facet in self.term_facets
            if not facet.many and (not facet.on_library or not self.library_prefix)
        ]
        return [f for f in fields if f.field_name != "title"]


#: kind -> spec, in the order the page models were defined.
LISTINGS = {}


def register_listing(spec):
    """Make ``spec`` the listing of its kind (a spec with the kind of an existing one replaces it)."""
    LISTINGS[spec.kind] = spec
    return spec


def listing_spec(kind):
    return LISTINGS[kind]


def listing_of_model(model):
    """The spec whose pages are of ``model`` (or a subclass), or None."""
    if not isinstance(model, type):
        return None
    return next((spec for spec in LISTINGS.values() if spec.model is not None and issubclass(model, spec.model)), None)
