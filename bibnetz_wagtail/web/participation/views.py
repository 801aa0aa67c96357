"""Taking part in calls: a library asks to join, the call's library accepts or declines, the asker may withdraw."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from ...models import Participation, TaskSharePage
from ...operations import participation as operations
from ...operations.errors import InvalidState, OperationError
from ..responses import login_url, render_page
from .forms import NoteForm, ParticipationRequestForm
from .notify import notify_change

#: Anchor of the participation panel on a call's page.
PANEL_ANCHOR = "#bibnetz-participation"
STEPS = {
    "accept": (operations.accept, _("You have accepted “%(library)s” as a partner.")),
    "decline": (operations.decline, _("You have declined the request of “%(library)s”.")),
    "withdraw": (operations.withdraw, _("Your library has withdrawn from “%(task)s”.")),
}


def login_redirect(request, next_url):
    """Send an anonymous visitor to the network's login page, and back to ``next_url`` afterwards."""
    return redirect_to_login(next_url, login_url())


def call_url(request, task):
    """Where the call's page is, with the participation panel in view."""
    url = task.get_url(request) or "/"
    return f"{url}{PANEL_ANCHOR}"


def safe_url(request, url):
    """``url`` when it points into this site, else None."""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure()):
        return url
    return None


def next_or(request, fallback):
    """The ``next`` address sent with the form when it points into this site, else ``fallback``."""
    return safe_url(request, request.POST.get("next", "")) or fallback


def refused(request, message, task=None, status=409):
    """A page with one German sentence saying why the step was refused, and a way back to the call."""
    context = {"message": message, "task": task, "back_url": call_url(request, task) if task else None}
    return render_page(request, "bibnetz_wagtail/participation/refused.html", context, status=status)


def visible_call(request, task_id):
    """The live call with this id that the visitor may see, or 404."""
    task = TaskSharePage.objects.live().select_related("library").filter(pk=int(task_id)).first()
    if task is None or not all(restriction.accept_request(request) for restriction in task.get_view_restrictions()):
        raise Http404(_("There is no such call."))
    return task


@require_http_methods(["GET", "POST"])
def join(request, task_id):
    """Ask to join a call (the form also sits on the call's page; this page shows it alone and with errors)."""
    if not request.user.is_authenticated:
        return login_redirect(request, request.get_full_path())
    suspended = operations.suspended_call_refusal(int(task_id))
    if suspended:
        # Its page is offline, so there is no call to go back to; the sentence says why the request is refused.
        return refused(request, suspended, status=409)
    task = visible_call(request, task_id)
    try:
        libraries = operations.joining_libraries(request.user, task)
        refusal = operations.join_refusal(task)
        if refusal:
            raise InvalidState(refusal)
    except OperationError as error:
        return refused(request, error.message, task, error.status)
    form = ParticipationRequestForm(request.POST if request.method == "POST" else None, libraries=libraries)
    if form.is_valid():
        message = form.cleaned_data["message"]
        try:
            participation = operations.join(task, form.cleaned_data["library"], request.user, message)
        except OperationError as error:
            return refused(request, error.message, task, error.status)
        if participation is not None:
            notify_change(participation, message)
        sent = _("Your request has been sent to “%(library)s”.") % {"library": task.library.title}
        messages.success(request, sent)
        return redirect(next_or(request, call_url(request, task)))
    context = {
        "title": _("Join the call “%(task)s”") % {"task": task.title},
        "intro": task.summary,
        "form": form,
        "submit_label": _("Ask to join"),
        "action": reverse("bibnetz:participation_join", args=[task.pk]),
    }
    status = 400 if form.is_bound else 200
    return render_page(request, "bibnetz_wagtail/form_page.html", context, status=status)


@require_POST
def step(request, pk, action):
    """Accept, decline or withdraw one participation (POST only)."""
    if not request.user.is_authenticated:
        # Back to the page the form was on (after a session ran out): the step's own URL answers POST only.
        return login_redirect(request, safe_url(request, request.META.get("HTTP_REFERER", "")) or "/")
    participation = Participation.objects.select_related("task", "library").filter(pk=int(pk)).first()
    if participation is None:
        raise Http404(_("There is no such request."))
    move, success = STEPS[action]
    form = NoteForm(request.POST)
    if not form.is_valid():
        return refused(request, " ".join(form.errors["note"]), participation.task, status=400)
    note = form.cleaned_data["note"]
    try:
        changed = move(participation, request.user, note=note)
    except OperationError as error:
        return refused(request, error.message, participation.task, error.status)
    notify_change(changed, note)
    messages.success(request, success % {"library": participation.library.title, "task": participation.task.title})
    return redirect(next_or(request, call_url(request, participation.task)))


def accept(request, pk):
    """The call's library accepts a request."""
    return step(request, pk, "accept")


def decline(request, pk):
    """The call's library declines a request."""
    return step(request, pk, "decline")


def withdraw(request, pk):
    """The requesting library withdraws."""
    return step(request, pk, "withdraw")
