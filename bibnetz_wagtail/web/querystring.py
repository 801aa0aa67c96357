"""Links that change one listing parameter and keep the others, so that every state has a shareable URL."""

from urllib.parse import urlencode

#: Parameters that describe the listing; anything else in the request (tracking codes, …) is not carried on.
LISTING_PARAMS = ("q", "similar_to", "like_population", "like_area", "like_fte", "sort", "per_page")


class QueryState:
    """The current listing parameters, and URLs for the states one click away."""

    def __init__(self, params, facet_keys):
        self.params = params
        self.keys = list(LISTING_PARAMS) + list(facet_keys)

    def pairs(self):
        return [(key, value) for key in self.keys for value in self.params.getlist(key) if value != ""]

    def url(self, drop=(), add=(), page=None):
        """``?…`` with the (key, value) pairs in ``drop`` removed and those in ``add`` added; page reset."""
        drop_pairs = {pair for pair in drop if isinstance(pair, tuple)}
        drop_keys = {key for key in drop if isinstance(key, str)}
        pairs = [pair for pair in self.pairs() if pair not in drop_pairs and pair[0] not in drop_keys]
        pairs += [pair for pair in add if pair not in pairs]
        if page and page > 1:
            pairs.append(("page", str(page)))
        return "?" + urlencode(pairs) if pairs else "?"

    def toggle(self, key, value, selected):
        """Select a facet value, or unselect it when it is selected."""
        return self.url(drop=[(key, value)]) if selected else self.url(add=[(key, value)])

    def page_url(self, page):
        return self.url(page=page)
