"""The terms on a measure's or a call's page, each linking to its listing filtered by that term."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from ..models import MeasurePage, TaskSharePage
from ..search.facets import TARGET_GROUP, TOOLKIT, TOPIC
from ..search.visibility import restricted_paths
from .network import listing_page

#: The term facets a detail page shows, with the heading of each list. A measure's or a call's toolkit results
#: are its library's: they show only while the library publishes its own.
SHOWN_TERMS = {
    MeasurePage: ("measures", ((TOPIC, _("Topics")), (TARGET_GROUP, _("Target groups")), (TOOLKIT, _("Toolkit results")))),
    TaskSharePage: ("tasks", ((TOPIC, _("Topics")), (TOOLKIT, _("Toolkit results")))),
}


@dataclass
class TermLink:
    name: str
    description: str
    url: str | None


@dataclass
class TermGroup:
    key: str
    label: str
    terms: list


def term_groups(page, request=None):
    """The page's terms grouped by facet, each with the URL of the filtered listing (None without a listing)."""
    kind, shown = SHOWN_TERMS[type(page)]
    listing = listing_page(kind, restricted_paths(), request)
    listing_url = listing.get_url(request) if listing is not None else None
    groups = []
    for facet, label in shown:
        if facet is TOOLKIT and not page.library.toolkit_results_public:
            continue
        terms = [
            TermLink(name=term.name, description=term.description, url=filtered_url(listing_url, facet.key, term.slug))
            for term in getattr(page, facet.field).all()
        ]
        groups.append(TermGroup(key=facet.key, label=label, terms=terms))
    return groups


def filtered_url(listing_url, key, slug):
    return f"{listing_url}?{urlencode({key: slug})}" if listing_url else None
