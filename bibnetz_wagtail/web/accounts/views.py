"""Logging in and out and resetting a forgotten password: Django's views with the network's templates."""

from django.conf import global_settings, settings
from django.contrib.auth import views as auth_views
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch, reverse, reverse_lazy

from ..links import base_url
from ..responses import BaseTemplateMixin
from .forms import LoginForm, NetworkPasswordResetForm, NetworkSetPasswordForm
from .throttling import client_ip, password_reset_limit, wait_message

TEMPLATES = "bibnetz_wagtail/accounts/"
#: Where a login without a ``next`` leads, the first of these URL names that exists.
AFTER_LOGIN = ("bibnetz:my_library",)


class LoginView(BaseTemplateMixin, auth_views.LoginView):
    """Log in with e-mail address and password; ``next`` is followed only within this site."""

    form_class = LoginForm
    template_name = TEMPLATES + "login.html"

    def get_default_redirect_url(self):
        if settings.LOGIN_REDIRECT_URL != global_settings.LOGIN_REDIRECT_URL:
            return resolve_url(settings.LOGIN_REDIRECT_URL)
        for name in AFTER_LOGIN:
            try:
                return reverse(name)
            except NoReverseMatch:
                continue
        return "/"

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.throttled:
            response.status_code = 429
        return response


class LogoutView(BaseTemplateMixin, auth_views.LogoutView):
    """Log out (POST only, as Django requires), then the "logged out" page or ``LOGOUT_REDIRECT_URL``."""

    template_name = TEMPLATES + "logged_out.html"


class PasswordResetView(BaseTemplateMixin, auth_views.PasswordResetView):
    """Ask for a reset link; the answer is the same whether or not the address has an account."""

    form_class = NetworkPasswordResetForm
    template_name = TEMPLATES + "password_reset_form.html"
    subject_template_name = "bibnetz_wagtail/email/password_reset_subject.txt"
    email_template_name = "bibnetz_wagtail/email/password_reset.txt"
    html_email_template_name = "bibnetz_wagtail/email/password_reset.html"
    success_url = reverse_lazy("bibnetz:password_reset_done")

    @property
    def extra_email_context(self):
        # The link starts with the site's base URL, not with whatever host the request came in on.
        return {"base_url": base_url()}

    def post(self, request, *args, **kwargs):
        limit = password_reset_limit()
        if not limit.hit(client_ip(request)):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, wait_message(limit.retry_after()))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


class PasswordResetDoneView(BaseTemplateMixin, auth_views.PasswordResetDoneView):
    template_name = TEMPLATES + "password_reset_done.html"


class PasswordResetConfirmView(BaseTemplateMixin, auth_views.PasswordResetConfirmView):
    """Set a new password from the e-mailed link; an expired or used link answers 400."""

    form_class = NetworkSetPasswordForm
    template_name = TEMPLATES + "password_reset_confirm.html"
    success_url = reverse_lazy("bibnetz:password_reset_complete")

    def render_to_response(self, context, **response_kwargs):
        if not self.validlink:
            response_kwargs.setdefault("status", 400)
        return super().render_to_response(context, **response_kwargs)


class PasswordResetCompleteView(BaseTemplateMixin, auth_views.PasswordResetCompleteView):
    template_name = TEMPLATES + "password_reset_complete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["login_url"] = reverse("bibnetz:login")
        return context
