"""Rendering the member area's pages inside the host site's base template, and who may see them."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from ...conf import get_setting
from ...models import LibraryProfilePage, Membership, MembershipRole


def render_page(request, template, context=None, status=200):
    """A ``TemplateResponse`` of ``template`` with the host site's base template in its context."""
    context = {"bibnetz_base_template": get_setting("BASE_TEMPLATE"), **(context or {})}
    return TemplateResponse(request, template, context, status=status)


def render_message(request, title, paragraphs, status=200, link=None):
    """A short page: a heading, a few sentences and an optional (url, label) link onward."""
    context = {"title": title, "paragraphs": paragraphs, "link": link}
    return render_page(request, "bibnetz_wagtail/membership/message.html", context, status=status)


def notify(request, level, message):
    """A one-time message on the next page; silently skipped where the site has no messages framework."""
    messages.add_message(request, level, message, fail_silently=True)


def login_url():
    """The network's login page, or the site's ``LOGIN_URL`` where the network's URLs are not installed."""
    try:
        return reverse("bibnetz:login")
    except NoReverseMatch:
        return settings.LOGIN_URL


def redirect_to_network_login(request):
    return redirect_to_login(request.get_full_path(), login_url())


def forbidden(request, message):
    return render_message(request, _("Not allowed"), [message], status=403, link=(my_library_url(), _("My library")))


def my_library_url():
    return reverse("bibnetz:my_library")


def admin_library_or_response(request, library_id):
    """``(library, None)`` when the user administers the library, else ``(None, response)``: login, 404 or 403."""
    if not request.user.is_authenticated:
        return None, redirect_to_network_login(request)
    library = get_object_or_404(LibraryProfilePage, pk=library_id)
    is_admin = Membership.objects.filter(
        user=request.user, library=library, role=MembershipRole.ADMIN, user__is_active=True
    ).exists()
    if not is_admin:
        return None, forbidden(request, _("Only the administrators of this library can manage its team."))
    return library, None
