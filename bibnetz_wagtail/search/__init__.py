"""The search layer: the listing contract (query, result, facets, bands, likeness) and its engines."""
