"""Rendering the network's own front-end pages (accounts, member area, calls) inside the host's base template."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse

from ..models.rendering import with_base_template


class BaseTemplateMixin:
    """A class-based view whose template extends ``bibnetz_wagtail/base.html``."""

    def get_context_data(self, **kwargs):
        return with_base_template(super().get_context_data(**kwargs))


def render_page(request, template, context=None, status=200):
    """A ``TemplateResponse`` of ``template``, which extends ``bibnetz_wagtail/base.html``."""
    return TemplateResponse(request, template, with_base_template(dict(context or {})), status=status)


def render_message(request, title, paragraphs, status=200, link=None):
    """A page with a heading, a few sentences and an optional (url, label) link onward."""
    context = {"title": title, "paragraphs": paragraphs, "link": link}
    return render_page(request, "bibnetz_wagtail/message.html", context, status=status)


def login_url():
    """The network's login page, or the site's ``LOGIN_URL`` where the network's URLs are not installed."""
    try:
        return reverse("bibnetz:login")
    except NoReverseMatch:
        return settings.LOGIN_URL
