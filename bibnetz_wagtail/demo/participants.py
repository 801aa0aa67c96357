"""Demo participations: about half of the demo calls get partner libraries, each with a dated history.

What happens to a request follows the call: open calls have requests still waiting, calls in progress or
finished have their partners, and now and then a request was declined or withdrawn. Each call draws from a
random stream of its own (seeded by the call's path), so the result does not depend on which other calls
exist. Actors are the libraries' first members when there are any when this runs, else unknown.
"""

import random
from datetime import timedelta

from django.utils import timezone

from ..models import (
    LibraryProfilePage,
    Membership,
    Participation,
    ParticipationEvent,
    ParticipationState,
    TaskSharePage,
)

#: Share of calls that get participants, and the most libraries that ask to join one call.
SHARE = 0.5
MOST_GUESTS = 4
BATCH = 500

REQUESTED = ParticipationState.REQUESTED
ACCEPTED = ParticipationState.ACCEPTED
DECLINED = ParticipationState.DECLINED
WITHDRAWN = ParticipationState.WITHDRAWN

MESSAGES = [
    "Wir sind dabei! Wir haben im letzten Jahr etwas Ähnliches gemacht und bringen die Erfahrung gern mit.",
    "Das Thema passt gut zu uns. Wir könnten die Öffentlichkeitsarbeit übernehmen.",
    "Wir hätten Interesse und könnten eine Kollegin für etwa zwei Stunden pro Woche einbringen.",
    "Bei uns fragen Leserinnen und Leser genau danach – wir würden gern mitplanen.",
    "Wir sind ein kleines Team, aber Räume und Technik können wir beisteuern.",
    "Gern machen wir mit. Ansprechpartnerin bei uns ist die Leitung der Kinder- und Jugendbibliothek.",
]
DECLINE_NOTES = [
    "Wir haben schon genug Partnerbibliotheken aus der Region.",
    "Leider passt der Zeitplan nicht zusammen.",
    "",
]
WITHDRAW_NOTES = ["Uns fehlt leider kurzfristig das Personal.", "Der Gemeinderat hat die Mittel gestrichen.", ""]


def add_participants(seed=42):
    """Give about half of the demo calls partner libraries with a history; calls that have some are left alone."""
    libraries = list(LibraryProfilePage.objects.order_by("path").values_list("pk", flat=True))
    actors = {}
    for library_id, user_id in Membership.objects.order_by("pk").values_list("library_id", "user_id"):
        actors.setdefault(library_id, user_id)
    end = timezone.now().replace(minute=0, second=0, microsecond=0)
    calls = (
        TaskSharePage.objects.filter(participations__isnull=True, library__isnull=False)
        .order_by("path")
        .values_list("path", "library_id", "partners_wanted", "status", "first_published_at", "pk")
    )
    plans = []
    for path, host, wanted, status, published, pk in calls.iterator():
        rng = random.Random(f"{seed}:participants:{path}")
        if rng.random() >= SHARE or len(libraries) < 2:
            continue
        guests = rng.sample([library for library in libraries if library != host], min(MOST_GUESTS, len(libraries) - 1))
        guests = guests[: rng.randint(1, len(guests))]
        plans.extend(_plan(rng, pk, host, wanted, status, published or end, end, guests))
    return _write(plans, actors)


def _plan(rng, task_id, host, wanted, status, published, end, guests):
    """(task, host, guest, message, [(state, side, when, note), …]) for each guest of one call."""
    accepted = 0
    start = min(published, end - timedelta(hours=1))
    for guest in guests:
        asked = start + (end - start) * rng.uniform(0.05, 0.4)
        decided = asked + (end - asked) * rng.uniform(0.1, 0.5)
        later = decided + (end - decided) * rng.uniform(0.1, 0.5)
        steps = [(REQUESTED, "guest", asked, "")]
        roll = rng.random()
        if status == "open" and roll < 0.35:
            pass  # still waiting for an answer
        elif roll < 0.1 or accepted >= wanted:
            steps.append((DECLINED, "host", decided, rng.choice(DECLINE_NOTES)))
        else:
            steps.append((ACCEPTED, "host", decided, ""))
            accepted += 1
            if rng.random() < 0.1:
                steps.append((WITHDRAWN, "guest", later, rng.choice(WITHDRAW_NOTES)))
                accepted -= 1
        yield task_id, host, guest, rng.choice(MESSAGES), steps


def _write(plans, actors):
    """Bulk-insert the participations and their events with their real dates; return how many were made."""
    participations = [
        Participation(
            task_id=task, library_id=guest, message=message, state=steps[-1][0], created_by_id=actors.get(guest)
        )
        for task, host, guest, message, steps in plans
    ]
    Participation.objects.bulk_create(participations, batch_size=BATCH)
    events, dates = [], []
    for participation, (_task, host, guest, message, steps) in zip(participations, plans):
        participation.created_at, participation.updated_at = steps[0][2], steps[-1][2]
        for state, side, when, note in steps:
            actor = actors.get(guest if side == "guest" else host)
            note = message if state == REQUESTED else note
            events.append(ParticipationEvent(participation=participation, state=state, actor_id=actor, note=note))
            dates.append(when)
    ParticipationEvent.objects.bulk_create(events, batch_size=BATCH)
    # auto_now_add stamps the load time on insert, so the real dates are written afterwards.
    for event, when in zip(events, dates):
        event.created_at = when
    Participation.objects.bulk_update(participations, ["created_at", "updated_at"], batch_size=BATCH)
    ParticipationEvent.objects.bulk_update(events, ["created_at"], batch_size=BATCH)
    return len(participations)
