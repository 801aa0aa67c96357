"""The JSON shape of a listing, exactly as the listing contract in DESIGN.md describes it."""


def library_json(library):
    return {
        "id": library.pk,
        "title": library.title,
        "population": library.population,
        "floor_area_m2": library.floor_area_m2,
        "staff_fte": float(library.staff_fte),
        "state": library.state,
        "library_type": library.library_type,
    }


def item_json(item, request):
    page = item.page
    return {
        "id": page.pk,
        "title": page.title,
        # Relative to the request, so the link works on whatever host and port the listing was asked on.
        "url": request.build_absolute_uri(page.get_url(request)),
        "summary": getattr(page, "summary", "") or getattr(page, "search_description", ""),
        "first_published_at": page.first_published_at.isoformat() if page.first_published_at else None,
        "library": library_json(item.library),
        "terms": item.terms,
        "likeness": item.likeness,
        # The snippet of the page's text around the words found, as HTML; null without a search text.
        "highlight": item.highlight,
    }


def listing_json(result, items, request, rescue):
    """The whole answer of ``?format=json``: counts, the page of results and every facet; for a search text
    without results the corrections of its words and the pages that match some of them (``partial``)."""
    partial = rescue.partial
    return {
        "count": result.count,
        "page": result.page,
        "pages": result.pages,
        "per_page": result.per_page,
        "results": [item_json(item, request) for item in items],
        "facets": {
            key: [
                {"value": value.value, "label": value.label, "count": value.count, "selected": value.selected}
                for value in values
            ]
            for key, values in result.facets.items()
        },
        "corrections": [
            {"q": correction.q, "word": correction.word, "count": correction.count} for correction in rescue.corrections
        ],
        "partial": None
        if partial is None
        else {"count": partial.count, "results": [item_json(item, request) for item in rescue.partial_items]},
    }
