"""What each listing can be filtered by, as its page model's ``listing_spec`` declares it (engine-independent)."""

from ..models import LibraryProfilePage  # noqa: F401  (importing the models registers their listing specs)
from ..models.facets import (  # noqa: F401
    BAND_FACETS,
    COST,
    EFFORT,
    LIBRARY_TYPE,
    MEASURE_STATUS,
    STATE,
    TARGET_GROUP,
    TASK_KIND,
    TASK_STATUS,
    TOOLKIT,
    TOPIC,
)
from ..models.listing_spec import (  # noqa: F401
    LISTINGS,
    BandFacet,
    ListingSpec,
    TermFacet,
    listing_of_model,
    listing_spec,
)
