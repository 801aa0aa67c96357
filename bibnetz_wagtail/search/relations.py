"""The many-valued facets' relation tables: which terms each page carries, read in one query per relation."""

from taggit.managers import TaggableManager

from .facets import LISTINGS


def relation_table(model, field_name):
    """(through model, page foreign key name, term foreign key name) of a many-valued facet field."""
    field = model._meta.get_field(field_name)
    through = field.remote_field.through
    if isinstance(field, TaggableManager):
        return through, "content_object", "tag"
    return through, field.m2m_field_name(), field.m2m_reverse_field_name()


def related_terms(kind, ids):
    """``{facet key: {page id: sorted slugs}}`` for every many-valued facet of the listing, for pages ``ids``.

    Whether the terms may be shown is the caller's business (a facet's ``public_if``).
    """
    listing = LISTINGS[kind]
    related = {}
    for facet in listing.term_facets:
        if facet.many:
            through, page_fk, term_fk = relation_table(listing.model, facet.field)
            rows = through.objects.filter(**{f"{page_fk}_id__in": ids})
            related[facet.key] = group_slugs(rows.values_list(f"{page_fk}_id", f"{term_fk}__slug"))
    return related


def group_slugs(pairs):
    grouped = {}
    for page_id, slug in pairs:
        grouped.setdefault(page_id, []).append(slug)
    return {page_id: sorted(slugs) for page_id, slugs in grouped.items()}
