"""What the index commands need before they import the optional Elasticsearch client."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from ..search.optional import INSTALL_HINT, elasticsearch_installed


def require_elasticsearch_client():
    """Stop the command with one clear sentence when the ``elasticsearch`` extra is not installed."""
    if not elasticsearch_installed():
        raise CommandError(
            _("The Elasticsearch client is not installed. Install it with: %(command)s") % {"command": INSTALL_HINT}
        )
