"""Accepting an invitation: as the logged-in invitee, or by creating an account from it."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ...models import Invitation
from ...operations.team import accept_invitation, is_invitee, users_with_email
from ..responses import login_url, render_message, render_page
from .access import my_library_url, notify
from .forms import AcceptInvitationForm, InvitationAccountForm

FORM_TEMPLATE = "bibnetz_wagtail/form_page.html"
#: Tokens are 43 characters (``secrets.token_urlsafe(32)``); anything much longer is not worth a query.
MAX_TOKEN_LENGTH = 64


@require_http_methods(["GET", "HEAD", "POST"])
def invitation(request, token):
    """The link in an invitation e-mail."""
    found = None
    if len(token) <= MAX_TOKEN_LENGTH:
        found = Invitation.objects.select_related("library").filter(token=token).first()
    if found is None:
        return not_found(request)
    if not found.is_open:
        return closed(request, found)
    if request.user.is_authenticated:
        return accept_as_user(request, found)
    if users_with_email(found.email).exists():
        return render_message(
            request,
            _("Please log in"),
            [
                _("There is already an account for %(email)s. Log in with it to accept the invitation.")
                % {"email": found.email}
            ],
            link=(f"{login_url()}?{urlencode({'next': request.get_full_path()})}", _("Log in")),
        )
    return create_account(request, found)


def not_found(request):
    return render_message(
        request,
        _("Invitation not found"),
        [_("This invitation link is not valid. Please check that you copied the whole link from the e-mail.")],
        status=404,
    )


def closed(request, found):
    """The invitation was used or has expired (400); ``found`` is re-read, it may have changed meanwhile."""
    found = Invitation.objects.select_related("library").filter(pk=found.pk).first()
    if found is None:
        return not_found(request)
    if found.accepted_at is not None:
        paragraphs = [_("This invitation has already been accepted.")]
    else:
        paragraphs = [
            _("This invitation expired on %(date)s.") % {"date": date_format(localtime(found.expires_at))},
            _("Please ask the administrators of %(library)s to invite you again.") % {"library": found.library.title},
        ]
    link = (my_library_url(), _("My library")) if request.user.is_authenticated else (login_url(), _("Log in"))
    return render_message(request, _("Invitation no longer valid"), paragraphs, status=400, link=link)


def posted(request):
    """The submitted data of a POST (even an empty one), None otherwise: the form is then unbound."""
    return request.POST if request.method == "POST" else None


def intro(found):
    return _("%(library)s invites you to its team as %(role)s.") % {
        "library": found.library.title,
        "role": found.get_role_display(),
    }


def accept_as_user(request, found):
    if not is_invitee(request.user, found):
        message = _(
            "This invitation was sent to %(email)s, but you are logged in with another account. Please log out and "
            "open the link again."
        ) % {"email": found.email}
        return render_message(request, _("Invitation for another address"), [message], status=403)
    form = AcceptInvitationForm(posted(request))
    if form.is_bound and form.is_valid():
        return finish(request, found, request.user)
    context = {"title": _("Accept invitation"), "intro": intro(found), "form": form, "submit_label": _("Join the team")}
    return render_page(request, FORM_TEMPLATE, context)


def create_account(request, found):
    form = InvitationAccountForm(posted(request), invitation=found)
    if form.is_bound and form.is_valid():
        try:
            with transaction.atomic():
                user = form.new_user()
                user.set_password(form.cleaned_data["password1"])
                user.save()
                accepted = accept_invitation(found, user)
                if not accepted:
                    # Used or expired while the form was filled in: no account without a membership.
                    transaction.set_rollback(True)
        except IntegrityError:
            form.add_error(None, _("There is already an account for this address. Please log in instead."))
        else:
            if not accepted:
                return closed(request, found)
            login(request, user, backend=login_backend())
            return finish(request, found, user, accepted=True)
    context = {
        "title": _("Accept invitation"),
        "intro": intro(found) + " " + _("Choose a password for your account."),
        "form": form,
        "submit_label": _("Create account and join"),
    }
    return render_page(request, FORM_TEMPLATE, context, status=400 if form.is_bound else 200)


def login_backend():
    """Django's model backend when the site uses it (it knows every local account), else the first one."""
    backends = list(settings.AUTHENTICATION_BACKENDS)
    model_backend = "django.contrib.auth.backends.ModelBackend"
    return model_backend if model_backend in backends else backends[0]


def finish(request, found, user, accepted=False):
    if not accepted and not accept_invitation(found, user):
        return closed(request, found)
    message = _("Welcome to the team of %(library)s.") % {"library": found.library.title}
    notify(request, messages.SUCCESS, message)
    return redirect(my_library_url())
