"""URLs of the example site: Wagtail admin, documents, then every page of the tree."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The network's accounts, joining, member area and calls.
    path("netzwerk/", include("bibnetz_wagtail.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Last: Wagtail serves the page tree, including /bibliotheken/, /massnahmen/ and /aufgaben-teilen/.
    path("", include(wagtail_urls)),
]
