"""Changing the login e-mail address: confirmed from the new address, unique without regard to case.

The address is the login name (and usually the username), so it may change only to an address that no other
account uses and that its owner has shown to read; the old address is told of the change.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from ...conf import get_setting
from ...operations.joining import existing_account
from ..links import absolute_url
from ..responses import render_message, render_page
from .notifications import link_validity_hours, send

SALT = "bibnetz_wagtail.email_change"


class EmailChangeForm(forms.Form):
    """The new address and, to show that the account's owner asks, the current password."""

    # The address becomes the username too, which Django's user model limits to 150 characters.
    email = forms.EmailField(
        label=gettext_lazy("New e-mail address"),
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=gettext_lazy("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email.lower() == (self.user.email or "").lower():
            raise forms.ValidationError(gettext_lazy("This is already your e-mail address."))
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(gettext_lazy("The password is wrong."))
        return password


def make_token(user, email):
    return signing.dumps({"user": user.pk, "old": user.email, "new": email}, salt=SALT, compress=True)


def read_token(token):
    """(user, new address) of a link, or None when it is invalid, expired or used (the address changed since)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=get_setting("JOIN_LINK_MAX_AGE"))
    except signing.BadSignature:
        return None
    user = get_user_model()._default_manager.filter(pk=data.get("user"), is_active=True).first()
    if user is None or (user.email or "") != data.get("old"):
        return None
    return user, data.get("new", "")


def address_is_free(email, user):
    other = existing_account(email)
    return other is None or other.pk == user.pk


@transaction.atomic
def apply_change(user, email):
    """Set the new address (and the username, where it was the address); False when another account has it now."""
    user = get_user_model()._default_manager.select_for_update().get(pk=user.pk)
    if not address_is_free(email, user):
        return False
    old = user.email
    if user.get_username().lower() == (old or "").lower():
        setattr(user, user.USERNAME_FIELD, email.lower())
    user.email = email
    user.save()
    send("email_changed", {"user": user, "old_email": old, "new_email": email}, [old])
    return True


@sensitive_post_parameters("password")
@login_required
@require_http_methods(["GET", "POST"])
def change_email(request):
    """The form; on a valid POST a link to the new address (or nothing, if another account has it)."""
    form = EmailChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if address_is_free(email, request.user):
            confirm_url = absolute_url(reverse("bibnetz:change_email_confirm", args=[make_token(request.user, email)]))
            context = {"user": request.user, "confirm_url": confirm_url, "hours": link_validity_hours()}
            send("email_change", context, [email])
        # The same answer either way, so that the form does not tell which addresses have an account.
        return render_message(
            request,
            _("Please check your e-mail"),
            [_("We have sent a link to %(email)s. Your address changes when you open it.") % {"email": email}],
        )
    context = {
        "title": _("Change your e-mail address"),
        "intro": _("You log in with your e-mail address. The new one must be confirmed before it is used."),
        "form": form,
        "submit_label": _("Send confirmation link"),
        "action": reverse("bibnetz:change_email"),
    }
    return render_page(request, "bibnetz_wagtail/form_page.html", context, status=400 if form.is_bound else 200)


@require_http_methods(["GET"])
def confirm_email(request, token):
    """Opening the link from the new address changes the login address."""
    found = read_token(token)
    if found is None:
        return render_message(
            request,
            _("Change your e-mail address"),
            [_("This link is not valid, has expired or was already used.")],
            400,
        )
    user, email = found
    if not apply_change(user, email):
        return render_message(
            request, _("Change your e-mail address"), [_("Another account uses this address now.")], status=409
        )
    return render_message(
        request,
        _("E-mail address changed"),
        [_("From now on you log in with %(email)s.") % {"email": email}],
        link=(reverse("bibnetz:login"), _("Log in")),
    )
