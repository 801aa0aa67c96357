"""``manage.py bibnetz_sync_index``: send pending index changes; with ``--check`` also find and repair drift."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from ...models import IndexChange
from ...search.documents import KINDS
from ...search.outbox import enqueue_now
from ..client import require_elasticsearch_client


class Command(BaseCommand):
    help = (
        "Send the index changes waiting in the outbox. With --check, compare every index with the database "
        "(ids and content) and repair what differs, e.g. after QuerySet.update() or a cascade delete."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Also compare the indices with the database.")
        parser.add_argument("--no-progress", action="store_true", help="Do not show progress bars.")

    def handle(self, *args, **options):
        require_elasticsearch_client()
        from elasticsearch import ApiError, TransportError

        from ...search.cluster import get_client
        from ...search.indexing import send_pending

        client = get_client()
        try:
            if options["check"]:
                self.repair_drift(client)
            pending = IndexChange.objects.count()
            with tqdm(total=pending, unit="doc", disable=options["no_progress"], file=self.stderr) as bar:
                sent = send_pending(client, progress=bar)
        except (TransportError, ApiError) as error:
            raise CommandError(
                _("Elasticsearch cannot be reached: %(error)s. The changes stay in the outbox.") % {"error": error}
            ) from error
        self.stdout.write(
            ngettext("%(count)d index change sent.", "%(count)d index changes sent.", sent) % {"count": sent}
        )

    def repair_drift(self, client):
        from ...search.indexing import find_drift

        for kind in KINDS:
            drift = find_drift(kind, client)
            self.stdout.write(
                _("%(kind)s: %(missing)d missing, %(surplus)d surplus, %(stale)d outdated documents.")
                % {"kind": kind, **{key: len(ids) for key, ids in drift.items()}}
            )
            enqueue_now((kind, pk) for ids in drift.values() for pk in ids)
