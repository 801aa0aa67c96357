""" "Passend zu unseren Toolkit-Ergebnissen": a member's own toolkit results as a one-click listing filter.

The links are built from the toolkit results of the libraries the user belongs to, published or not, and
are rendered for that user only; nobody else's unpublished results are read here.
"""

from dataclasses import dataclass

from ...models import TaggedProfileToolkitResult

FACET_KEY = "toolkit"


@dataclass
class OwnToolkitLink:
    library: str
    labels: list
    url: str
    #: The listing is filtered by exactly these results right now.
    active: bool


def own_toolkit_links(request, listing, state):
    """One filter link per library of the logged-in user that has toolkit results; [] for everybody else."""
    user = getattr(request, "user", None)
    if listing.term_facet(FACET_KEY) is None or not (user and user.is_authenticated and user.is_active):
        return []
    rows = (
        TaggedProfileToolkitResult.objects.filter(content_object__memberships__user=user)
        .order_by("content_object__title", "content_object_id", "tag__name")
        .values_list("content_object_id", "content_object__title", "tag__slug", "tag__name")
    )
    libraries = {}
    for library_id, title, slug, name in rows:
        libraries.setdefault(library_id, (title, {}))[1][slug] = name
    selected = set(request.GET.getlist(FACET_KEY))
    links = []
    for title, results in libraries.values():
        url = state.url(drop=[FACET_KEY], add=[(FACET_KEY, slug) for slug in results])
        links.append(OwnToolkitLink(title, list(results.values()), url, set(results) == selected))
    return links
