"""Forms of the accounts part: login (front end and admin), password reset and the new password."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .passwords import network_password_help_text, validate_network_password
from .throttling import account_failure_limit, client_ip, login_limit, wait_message

INVALID_LOGIN = _(
    "The e-mail address or the password is wrong. If you have only just applied for access, you can log in "
    "once your library has been activated."
)


class ThrottledLoginMixin:
    """Refuses logins beyond the per-IP rate, and accounts with too many recent failures from this address.

    Failures count per account *and* client address: wrong passwords typed elsewhere cannot lock the owner
    out, while one address still has only a few guesses per account and few attempts overall (the per-IP
    rate). The counter is keyed by what was typed, whether or not such an account exists, so the refusal
    tells nothing about existing accounts.
    """

    throttled = False

    def clean(self):
        ip = client_ip(self.request)
        typed = (self.cleaned_data.get("username") or "").strip().lower()
        identifier = f"{typed}\n{ip}" if typed else ""
        ip_limit, failures = login_limit(), account_failure_limit()
        if not ip_limit.hit(ip):
            self.refuse(ip_limit.retry_after())
        if identifier and failures.exceeded(identifier):
            self.refuse(failures.retry_after())
        try:
            cleaned_data = super().clean()
        except ValidationError as error:
            if identifier and error.code == "invalid_login":
                failures.hit(identifier)
            raise
        if identifier:
            failures.reset(identifier)
        return cleaned_data

    def refuse(self, seconds):
        self.throttled = True
        if self.request is not None:
            # Read by LoginThrottleMiddleware, which answers 429 also for login views the package does not own.
            self.request.bibnetz_login_throttled = True
        raise ValidationError(wait_message(seconds), code="throttled")


class LoginForm(ThrottledLoginMixin, AuthenticationForm):
    """The front-end login: e-mail address and password."""

    username = forms.CharField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {**AuthenticationForm.error_messages, "invalid_login": INVALID_LOGIN}

    def get_invalid_login_error(self):
        return ValidationError(self.error_messages["invalid_login"], code="invalid_login")


class AdminLoginForm(ThrottledLoginMixin, WagtailLoginForm):
    """The Wagtail admin's login (``WAGTAILADMIN_USER_LOGIN_FORM``): e-mail address or username."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("E-mail address or username")
        self.fields["username"].widget.attrs["placeholder"] = _("E-mail address or username")
        self.fields["username"].widget.attrs["autocomplete"] = "username"


class NetworkPasswordResetForm(PasswordResetForm):
    """Django's reset form; it sends mail only to active accounts and says the same for every address."""

    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )


class NetworkSetPasswordForm(SetPasswordForm):
    """The new password after a reset, under the network's password rules."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["new_password1"].help_text = network_password_help_text()

    def validate_password_for_user(self, user, password_field_name="password2"):
        password = self.cleaned_data.get(password_field_name)
        if password:
            try:
                validate_network_password(password, user)
            except ValidationError as error:
                self.add_error(password_field_name, error)
