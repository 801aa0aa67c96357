"""Suspending a library in the Wagtail admin: the moderators' screens, the publishing guards, the history labels."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from ..models import LibraryProfilePage
from ..models.membership import is_moderator
from ..operations.suspension import (
    MAX_REASON_LENGTH,
    REINSTATE,
    SUSPEND,
    SuspensionError,
    reinstate_library,
    suspend_library,
    suspended_library_of,
    touches_suspended_library,
)
from .suspension_mails import notify_reinstated, notify_suspended


class SuspendForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept in the profile's page history."),
        error_messages={"required": _("Please give a reason for the suspension.")},
    )


class ReinstateForm(forms.Form):
    """Reinstating asks for nothing but the confirming POST."""


def suspend_with_reason(library, user, data):
    notify_suspended(suspend_library(library, user, data["reason"]))


def reinstate_without_more(library, user, data):
    notify_reinstated(reinstate_library(library, user))


#: action -> (form, operation, page title, button label, message after success)
ACTIONS = {
    "suspend": (
        SuspendForm,
        suspend_with_reason,
        _("Suspend “%(library)s” from the network"),
        _("Suspend library"),
        _("“%(library)s” is suspended from the network."),
    ),
    "reinstate": (
        ReinstateForm,
        reinstate_without_more,
        _("Reinstate “%(library)s” in the network"),
        _("Reinstate library"),
        _("“%(library)s” is back in the network."),
    ),
}


def library_for_moderator(request, pk):
    """The profile with this id, for a moderator; 403 for anyone else (before saying whether it exists)."""
    if not is_moderator(request.user):
        raise PermissionDenied
    library = LibraryProfilePage.objects.filter(pk=pk).first()
    if library is None:
        raise Http404(_("There is no such library."))
    return library


def render(request, library, action, form, error=None, status=200):
    _form, _operation, title, button, _done = ACTIONS[action]
    context = {
        "library": library,
        "action": action,
        "form": form,
        "error": error,
        "page_title": title % {"library": library.title},
        "header_icon": "lock" if action == "suspend" else "lock-open",
        "button_label": button,
        "cancel_url": reverse("wagtailadmin_pages:edit", args=[library.pk]),
    }
    return TemplateResponse(request, "bibnetz_wagtail/admin/suspension.html", context, status=status)


def decide(request, pk, action):
    """GET shows the confirmation form and changes nothing; POST carries the decision out."""
    library = library_for_moderator(request, pk)
    form_class, operation, _title, _button, done = ACTIONS[action]
    if request.method != "POST":
        return render(request, library, action, form_class())
    form = form_class(request.POST)
    if not form.is_valid():
        return render(request, library, action, form, status=400)
    try:
        operation(library, request.user, form.cleaned_data)
    except SuspensionError as error:
        return render(request, library, action, form, error=error.message, status=error.status)
    messages.success(request, done % {"library": library.title})
    return redirect("wagtailadmin_pages:edit", library.pk)


@require_http_methods(["GET", "POST"])
def suspend(request, pk):
    """Suspend a library from the network, with a reason."""
    return decide(request, pk, "suspend")


@require_http_methods(["GET", "POST"])
def reinstate(request, pk):
    """Take a suspended library back into the network."""
    return decide(request, pk, "reinstate")


def admin_urls():
    """Registered below the Wagtail admin (which requires admin access) by ``wagtail_hooks.py``."""
    return [
        path("bibnetz/bibliotheken/<int:pk>/sperren/", suspend, name="bibnetz_suspend_library"),
        path("bibnetz/bibliotheken/<int:pk>/wieder-aufnehmen/", reinstate, name="bibnetz_reinstate_library"),
    ]


def refuse_publishing(request, page):
    """Nothing of a suspended library goes live, whoever publishes: reinstating is the only way back.

    Its team has no publish permission while suspended; this also stops moderators and superusers, whose
    publishing would otherwise leave a library half back in the network. The editor has already saved the
    draft when Wagtail asks, so the edit is kept.
    """
    library = suspended_library_of(page)
    if library is None:
        return None
    messages.error(
        request,
        _(
            "“%(library)s” is suspended from the network: nothing of it can be published until a moderator "
            "reinstates it. Your changes are saved as a draft."
        )
        % {"library": library.title},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def refuse_bulk_publishing(request, action_type, objects, action):
    """Bulk publishing skips the editor's hook: refuse it when it would reach a suspended library.

    Wagtail checked ``next_url`` already.
    """
    if action_type != "publish":
        return None
    form = getattr(action, "cleaned_form", None)
    include_descendants = bool(form and form.cleaned_data.get("include_descendants"))
    library = touches_suspended_library(objects, include_descendants)
    if library is None:
        return None
    messages.error(
        request,
        _(
            "“%(library)s” is suspended from the network: nothing of it can be published until a moderator "
            "reinstates it."
        )
        % {"library": library.title},
    )
    # Without a ``next`` Wagtail names the bulk action's own path, which needs the ids of the pages again.
    return redirect(action.next_url if action.next_url != request.path else request.get_full_path())


def refuse_moving_live_pages_in(request, page, destination):
    """A live page moved below a suspended library would be online there (Wagtail serves it below an offline parent)."""
    if not Page.objects.descendant_of(page, inclusive=True).live().exists():
        return None
    library = touches_suspended_library([destination])
    if library is None:
        return None
    messages.error(
        request,
        _("“%(library)s” is suspended from the network: unpublish the page before moving it there.")
        % {"library": library.title},
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


def header_buttons(page, user):
    """The profile header's menu item that suspends or reinstates the library, for moderators only."""
    from wagtail.admin.widgets import Button

    if page.specific_class is not LibraryProfilePage or not is_moderator(user):
        return []
    suspended = LibraryProfilePage.objects.filter(pk=page.pk, suspended_at__isnull=False).exists()
    action = "reinstate" if suspended else "suspend"
    url = reverse(f"bibnetz_{action}_library", args=[page.pk])
    return [Button(ACTIONS[action][3], url, icon_name="lock-open" if suspended else "lock", priority=90)]


def register_log_actions(actions):
    """The page history names suspensions and reinstatements, with the moderator's reason as the comment."""
    from wagtail.log_actions import LogFormatter

    @actions.register_action(SUSPEND)
    class SuspendFormatter(LogFormatter):
        label = _("Suspend library")
        message = _("Library suspended from the network")

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")

    actions.register_action(REINSTATE, _("Reinstate library"), _("Library reinstated in the network"))
