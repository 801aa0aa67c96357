"""The interface every search engine implements: the listing contract of DESIGN.md as one method."""

from abc import ABC, abstractmethod


class BaseEngine(ABC):
    """A search engine answers listing requests; ``BIBNETZ['SEARCH_ENGINE']`` names the one a site uses.

    The setting takes ``"database"``, ``"elasticsearch"`` or the dotted path of a subclass. Every engine
    must give the same answer to the same request (the parity suite runs every listing test on each): the
    same count, the same hits in the same order, the same facet values with the same counts.
    """

    #: A short name for logs and the admin.
    name = None
    #: Whether the engine answers from search indices that page changes must be sent to (the outbox).
    keeps_index = False

    @abstractmethod
    def search(self, query, vocabulary=None):
        """Answer ``query`` (a ``ListingQuery``) with a ``ListingResult``.

        - ``count``: the visible pages of ``query.kind`` that match the text (every word, see
          ``search.text.words``) and every selected facet value (values of one facet OR-ed, facets AND-ed);
        - ``hits``: page ``query.page`` of them as ``Hit`` (id, and likeness when there is a reference),
          ordered by ``query.sort``; newest first breaks ties, then the higher id;
        - ``facets`` (only when ``query.facets``): for every facet of the listing's spec, its values in
          vocabulary (or band) order, each counted with every *other* facet's selection applied
          (disjunctive faceting), leaving out values without hits unless selected. A term facet with a
          ``public_if`` rule counts and filters only the pages whose library makes its values public.

        ``vocabulary`` is ``load_vocabulary(query.kind)`` when the caller has it already.
        """
