"""URLs of the example site: Wagtail admin, documents, then every page of the tree."""

from django.conf import settings
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from bibnetz_wagtail.web.network_search import network_search


class FaviconRedirect(RedirectView):
    """Browsers and crawlers ask for /favicon.ico whatever a page links; the site's icon is an SVG."""

    def get_redirect_url(self, *args, **kwargs):
        return static_url("img/favicon.svg")


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("favicon.ico", FaviconRedirect.as_view()),
    # The search over every listing, at a short address of its own (the home page's search box sends here).
    path("suche/", network_search, name="search"),
    # The network's accounts, joining, member area, calls and search.
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
