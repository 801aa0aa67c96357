"""Rendering the network's own front-end pages (accounts, member area, calls) inside the host's base template."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse

from ..conf import get_setting


class BaseTemplateMixin:
    """Puts the host site's base template into the context of a class-based view."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bibnetz_base_template"] = get_setting("BASE_TEMPLATE")
        return context


def base_context(context=None):
    """``context`` plus the host site's base template, which every page of the package extends."""
    return {"bibnetz_base_template": get_setting("BASE_TEMPLATE"), **(context or {})}


def render_page(request, template, context=None, status=200):
    """A ``TemplateResponse`` of ``template`` with the base template in its context."""
    context = base_context(context)
    return TemplateResponse(request, template, context, status=status)


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
