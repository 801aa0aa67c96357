"""The database engine: the whole listing contract with the Django ORM, in a constant number of queries."""

from datetime import UTC, datetime

from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce

from ...models import ListingText
from ..bands import METRIC_FIELDS, configured_bands
from ..facets import LISTINGS
from ..query import SORT_RELEVANCE, SORT_SIMILAR, WORD_SCORE, FacetValue, Hit, ListingResult, as_score, likeness
from ..relations import relation_table
from ..text_index import text_query
from ..visibility import restricted_paths, visible_q
from ..vocabulary import load_vocabulary, term_facet_values
from .base import BaseEngine

EARLIEST = datetime.min.replace(tzinfo=UTC)


class DatabaseEngine(BaseEngine):
    """Answers listings from the database; the default, always available."""

    name = "database"

    def search(self, query, vocabulary=None):
        listing = LISTINGS[query.kind]
        if vocabulary is None and query.facets:
            vocabulary = load_vocabulary(query.kind)
        plan = _Plan(listing, query)
        matching = plan.filtered()
        count = matching.count()
        hits = plan.page_hits(matching) if query.offset < count else []
        return ListingResult(
            count=count,
            page=query.page,
            per_page=query.per_page,
            hits=hits,
            facets=plan.facet_values(vocabulary) if query.facets else {},
        )


class _Plan:
    """The querysets of one listing request: base, filters per facet, ordering."""

    def __init__(self, listing, query):
        self.listing = listing
        self.query = query
        self.model = listing.model
        self.library_prefix = listing.library_prefix
        self.base = self.model.objects.filter(visible_q(self.model, restricted_paths()))
        self.text_query = text_query(listing.kind, query.q)
        self.text = text_filter(listing.kind, self.text_query, query.any_word)
        self.filters = {**self.term_filters(), **self.band_filters()}

    def filtered(self, leave_out=None):
        """Pages matching the text and every active filter but ``leave_out`` (disjunctive faceting)."""
        active = [q for key, q in self.filters.items() if key != leave_out]
        return self.base.filter(self.text, *active)

    # Filters

    def term_filters(self):
        filters = {}
        for facet in self.listing.term_facets:
            values = self.query.terms.get(facet.key)
            if values:
                filters[facet.key] = self.term_filter(facet, values)
        return filters

    def term_filter(self, facet, values):
        if facet.many:
            through, page_fk, term_fk = relation_table(self.model, facet.field)
            page_ids = through.objects.filter(**{f"{term_fk}__slug__in": values}).values(f"{page_fk}_id")
            return Q(pk__in=page_ids) & self.public_q(facet)
        return Q(**{f"{self.listing.facet_path(facet)}__in": values}) & self.public_q(facet)

    def band_filters(self):
        filters = {}
        for key, bands in self.query.bands.items():
            field = self.library_prefix + METRIC_FIELDS[key]
            q = Q()
            for band in bands:
                q |= band_q(field, band)
            filters[key] = q
        return filters

    def public_q(self, facet):
        """A facet's values count only on pages whose library makes them public (the facet's ``public_if``)."""
        return Q(**{f"{self.library_prefix}{facet.public_if}": True}) if facet.public_if else Q()

    # Page of hits

    def page_hits(self, matching):
        query = self.query
        if query.sort == SORT_SIMILAR:
            return self.hits_by_likeness(matching)
        order = [F("first_published_at").desc(nulls_last=True), F("pk").desc()]
        if query.sort == SORT_RELEVANCE and self.text_query:
            matching = matching.annotate(score=relevance_expression(self.text_query, query.any_word))
            order.insert(0, F("score").desc())
        rows = matching.order_by(*order).values_list("pk", *self.figure_paths())
        return [self.hit(row) for row in rows[query.offset : query.offset + query.per_page]]

    def hits_by_likeness(self, matching):
        """Rank every match by likeness in Python: the score Elasticsearch sorts by is single precision, and
        only the same rounding gives the same order for near-equal libraries."""
        rows = matching.values_list("pk", *self.figure_paths(), "first_published_at")
        ranked = sorted(
            ((self.hit(row[:4]), row[4]) for row in rows),
            key=lambda pair: (as_score(pair[0].likeness), pair[1] or EARLIEST, pair[0].id),
            reverse=True,
        )
        return [hit for hit, _published in ranked[self.query.offset : self.query.offset + self.query.per_page]]

    def figure_paths(self):
        return [self.library_prefix + METRIC_FIELDS[key] for key in ("population", "area", "fte")]

    def hit(self, row):
        pk, population, area, fte = row
        if self.query.reference is None:
            return Hit(id=pk)
        figures = {"population": population, "area": area, "fte": fte}
        return Hit(id=pk, likeness=likeness(figures, self.query.reference))

    # Facets

    def facet_values(self, vocabulary):
        facets = {}
        for facet in self.listing.term_facets:
            counts = self.term_counts(facet)
            facets[facet.key] = term_facet_values(vocabulary[facet.key], counts, self.query.selected(facet.key))
        for facet in self.listing.band_facets:
            facets[facet.key] = self.band_values(facet.key)
        return facets

    def term_counts(self, facet):
        pages = self.filtered(leave_out=facet.key).filter(self.public_q(facet))
        if facet.many:
            through, page_fk, term_fk = relation_table(self.model, facet.field)
            rows = (
                through.objects.filter(**{f"{page_fk}__in": pages.values("pk")})
                .values_list(f"{term_fk}__slug")
                .annotate(n=Count(page_fk, distinct=True))
                .order_by()
            )
        else:
            rows = pages.order_by().values_list(self.listing.facet_path(facet)).annotate(n=Count("pk"))
        return dict(rows)

    def band_values(self, key):
        selected = list(self.query.bands.get(key, ()))
        bands = list(dict.fromkeys(configured_bands(key) + selected))
        field = self.library_prefix + METRIC_FIELDS[key]
        pages = self.filtered(leave_out=key)
        counts = pages.aggregate(
            **{f"band{i}": Count("pk", filter=band_q(field, band)) for i, band in enumerate(bands)}
        )
        selected_codes = {band.code for band in selected}
        values = []
        for i, band in enumerate(bands):
            count = counts[f"band{i}"]
            if count or band.code in selected_codes:
                values.append(FacetValue(band.code, str(band.label), count, band.code in selected_codes))
        return values


def band_q(field, band):
    q = Q(**{f"{field}__gte": band.low})
    if band.high is not None:
        q &= Q(**{f"{field}__lt": band.high})
    return q


def text_filter(kind, text, any_word=False):
    """Pages whose text rows match every word of ``text`` (or at least one, with ``any_word``).

    The matching pages are found once, one query per word, and the listing's queries (count, facets, hits)
    filter by their ids: as a subquery, the pattern scan over the text rows ran again in every one of them."""
    if not text.groups:
        return Q()
    rows = ListingText.objects.filter(kind=kind)
    found = [set(rows.filter(group_q(group)).values_list("page_id", flat=True)) for group in text.groups]
    ids = set.union(*found) if any_word else set.intersection(*found)
    return Q(pk__in=sorted(ids))


def group_q(group):
    """Text rows in which one of a word's alternatives occurs (see ``analysis.matches``)."""
    q = Q()
    for term in group:
        q |= Q(terms__compound=term)
    return q


def relevance_expression(text, any_word=False):
    """Per word, the weights of the page's fields it occurs in; with ``any_word`` every word found counts
    ``WORD_SCORE`` more, so that pages matching more words come first."""
    score = Value(0)
    for group in text.groups:
        rows = ListingText.objects.filter(group_q(group), page_id=OuterRef("pk"))
        weights = rows.order_by().values("page_id").annotate(total=Sum("weight")).values("total")
        score = score + Coalesce(Subquery(weights, output_field=IntegerField()), Value(0))
        if any_word:
            score = score + Case(When(Exists(rows), then=Value(WORD_SCORE)), default=Value(0))
    return score
