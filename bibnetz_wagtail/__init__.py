"""bibnetz_wagtail: a network of rural public libraries for Wagtail sites."""

__version__ = "0.1.0"
