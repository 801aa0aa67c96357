"""``manage.py bibnetz_reindex``: rebuild the full-text rows and, on an Elasticsearch site, the indices."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from ...search.documents import KINDS, visible_source
from ...search.engines import keeps_index
from ...search.text_index import rebuild_text
from ..client import require_elasticsearch_client


class Command(BaseCommand):
    help = (
        "Rebuild the listings' full-text rows in the database and, on a site that searches with Elasticsearch, "
        "its indices (each alias moves to the new index in one step, without downtime)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=KINDS, action="append", help="Only this listing (repeatable).")
        parser.add_argument("--no-progress", action="store_true", help="Do not show progress bars.")
        parser.add_argument("--skip-text", action="store_true", help="Leave the database's full-text rows as they are.")

    def handle(self, *args, **options):
        kinds = options["kind"] or KINDS
        if keeps_index():
            require_elasticsearch_client()
        if not options["skip_text"]:
            for kind in kinds:
                with self.progress(kind, _("text"), visible_source(kind).count(), options) as bar:
                    rebuild_text(kind, progress=bar)
        if keeps_index():
            self.rebuild_indices(kinds, options)

    def progress(self, kind, what, total, options):
        return tqdm(total=total, desc=f"{kind} ({what})", unit="doc", disable=options["no_progress"], file=self.stderr)

    def rebuild_indices(self, kinds, options):
        from elasticsearch import ApiError, TransportError

        from ...search.cluster import get_client
        from ...search.indexing import rebuild, send_pending

        client = get_client()
        try:
            for kind in kinds:
                total = visible_source(kind).count()
                with self.progress(kind, "Elasticsearch", total, options) as bar:
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
