"""The join flow's pages: the form, "check your e-mail", and confirming the address."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from wagtail.models import Page, Site

from ...conf import get_setting
from ...models import JoinRequestState, LibraryIndexPage
from ...models.forms import LIBRARY_FIGURES
from ...numbers import format_figure
from ...operations import joining
from ...operations.errors import InvalidState
from ..links import absolute_url
from ..responses import render_message, render_page
from . import notifications
from .application_forms import ApplicationForm, ConfirmApplicationForm
from .confirmation_link import LinkError, read_token, verify_url
from .throttling import FixedWindow, client_ip, join_limit, wait_message

JOIN_TEMPLATE = "bibnetz_wagtail/accounts/join.html"
CONFIRM_TEMPLATE = "bibnetz_wagtail/accounts/join_verify.html"
NOT_OPEN_TEMPLATE = "bibnetz_wagtail/accounts/join_not_open.html"
LINK_ERRORS = {
    "expired": gettext_lazy(
        "This confirmation link has expired. Please fill in the form again: we will send you a new link."
    ),
    "used": gettext_lazy("This confirmation link has already been used."),
    "gone": gettext_lazy(
        "This application is no longer open: a newer application for the same address replaced it, or it "
        "expired. Please use the link in the newest e-mail or fill in the form again."
    ),
    "invalid": gettext_lazy("This confirmation link is not valid. Please copy the whole link from the e-mail."),
}


@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def join(request):
    """ "Zugang beantragen": the form, and on a valid POST the same answer for every address."""
    index = joining.library_index()
    if index is None:
        return render_not_open_yet(request)
    if request.method != "POST":
        return render_join(request, ApplicationForm())
    form = ApplicationForm(request.POST)
    limit = join_limit()
    if not limit.hit(client_ip(request)):
        form.is_valid()
        form.add_error(None, wait_message(limit.retry_after()))
        return render_join(request, form, status=429)
    if form.is_spam:
        return redirect("bibnetz:join_sent")
    if not form.is_valid():
        return render_join(request, form)
    handle_application(form, index)
    return redirect("bibnetz:join_sent")


def handle_application(form, index):
    """Act on a valid join form; the applicant sees the same answer whatever happened here."""
    joining.discard_expired_applications()
    data = form.cleaned_data
    join, account = joining.submit_application(form.save(commit=False), data["email"], data["password1"], index)
    if join is not None:
        notifications.send_verification(join, verify_url(join))
        return
    if account is None:
        # The same address was sent twice at once; the other request created the account and sent the link.
        return
    # Hash once, as creating an account would, so that the answer takes as long for a known address.
    get_user_model()().set_password(data["password1"])
    notifications.send_address_in_use(
        account, absolute_url(reverse("bibnetz:login")), absolute_url(reverse("bibnetz:password_reset"))
    )


def render_not_open_yet(request):
    """Before the site has a library directory: no form, and for superusers the step that opens joining."""
    context = {"setup_url": directory_setup_url() if request.user.is_superuser else None}
    return render_page(request, NOT_OPEN_TEMPLATE, context)


def directory_setup_url():
    """The admin form that creates a library directory below the default site's root page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    parent = site.root_page if site else Page.get_first_root_node()
    model = LibraryIndexPage._meta
    try:
        return reverse("wagtailadmin_pages:add", args=[model.app_label, model.model_name, parent.pk])
    except NoReverseMatch:
        return None


def render_join(request, form, status=200):
    return render_page(request, JOIN_TEMPLATE, {"form": form, "login_url": reverse("bibnetz:login")}, status=status)


def join_sent(request):
    """The one answer to every accepted join form: look into your mailbox."""
    return render_message(
        request,
        _("Please check your e-mail"),
        [
            _(
                "We have sent a message to the address you gave. Please open the link in it to confirm your "
                "address. If the message does not arrive within a few minutes, look into your spam folder."
            )
        ],
    )


def confirm_limit():
    """Wrong passwords on one application's confirmation page, counted like failed logins of one account."""
    return FixedWindow.from_setting("join-confirm", "LOGIN_FAILURES_PER_ACCOUNT")


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def join_verify(request, token):
    """GET shows what is confirmed; POST with the application's password confirms it.

    A button, not the link itself, confirms, so that link scanners in mail programs cannot use the link up.
    """
    try:
        join_request = read_token(token)
    except LinkError as error:
        return render_link_error(request, error)
    form = ConfirmApplicationForm(join_request.user, data=request.POST if request.method == "POST" else None)
    if request.method != "POST":
        return render_confirmation(request, join_request, form)
    limit = confirm_limit()
    if limit.exceeded(join_request.pk):
        form.add_error(None, wait_message(limit.retry_after()))
        return render_confirmation(request, join_request, form, status=429)
    if not form.is_valid():
        limit.hit(join_request.pk)
        return render_confirmation(request, join_request, form)
    try:
        join_request = confirm_application(join_request)
    except InvalidState:
        return render_link_error(request, LinkError("used"))
    return render_confirmed(request, join_request)


@transaction.atomic
def confirm_application(join_request):
    """Confirm the address and tell the moderators in one transaction: should their e-mail fail, nothing is
    confirmed and the applicant can use the link again."""
    join_request = joining.confirm(join_request)
    if join_request.state == JoinRequestState.PENDING:
        notifications.send_to_moderators(join_request)
    return join_request


def render_link_error(request, error):
    return render_message(request, _("Confirming your e-mail address"), [LINK_ERRORS[error.reason]], status=400)


def render_confirmation(request, join_request, form, status=200):
    context = {
        "library": join_request.library,
        "details": application_details(join_request),
        "form": form,
        "join_url": reverse("bibnetz:join"),
    }
    return render_page(request, CONFIRM_TEMPLATE, context, status=status)


def application_details(join_request):
    """What the confirmer confirms, as label and value: the profile's data and the account's address."""
    library = join_request.library

    def label(name):
        return capfirst(library._meta.get_field(name).verbose_name)

    rows = [
        (_("Name of the library"), library.title),
        (label("municipality"), library.municipality),
        (label("state"), library.get_state_display()),
        (label("library_type"), library.get_library_type_display()),
        *[(label(name), format_figure(getattr(library, name), figure)) for name, figure in LIBRARY_FIGURES.items()],
        (label("contact_person"), library.contact_person),
        (_("E-mail address"), join_request.user.email),
    ]
    return [(name, value) for name, value in rows if value]


def render_confirmed(request, join_request):
    if get_setting("MODERATION"):
        paragraphs = [
            _(
                "Thank you, your address is confirmed. The network's moderators will now look at the profile "
                "of %(library)s. We will let you know by e-mail as soon as it is approved."
            )
            % {"library": join_request.library.title}
        ]
        return render_message(request, _("Address confirmed"), paragraphs)
    paragraphs = [
        _("Welcome to the network! The profile of %(library)s is now public and you can log in.")
        % {"library": join_request.library.title}
    ]
    return render_message(request, _("Address confirmed"), paragraphs, link=(reverse("bibnetz:login"), _("Log in")))
