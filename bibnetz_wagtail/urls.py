"""The network's front-end URLs (accounts, joining, the member area, taking part in calls).

A host site includes them once, before Wagtail's own URLs::

    path("netzwerk/", include("bibnetz_wagtail.urls")),
"""

from django.urls import include, path

app_name = "bibnetz"

urlpatterns = [
    path("", include("bibnetz_wagtail.web.accounts.urls")),
    path("", include("bibnetz_wagtail.web.membership.urls")),
    path("", include("bibnetz_wagtail.web.participation.urls")),
]
