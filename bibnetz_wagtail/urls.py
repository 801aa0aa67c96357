"""The network's front-end URLs (accounts, joining, the member area, taking part in calls, the toolkit, the
search over every listing).

A host site includes them once, before Wagtail's own URLs::

    path("netzwerk/", include("bibnetz_wagtail.urls")),
"""

from django.urls import include, path

from .web import toolkit
from .web.network_search import network_search

app_name = "bibnetz"

urlpatterns = [
    path("", include("bibnetz_wagtail.web.accounts.urls")),
    path("", include("bibnetz_wagtail.web.membership.urls")),
    path("", include("bibnetz_wagtail.web.participation.urls")),
    path("toolkit/", toolkit.explanation, name="toolkit"),
    path("suche/", network_search, name="search"),
]
