"""What the toolkit's results mean: the curated vocabulary with its descriptions, for the explanation page and
its tag, the toolkit facet and the profiles.

Only the vocabulary is read here, never which library has which result, so nothing unpublished can show.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import ToolkitResult
from ..search.vocabulary import vocabulary_descriptions, vocabulary_terms
from .membership.entry import url_or_none
from .responses import render_page

FACET_KEY = "toolkit"
PAGE_TEMPLATE = "bibnetz_wagtail/toolkit.html"


@dataclass
class ToolkitTerm:
    slug: str
    name: str
    description: str

    @property
    def anchor(self):
        """The id of the term on the explanation page."""
        return f"bibnetz-toolkit-{self.slug}"


@dataclass
class FacetHelp:
    label: str
    description: str


def toolkit_terms():
    """Every toolkit result in the vocabulary's order, with its description ("" where it has none)."""
    descriptions = vocabulary_descriptions(ToolkitResult)
    return [
        ToolkitTerm(slug, name, descriptions.get(slug, "")) for slug, name in vocabulary_terms(ToolkitResult).items()
    ]


def explanation_url():
    """The page that explains the toolkit, or None where the network's URLs are not installed."""
    return url_or_none("bibnetz:toolkit")


def facet_help(key, values):
    """For the toolkit facet: what each listed value means (those with a description); [] for other facets."""
    if key != FACET_KEY:
        return []
    descriptions = vocabulary_descriptions(ToolkitResult)
    return [FacetHelp(value.label, descriptions[value.value]) for value in values if descriptions.get(value.value)]


def explanation(request):
    """„Das Toolkit“: what the toolkit is and what each of its results means."""
    return render_page(request, PAGE_TEMPLATE, {"title": _("The toolkit")})
