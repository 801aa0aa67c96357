"""Tags for the host site's own pages: a search box, the newest measures, open calls, the network in figures,
the header's account menu, the call to join and what the toolkit's results mean.

Each tag renders ``bibnetz_wagtail/tags/<name>.html`` (a host overrides it with a template of the same path, or
passes ``template="…"``). Mistakes in a tag's arguments never break the host's page: a bad value falls back to
its default and is logged.
"""

import logging

from django import template
from django.template import TemplateDoesNotExist
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import npgettext

from ..conf import get_setting
from ..search.facets import LISTINGS
from ..search.visibility import restricted_paths
from ..web import network, toolkit
from ..web.membership import entry

register = template.Library()
logger = logging.getLogger(__name__)

DEFAULT_COUNT = 3
COUNT_RANGE = (1, 20)
DEFAULT_HEADING_LEVEL = 2
HEADING_LEVEL_RANGE = (1, 6)
#: The search box's default target: the search over every listing (``bibnetz:search``).
NETWORK = "network"
#: Where the search box sends to when the network search is not installed.
FALLBACK_LISTING = "measures"
#: Where the tags keep what they share within one page: ids handed out, restricted paths, listing pages.
STATE_KEY = "_bibnetz_tags"


@register.simple_tag(takes_context=True)
def bibnetz_search_box(context, listing=NETWORK, placeholder="", label=None, template=None, action=None):
    """A GET search form for the network search (``listing="network"``, the default) or for the listing page of
    ``listing``; ``action`` sends it elsewhere (a host that serves the search at an address of its own).
    Nothing at all when there is nowhere to send it."""
    kind = choice_or_default("listing", listing, (NETWORK, *LISTINGS), NETWORK)
    if kind == NETWORK and not action:
        action = entry.url_or_none("bibnetz:search")
        kind = NETWORK if action else FALLBACK_LISTING
    page = None if kind == NETWORK else listing_page(context, kind)
    if not action:
        if page is None:
            return ""
        action = page.get_url(context.get("request"))
    values = {
        "action": action,
        "listing": kind,
        "listing_page": page,
        "input_id": next_id(context, "bibnetz-search-box"),
        "label": search_label(kind) if label is None else label,
        "placeholder": placeholder,
        "max_length": get_setting("MAX_QUERY_LENGTH"),
    }
    return render(context, "search_box", template, values)


@register.simple_tag(takes_context=True)
def bibnetz_latest_measures(
    context, count=DEFAULT_COUNT, heading=None, heading_level=DEFAULT_HEADING_LEVEL, template=None
):
    """The newest visible measures with their library, and a link to all measures."""
    heading_default = _("Latest measures")
    return teaser_tag(
        context,
        "latest_measures",
        network.latest_measures,
        "measures",
        count,
        heading,
        heading_default,
        heading_level,
        template,
    )


@register.simple_tag(takes_context=True)
def bibnetz_open_calls(context, count=DEFAULT_COUNT, heading=None, heading_level=DEFAULT_HEADING_LEVEL, template=None):
    """The task-share calls libraries can join now, soonest deadline first, and a link to all calls."""
    heading_default = _("Open calls")
    return teaser_tag(
        context, "open_calls", network.open_calls, "tasks", count, heading, heading_default, heading_level, template
    )


def teaser_tag(context, name, find_pages, listing, count, heading, heading_default, heading_level, template):
    """A list of ``count`` pages found by ``find_pages`` with a link to the listing of ``listing``."""
    count = whole_number("count", count, DEFAULT_COUNT, COUNT_RANGE)
    pages = find_pages(count, shared_restricted_paths(context))
    values = {
        **heading_values(context, f"bibnetz-{name.replace('_', '-')}", heading, heading_default, heading_level),
        "items": network.teasers(pages, context.get("request")),
        "all_url": listing_url(context, listing),
    }
    return render(context, name, template, values)


@register.simple_tag(takes_context=True)
def bibnetz_network_figures(context, heading=None, heading_level=DEFAULT_HEADING_LEVEL, template=None):
    """How many libraries, measures, calls and federal states the network has, as German-formatted figures."""
    totals = network.network_figures(shared_restricted_paths(context))
    values = {
        **heading_values(context, "bibnetz-network-figures", heading, _("The network in figures"), heading_level),
        "totals": totals,
        "figures": figure_list(totals),
    }
    return render(context, "network_figures", template, values)


@register.simple_tag(takes_context=True)
def bibnetz_account_menu(context, label=None, template=None):
    """The header's account links: join and log in for visitors; my library, admin and log out for members."""
    request = context.get("request")
    values = {
        **entry.account_links(request),
        "label": _("Network access") if label is None else label,
        "current_path": entry.current_path(request),
    }
    return render(context, "account_menu", template, values)


@register.simple_tag(takes_context=True)
def bibnetz_join_call(context, heading=None, heading_level=DEFAULT_HEADING_LEVEL, template=None):
    """„Werden Sie Teil des Netzwerks“ with a link to the join page; nothing for logged-in users."""
    request = context.get("request")
    join_url = entry.url_or_none("bibnetz:join")
    if join_url is None or (request is not None and entry.is_logged_in(request)):
        return ""
    values = {
        **heading_values(context, "bibnetz-join-call", heading, _("What are you waiting for?"), heading_level),
        "join_url": join_url,
        "login_url": entry.login_link(request),
    }
    return render(context, "join_call", template, values)


@register.simple_tag(takes_context=True)
def bibnetz_toolkit_explained(context, heading=None, heading_level=DEFAULT_HEADING_LEVEL, template=None):
    """What the toolkit is, and every toolkit result with its description and links to the listings."""
    default_heading = _("What the toolkit results mean")
    values = {
        **heading_values(context, "bibnetz-toolkit-explained", heading, default_heading, heading_level),
        "terms": toolkit.toolkit_terms(),
        "listing_urls": {kind: listing_url(context, kind) for kind in ("measures", "tasks", "libraries")},
    }
    return render(context, "toolkit_explained", template, values)


# --- figures -------------------------------------------------------------------------------------------------


def figure_list(totals):
    """One {key, value, number, label} per figure: ``number`` with thousands separators, ``label`` the noun
    in the plural form the number needs (the noun stands below the number, so it carries no placeholder)."""
    libraries, measures, calls, states = totals.libraries, totals.measures, totals.calls, totals.states
    return [
        figure("libraries", libraries, npgettext("network figures", "library", "libraries", libraries)),
        figure("measures", measures, npgettext("network figures", "measure", "measures", measures)),
        figure("calls", calls, npgettext("network figures", "task-share call", "task-share calls", calls)),
        figure("states", states, npgettext("network figures", "federal state", "federal states", states)),
    ]


def figure(key, value, label):
    return {"key": key, "value": value, "number": grouped(value), "label": label}


def grouped(value):
    """``value`` with the active language's thousands separator, whatever USE_THOUSAND_SEPARATOR says (1.234)."""
    return number_format(value, force_grouping=True)


def search_label(kind):
    labels = {
        NETWORK: _("Search the network"),
        "measures": _("Search measures"),
        "libraries": _("Search libraries"),
        "tasks": _("Search task-share calls"),
    }
    return labels[kind]


# --- arguments -----------------------------------------------------------------------------------------------


def whole_number(name, value, default, bounds):
    """``value`` as an int within ``bounds`` (inclusive); anything else gives ``default`` and a log line."""
    number = as_int(value)
    low, high = bounds
    if number is not None and low <= number <= high:
        return number
    logger.warning("bibnetz tags: %s=%r is not a whole number from %d to %d; using %d.", name, value, *bounds, default)
    return default


def as_int(value):
    """An int from an int or a string of digits; None for anything else (floats, booleans, words)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def choice_or_default(name, value, choices, default):
    if value in choices:
        return value
    logger.warning("bibnetz tags: %s=%r is not one of %s; using %r.", name, value, ", ".join(choices), default)
    return default


def heading_values(context, id_prefix, heading, default_heading, heading_level):
    """The heading's text, level (h1–h6), id, and the level of the items' own headings below it."""
    level = whole_number("heading_level", heading_level, DEFAULT_HEADING_LEVEL, HEADING_LEVEL_RANGE)
    return {
        "heading": default_heading if heading is None else heading,
        "default_heading": default_heading,
        "heading_level": level,
        "item_heading_level": min(level + 1, HEADING_LEVEL_RANGE[1]),
        "heading_id": next_id(context, id_prefix),
    }


# --- state shared by the tags of one page --------------------------------------------------------------------


def page_state(context):
    """A dict that lives as long as the page: on the request, else (no request) on this template's render."""
    request = context.get("request")
    if request is not None:
        return request.__dict__.setdefault(STATE_KEY, {})
    if STATE_KEY not in context.render_context:
        context.render_context[STATE_KEY] = {}
    return context.render_context[STATE_KEY]


def remembered(context, key, compute):
    state = page_state(context)
    if key not in state:
        state[key] = compute()
    return state[key]


def next_id(context, prefix):
    """``prefix-1``, ``prefix-2``, …: unique ids when a tag appears more than once on a page."""
    counters = remembered(context, "ids", dict)
    counters[prefix] = counters.get(prefix, 0) + 1
    return f"{prefix}-{counters[prefix]}"


def shared_restricted_paths(context):
    return remembered(context, "restricted_paths", restricted_paths)


def listing_page(context, kind):
    paths, request = shared_restricted_paths(context), context.get("request")
    return remembered(context, f"listing_page:{kind}", lambda: network.listing_page(kind, paths, request))


def listing_url(context, kind):
    page = listing_page(context, kind)
    return page.get_url(context.get("request")) if page is not None else None


# --- rendering -----------------------------------------------------------------------------------------------


def render(context, name, custom_template, values):
    """Render the tag's template (or ``custom_template``) with ``values``, linking the stylesheet once per page."""
    state = page_state(context)
    values = {**values, "request": context.get("request"), "link_stylesheet": not state.get("stylesheet_linked")}
    state["stylesheet_linked"] = True
    return chosen_template(context, name, custom_template).render(context.new(values))


def chosen_template(context, name, custom_template):
    """``custom_template`` if it exists, else ``bibnetz_wagtail/tags/<name>.html``."""
    engine = context.template.engine
    default = f"bibnetz_wagtail/tags/{name}.html"
    if custom_template:
        try:
            return engine.get_template(custom_template)
        except TemplateDoesNotExist:
            logger.warning("bibnetz tags: template %r does not exist; using %r.", custom_template, default)
    return engine.get_template(default)
