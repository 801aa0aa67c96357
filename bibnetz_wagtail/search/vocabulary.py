"""The known codes and their labels for every term facet of a listing.

Every listing needs them (to check the request's values and to label the facets), so the admin-managed
vocabularies (topics, target groups, toolkit results) are kept in Django's cache for
``VOCABULARY_CACHE_SECONDS``. Saving or deleting a term clears its vocabulary's entry. With a per-process
cache (Django's default) that only reaches the process that saved the term; the others see the change when
their entry expires. A cache shared by all processes (Redis, Memcached) sees it at once.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from ..conf import get_setting
from .facets import LISTINGS
from .query import FacetValue


def load_vocabulary(kind):
    """Facet key -> {code: label}, in the order the values should be offered."""
    vocabulary = {}
    for facet in LISTINGS[kind].term_facets:
        if facet.choices is not None:
            vocabulary[facet.key] = {code: str(label) for code, label in facet.choices.choices}
        else:
            vocabulary[facet.key] = vocabulary_terms(facet.vocabulary)
    return vocabulary


def term_facet_values(labels, counts, selected):
    """Facet values in vocabulary order: those with hits, and every selected one even at count 0."""
    return [
        FacetValue(code, label, counts.get(code, 0), code in selected)
        for code, label in labels.items()
        if counts.get(code, 0) or code in selected
    ]


def vocabulary_terms(model):
    """{slug: name} of one admin-managed vocabulary in its ordering, from the cache when it is there."""
    seconds = get_setting("VOCABULARY_CACHE_SECONDS")
    terms = cache.get(cache_key(model)) if seconds else None
    if terms is None:
        ordering = model._meta.ordering or ["name"]
        terms = dict(model.objects.order_by(*ordering).values_list("slug", "name"))
        if seconds:
            cache.set(cache_key(model), terms, seconds)
    return terms


def vocabulary_descriptions(model):
    """{slug: description} of one admin-managed vocabulary, cached and cleared like its labels."""
    seconds = get_setting("VOCABULARY_CACHE_SECONDS")
    key = cache_key(model, "descriptions")
    descriptions = cache.get(key) if seconds else None
    if descriptions is None:
        descriptions = dict(model.objects.values_list("slug", "description"))
        if seconds:
            cache.set(key, descriptions, seconds)
    return descriptions


def cache_key(model, part="labels"):
    suffix = "" if part == "labels" else f":{part}"
    return f"bibnetz:vocabulary:{model._meta.label_lower}{suffix}"


def vocabulary_models():
    return {facet.vocabulary for listing in LISTINGS.values() for facet in listing.term_facets if facet.vocabulary}


def forget_vocabulary(sender, **kwargs):
    cache.delete_many([cache_key(sender), cache_key(sender, "descriptions")])


def connect_vocabulary_signals():
    for model in vocabulary_models():
        uid = f"bibnetz_vocabulary_{model._meta.label_lower}"
        post_save.connect(forget_vocabulary, sender=model, dispatch_uid=uid)
        post_delete.connect(forget_vocabulary, sender=model, dispatch_uid=uid)
