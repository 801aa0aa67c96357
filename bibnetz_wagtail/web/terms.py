"""The terms on a measure's or a call's page, each linking to its listing filtered by that term."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.text import capfirst

from ..search.facets import listing_of_model
from ..search.visibility import restricted_paths
from .network import listing_page


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
    """The page's vocabulary terms grouped by facet (headed by the field's name), each with the URL of the filtered
    listing (None without a listing). Terms its library keeps private (a facet's ``public_if``) are left out."""
    spec = listing_of_model(type(page))
    listing = listing_page(spec.kind, restricted_paths(), request)
    listing_url = listing.get_url(request) if listing is not None else None
    groups = []
    for facet in spec.term_facets:
        if facet.vocabulary is None or (facet.public_if and not getattr(page.library, facet.public_if)):
            continue
        label = capfirst(page._meta.get_field(facet.field).verbose_name)
        terms = [
            TermLink(name=term.name, description=term.description, url=filtered_url(listing_url, facet.key, term.slug))
            for term in getattr(page, facet.field).all()
        ]
        groups.append(TermGroup(key=facet.key, label=label, terms=terms))
    return groups


def filtered_url(listing_url, key, slug):
    return f"{listing_url}?{urlencode({key: slug})}" if listing_url else None
