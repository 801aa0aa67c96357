"""What the host-site tags show: the network's listing pages, newest measures, open calls and figures.

Every function takes the tree paths of view-restricted pages (``restricted_paths()``) so that several tags on
one page share that query; each function itself runs a fixed number of queries, whatever it returns.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Func, IntegerField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Site

from ..models import (
    LibraryProfilePage,
    MeasurePage,
    Participation,
    ParticipationState,
    TaskSharePage,
    TaskStatus,
)
from ..search.facets import LISTINGS
from ..search.visibility import public_live_q, visible_pages


@dataclass
class Teaser:
    """One measure or call as the tags show it: the page, its URL and its library."""

    page: object
    url: str
    library: LibraryProfilePage


@dataclass
class NetworkFigures:
    libraries: int
    measures: int
    calls: int
    states: int


def listing_page(kind, paths, request=None):
    """The first live, public listing page of ``kind`` in tree order: the current site's, else any; or None."""
    pages = list(LISTINGS[kind].index_page_model().objects.filter(public_live_q(paths=paths)).order_by("path"))
    site = Site.find_for_request(request)
    if site is not None:
        # find_for_request loads the root page with the site, so this costs no query.
        own = [page for page in pages if page.path.startswith(site.root_page.path)]
        pages = own or pages
    return pages[0] if pages else None


def teasers(pages, request=None):
    """``pages`` (with ``library`` selected) as teasers; the request caches the site root paths for every URL."""
    return [Teaser(page=page, url=page.get_url(request), library=page.library) for page in pages]


def latest_measures(count, paths):
    """The ``count`` newest visible measures: newest first publication first, then highest id."""
    return list(
        visible_pages(MeasurePage, paths)
        .select_related("library")
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:count]
    )


def open_calls(count, paths, today=None):
    """The ``count`` calls a library can join now: soonest deadline first (none last), then newest.

    Joinable as on a call's page: status "open", deadline not passed, and not all partners found yet.
    Each call carries ``partners_still_wanted``.
    """
    today = today or timezone.localdate()
    return list(
        visible_pages(TaskSharePage, paths)
        .filter(status=TaskStatus.OPEN)
        .filter(Q(deadline__isnull=True) | Q(deadline__gte=today))
        .annotate(partners_still_wanted=F("partners_wanted") - Coalesce(Subquery(accepted_count()), 0))
        .filter(partners_still_wanted__gt=0)
        .select_related("library")
        .order_by(
            F("deadline").asc(nulls_last=True),
            F("first_published_at").desc(nulls_last=True),
            "-pk",
        )[:count]
    )


def accepted_count():
    """Subquery: how many libraries the outer call has accepted (no row when none)."""
    return (
        Participation.objects.filter(task=OuterRef("pk"), state=ParticipationState.ACCEPTED)
        .order_by()
        .values("task")
        .annotate(accepted=Count("pk"))
        .values("accepted")
    )


def network_figures(paths):
    """Visible libraries, measures and calls, and the federal states of the visible libraries (one query)."""
    totals = visible_pages(LibraryProfilePage, paths).aggregate(
        libraries=Count("pk"),
        states=Count("state", distinct=True),
        # aggregate() accepts aggregates only, and the maximum of one scalar subquery is its value. It is None
        # when no library is visible, and then no measure or call is visible either.
        measures=Max(row_count(visible_pages(MeasurePage, paths))),
        calls=Max(row_count(visible_pages(TaskSharePage, paths))),
    )
    return NetworkFigures(**{name: value or 0 for name, value in totals.items()})


def row_count(queryset):
    """A scalar subquery counting the rows of ``queryset`` (plain COUNT, so no GROUP BY is added)."""
    counted = queryset.order_by().values(rows=Func(F("pk"), function="COUNT", output_field=IntegerField()))
    return Subquery(counted, output_field=IntegerField())
