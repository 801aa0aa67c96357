"""``{% participation_panel page %}``: the taking-part section of a call's page (partners, participants, join form)."""

from django import template

from ..web.participation.panel import panel_context

register = template.Library()


@register.inclusion_tag("bibnetz_wagtail/participation/panel.html", takes_context=True)
def participation_panel(context, task):
    """Render the participation panel of ``task`` for the current visitor."""
    return panel_context(task, context.get("request"), messages=context.get("messages"))
