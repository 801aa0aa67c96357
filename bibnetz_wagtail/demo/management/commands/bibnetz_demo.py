"""``manage.py bibnetz_demo``: fill the site with deterministic German demo content at any scale."""

import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from tqdm import tqdm

from ....search.outbox import indexing_enabled
from ...loader import load_demo, reset_demo
from ...participants import add_participants
from ...users import DEFAULT_PASSWORD, MODERATOR_EMAIL, ensure_demo_users, library_email


class Command(BaseCommand):
    help = _(
        "Create demo libraries, measures and task-share calls below /bibliotheken/, /massnahmen/ and "
        "/aufgaben-teilen/. Running it again adds only what is missing; --reset starts from scratch."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # argparse needs a real string: a lazy one makes ``manage.py help bibnetz_demo`` fail.
        self.help = str(self.help)
        return super().create_parser(prog_name, subcommand, **kwargs)

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
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help=_("Allow --reset while DEBUG is off; on a live site it deletes the libraries' real content."),
        )
        parser.add_argument(
            "--users",
            type=non_negative,
            default=0,
            help=_(
                "Give the first N libraries an administrator account each (bibliothek1@example.org, …) and "
                "create the moderator moderation@example.org."
            ),
        )
        parser.add_argument(
            "--password", default=DEFAULT_PASSWORD, help=_("Password of the demo accounts (default: %(default)s).")
        )
        parser.add_argument("--no-progress", action="store_true", help=_("Do not show progress bars."))

    def handle(self, *args, **options):
        check_options(options)
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
        if options["users"]:
            self._users(options["users"], options["password"])
        # After the accounts, so that the libraries' first members appear as the actors of each change.
        add_participants(options["seed"])
        self._report(stats, time.monotonic() - started)
        if indexing_enabled():
            # The bulk load bypasses the save signals, so the search index is rebuilt from the database (the
            # loader wrote the full-text rows itself).
            call_command(
                "bibnetz_reindex", no_progress=options["no_progress"], skip_text=True, stdout=self.stdout, stderr=stream
            )

    def _users(self, count, password):
        stats = ensure_demo_users(count, password)
        if stats.libraries:
            message = ngettext(
                "Demo accounts: %(first)s (administrator of the first library) and the moderator %(moderator)s, "
                "both with the password given by --password.",
                "Demo accounts: %(first)s to %(last)s (administrators of the first %(count)d libraries) and the "
                "moderator %(moderator)s, all with the password given by --password.",
                stats.libraries,
            )
        else:
            message = _("Demo account: the moderator %(moderator)s, with the password given by --password.")
        values = {
            "first": library_email(1),
            "last": library_email(stats.libraries),
            "count": stats.libraries,
            "moderator": MODERATOR_EMAIL,
        }
        self.stdout.write(str(message) % values)

    def _report(self, stats, seconds):
        if stats.foreign_content:
            unknown = stats.libraries_before - stats.libraries_recognised
            warning = ngettext(
                "%(count)d library profile was already there that this run does not know (another seed, "
                "other sizes or another version of the demo). Use --reset to replace it.",
                "%(count)d library profiles were already there that this run does not know (another seed, "
                "other sizes or another version of the demo). Use --reset to replace them.",
                unknown,
            )
            self.stderr.write(self.style.WARNING(str(warning) % {"count": unknown}))
        message = _("Created %(libraries)d libraries, %(measures)d measures and %(tasks)d calls in %(seconds).1f s.")
        counts = {"libraries": stats.libraries, "measures": stats.measures, "tasks": stats.tasks, "seconds": seconds}
        self.stdout.write(self.style.SUCCESS(str(message) % counts))


def check_options(options):
    """Refuse an empty password, and a reset where DEBUG is off unless --allow-production says it is meant."""
    if options["users"] and not options["password"]:
        raise CommandError(_("The password of the demo accounts must not be empty."))
    # DEBUG is the one sign of a development site that every host has; a reset of a live site cannot be undone.
    if options["reset"] and not settings.DEBUG and not options["allow_production"]:
        raise CommandError(
            _(
                "--reset deletes every library, measure and call of the site, and DEBUG is off, so this may be a "
                "live site. Add --allow-production if you really mean to reset it."
            )
        )


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
