"""``manage.py bibnetz_reindex``: rebuild the search indices and swap each alias in one atomic step."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from ...search.documents import KINDS, visible_source
from ..client import require_elasticsearch_client


class Command(BaseCommand):
    help = "Rebuild the Elasticsearch indices of the listings from the database, without downtime."

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=KINDS, action="append", help="Only this listing (repeatable).")
        parser.add_argument("--no-progress", action="store_true", help="Do not show progress bars.")

    def handle(self, *args, **options):
        require_elasticsearch_client()
        from elasticsearch import ApiError, TransportError

        from ...search.cluster import get_client
        from ...search.indexing import rebuild, send_pending

        client = get_client()
        try:
            for kind in options["kind"] or KINDS:
                total = visible_source(kind).count()
                with tqdm(total=total, desc=kind, unit="doc", disable=options["no_progress"], file=self.stderr) as bar:
                    index = rebuild(kind, client, progress=bar)
                message = ngettext(
                    "%(kind)s: %(count)d document in %(index)s.", "%(kind)s: %(count)d documents in %(index)s.", total
                )
                self.stdout.write(message % {"kind": kind, "count": total, "index": index})
            # Changes recorded while the rebuild ran are in the outbox; send them to the new indices.
            send_pending(client)
        except (TransportError, ApiError) as error:
            raise CommandError(
                _("Elasticsearch cannot be reached or refused the rebuild: %(error)s") % {"error": error}
            ) from error
