"""Who may see the member area's pages, and where to send those who may not."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from ...models import LibraryProfilePage
from ...operations.team import is_team_admin
from ..responses import login_url, render_message


def notify(request, level, message):
    """A one-time message on the next page; silently skipped where the site has no messages framework."""
    messages.add_message(request, level, message, fail_silently=True)


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
    if not is_team_admin(request.user, library):
        return None, forbidden(request, _("Only the administrators of this library can manage its team."))
    return library, None
