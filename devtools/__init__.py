"""Tools for working on this repository (not part of the installed package): see each sub-package."""
