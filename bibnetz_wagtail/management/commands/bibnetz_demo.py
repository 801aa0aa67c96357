"""``manage.py bibnetz_demo``: fill the site with deterministic German demo content at any scale."""

import sys
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext_lazy as _
from tqdm import tqdm

from ...demo.loader import load_demo, reset_demo
from ...search.indexing import indexing_enabled


class Command(BaseCommand):
    help = _(
        "Create demo libraries, measures and task-share calls below /bibliotheken/, /massnahmen/ and "
        "/aufgaben-teilen/. Running it again adds only what is missing; --reset starts from scratch."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed", type=int, default=42, help=_("Random seed; the same seed gives the same content.")
        )
        parser.add_argument("--libraries", type=non_negative, default=120, help=_("Number of library profiles."))
        parser.add_argument("--measures", type=non_negative, default=600, help=_("Number of measures."))
        parser.add_argument("--tasks", type=non_negative, default=120, help=_("Number of task-share calls."))
        parser.add_argument(
            "--reset",
            action="store_true",
            help=_("Delete the package's pages and vocabularies first (also content not made by this command)."),
        )
        parser.add_argument("--no-progress", action="store_true", help=_("Do not show progress bars."))

    def handle(self, *args, **options):
        started = time.monotonic()
        if options["reset"]:
            self.stdout.write(str(_("Deleting the existing content …")))
            reset_demo()
        stream = options.get("stderr") or sys.stderr
        stats = load_demo(
            seed=options["seed"],
            libraries=options["libraries"],
            measures=options["measures"],
            tasks=options["tasks"],
            progress=_progress_bars(stream, disabled=options["no_progress"]),
        )
        self._report(stats, time.monotonic() - started)
        if indexing_enabled():
            # The bulk load bypasses the save signals, so the search index is rebuilt from the database.
            call_command("bibnetz_reindex", no_progress=options["no_progress"], stdout=self.stdout, stderr=stream)

    def _report(self, stats, seconds):
        if stats.foreign_content:
            warning = _(
                "%(count)d library profiles were already there that this run does not know (another seed, "
                "other sizes or another version of the demo). Use --reset to replace them."
            )
            unknown = stats.libraries_before - stats.libraries_recognised
            self.stderr.write(self.style.WARNING(str(warning) % {"count": unknown}))
        message = _("Created %(libraries)d libraries, %(measures)d measures and %(tasks)d calls in %(seconds).1f s.")
        counts = {"libraries": stats.libraries, "measures": stats.measures, "tasks": stats.tasks, "seconds": seconds}
        self.stdout.write(self.style.SUCCESS(str(message) % counts))


def _progress_bars(stream, disabled):
    def progress(**kwargs):
        return tqdm(file=stream, disable=disabled, unit="", dynamic_ncols=True, **kwargs)

    return progress


def non_negative(value):
    """An argparse type: a whole number that is zero or more."""
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number
