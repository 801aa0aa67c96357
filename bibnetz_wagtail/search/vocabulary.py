"""The known codes and their labels for every term facet of a listing (one query per vocabulary model)."""

from .facets import LISTINGS


def load_vocabulary(kind):
    """Facet key -> {code: label}, in the order the values should be offered."""
    vocabulary = {}
    for facet in LISTINGS[kind].term_facets:
        if facet.choices is not None:
            vocabulary[facet.key] = {code: str(label) for code, label in facet.choices.choices}
        else:
            vocabulary[facet.key] = dict(facet.vocabulary.objects.order_by(*_ordering(facet)).values_list("slug", "name"))
    return vocabulary


def _ordering(facet):
    return facet.vocabulary._meta.ordering or ["name"]
