"""Rendering the accounts pages inside the host site's base template."""

from django.template.response import TemplateResponse

from ...conf import get_setting


class BaseTemplateMixin:
    """Puts the host site's base template into the context of a class-based view."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bibnetz_base_template"] = get_setting("BASE_TEMPLATE")
        return context


def render_page(request, template, context=None, status=200):
    """A ``TemplateResponse`` of ``template`` with the base template in its context."""
    context = {"bibnetz_base_template": get_setting("BASE_TEMPLATE"), **(context or {})}
    return TemplateResponse(request, template, context, status=status)


def render_message(request, title, paragraphs, status=200, link=None):
    """A page with a heading, a few sentences and an optional (url, label) link onward."""
    context = {"title": title, "paragraphs": paragraphs, "link": link}
    return render_page(request, "bibnetz_wagtail/accounts/message.html", context, status=status)
