"""The life of a participation: who may move it where, how many partners a call still wants, and its history.

The operations here (``join``, ``accept``, ``decline``, ``withdraw``, ``change_state``) change the state and
record it; they send no e-mail. Their callers tell the library on the other side once they return.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import (
    LibraryProfilePage,
    Membership,
    Participation,
    ParticipationEvent,
    ParticipationState,
    TaskSharePage,
    TaskStatus,
)
from .errors import InvalidState, NotAllowed, OperationError

REQUESTED = ParticipationState.REQUESTED
ACCEPTED = ParticipationState.ACCEPTED
DECLINED = ParticipationState.DECLINED
WITHDRAWN = ParticipationState.WITHDRAWN

#: Target state → the states it may be reached from. A library that withdrew may ask again; a decline is final.
TRANSITIONS = {
    ACCEPTED: {REQUESTED},
    DECLINED: {REQUESTED},
    WITHDRAWN: {REQUESTED, ACCEPTED},
    REQUESTED: {WITHDRAWN},
}
#: Who takes each step: the library that published the call ("host") or the library that asked ("guest").
HOST, GUEST = "host", "guest"
SIDES = {ACCEPTED: HOST, DECLINED: HOST, WITHDRAWN: GUEST, REQUESTED: GUEST}
#: Statuses of a call in which it still takes partners on; joining needs an open call.
ACCEPTING_STATUSES = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)


def library_ids_of(user):
    """Ids of the libraries ``user`` is a member of."""
    if not (user and user.is_authenticated and user.is_active):
        return set()
    return set(Membership.objects.filter(user=user).values_list("library_id", flat=True))


def acts_for_network(user):
    """Whether ``user`` looks after every participation (superusers, or whoever holds the model permission)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.has_perm("bibnetz_wagtail.change_participation")


def accepted_count(task):
    """How many libraries the call has accepted."""
    return task.participations.filter(state=ACCEPTED).count()


def partners_still_wanted(task):
    """Partners the call still wants: ``partners_wanted`` minus the accepted libraries, never below zero."""
    return max(0, task.partners_wanted - accepted_count(task))


def join_refusal(task):
    """Why the call takes no new requests right now, or None when it does."""
    if task.status != TaskStatus.OPEN:
        return _("This call is no longer open: its status is “%(status)s”.") % {"status": task.get_status_display()}
    if task.deadline and task.deadline < timezone.localdate():
        return _("The deadline for joining this call has passed.")
    if partners_still_wanted(task) == 0:
        return _("This call has found all the partners it wanted.")
    return None


def suspension_refusal(task, library=None):
    """Why nothing new may start between ``task`` and ``library`` while either library is suspended, or None."""
    if LibraryProfilePage.objects.filter(pk=task.library_id, suspended_at__isnull=False).exists():
        return _("The library of this call is suspended from the network: the call takes no requests.")
    if library is not None and library.suspended_at is not None:
        refusal = _("“%(library)s” is suspended from the network and cannot take part in calls.")
        return refusal % {"library": library.title}
    return None


def suspended_call_refusal(task_id):
    """The refusal for a call whose library is suspended (its page is offline then), or None."""
    task = TaskSharePage.objects.filter(pk=task_id).only("pk", "library_id").first()
    return suspension_refusal(task) if task is not None else None


def accept_refusal(task):
    """Why the call cannot accept one more partner right now, or None when it can."""
    if task.status not in ACCEPTING_STATUSES:
        return _("This call is “%(status)s” and takes no more partners.") % {"status": task.get_status_display()}
    if partners_still_wanted(task) == 0:
        return _("This call has found all the partners it wanted.")
    return None


def sides_of(user, participation):
    """The sides ("host", "guest") on which ``user`` may act for ``participation``."""
    libraries = library_ids_of(user)
    sides = set()
    if participation.task.library_id in libraries:
        sides.add(HOST)
    if participation.library_id in libraries:
        sides.add(GUEST)
    return sides


def check_step(participation, state, user, network=False):
    """Raise ``OperationError`` unless ``user`` may move ``participation`` to ``state`` now."""
    if state not in TRANSITIONS:
        raise InvalidState(_("This is not a state a request can be moved to."))
    if not network and SIDES[state] not in sides_of(user, participation):
        if SIDES[state] == HOST:
            raise NotAllowed(_("Only members of the library that published the call can accept or decline requests."))
        raise NotAllowed(_("Only members of the library that asked to join can withdraw or renew its request."))
    if participation.state == state:
        raise InvalidState(_("This request is already “%(state)s”.") % {"state": participation.get_state_display()})
    if participation.state not in TRANSITIONS[state]:
        raise InvalidState(
            _("This request is “%(current)s” and cannot be changed to “%(target)s”.")
            % {"current": participation.get_state_display(), "target": ParticipationState(state).label}
        )
    capacity_check = {ACCEPTED: accept_refusal, REQUESTED: join_refusal}.get(state)
    refusal = capacity_check(participation.task) if capacity_check else None
    if capacity_check and not refusal:
        refusal = suspension_refusal(participation.task, participation.library)
    if refusal:
        raise InvalidState(refusal)


def allowed_states(participation, user, network=False):
    """The states ``user`` may move ``participation`` to now (for the admin's choice list)."""
    allowed = []
    for state in TRANSITIONS:
        try:
            check_step(participation, state, user, network)
        except OperationError:
            continue
        allowed.append(state)
    return allowed


def record(participation, state, actor, note=""):
    """Set the state and keep the change in the history."""
    participation.state = state
    participation.save(update_fields=["state", "updated_at"])
    return ParticipationEvent.objects.create(participation=participation, state=state, actor=actor, note=note)


def _locked(participation_pk):
    # The call row is locked first, so that two acceptances for the last place cannot both pass the check.
    task_id = Participation.objects.filter(pk=participation_pk).values_list("task_id", flat=True).first()
    list(TaskSharePage.objects.select_for_update().filter(pk=task_id).values_list("pk", flat=True))
    current = Participation.objects.select_for_update().select_related("task", "library").filter(pk=participation_pk)
    if task_id is None or not current:
        raise InvalidState(_("This request no longer exists."))
    return current[0]


def change_state(participation, state, user, note="", network=False):
    """Move ``participation`` to ``state`` on behalf of ``user`` and record it; return the participation."""
    with transaction.atomic():
        current = _locked(participation.pk)
        check_step(current, state, user, network)
        record(current, state, user, note)
    return current


def joining_libraries(user, task):
    """The user's published libraries that could ask to join ``task``; refuses users without one."""
    library_ids = library_ids_of(user)
    if not library_ids:
        raise NotAllowed(_("Only members of a library in the network can join calls."))
    libraries = LibraryProfilePage.objects.live().filter(pk__in=library_ids - {task.library_id}).order_by("title")
    if not libraries:
        if task.library_id in library_ids:
            raise NotAllowed(_("A library cannot join its own call."))
        if LibraryProfilePage.objects.filter(pk__in=library_ids, suspended_at__isnull=False).exists():
            raise NotAllowed(_("Your library is suspended from the network and cannot join calls."))
        raise NotAllowed(_("Only libraries with a published profile can join calls."))
    return libraries


def is_repeat(participation, user, message):
    """Whether ``user`` sent this very request already (a form submitted twice): it then counts once."""
    if participation is None or participation.state != REQUESTED or participation.message != message:
        return False
    last = participation.events.filter(state=REQUESTED).order_by("-created_at", "-pk").first()
    return last is not None and last.actor_id == user.pk


def join(task, library, user, message=""):
    """``library`` asks to join ``task`` (a new request, or again after it withdrew); return the participation.

    None when ``user`` sent this very request already: nothing changed, and nobody needs to be told again.
    """
    if library.pk not in library_ids_of(user):
        raise NotAllowed(_("You can only ask to join on behalf of a library you are a member of."))
    if library.pk == task.library_id:
        raise NotAllowed(_("A library cannot join its own call."))
    refusal = suspension_refusal(task, library)
    if refusal:
        raise NotAllowed(refusal)
    if not library.live:
        raise NotAllowed(_("Only libraries with a published profile can join calls."))
    with transaction.atomic():
        task = TaskSharePage.objects.select_for_update().get(pk=task.pk)
        existing = Participation.objects.select_for_update().filter(task=task, library=library).first()
        if is_repeat(existing, user, message):
            return None
        if existing is not None and existing.state != WITHDRAWN:
            if existing.state == DECLINED:
                raise InvalidState(_("The call’s library has declined your library’s request; it cannot be repeated."))
            raise InvalidState(_("Your library has already asked to join this call."))
        refusal = join_refusal(task)
        if refusal:
            raise InvalidState(refusal)
        if existing is None:
            existing = Participation.objects.create(task=task, library=library, message=message, created_by=user)
            ParticipationEvent.objects.create(participation=existing, state=REQUESTED, actor=user, note=message)
        else:
            existing.message = message
            existing.save(update_fields=["message", "updated_at"])
            record(existing, REQUESTED, user, message)
    existing.task = task
    return existing


def accept(participation, user, note=""):
    """The call's library accepts a request."""
    return change_state(participation, ACCEPTED, user, note)


def decline(participation, user, note=""):
    """The call's library declines a request."""
    return change_state(participation, DECLINED, user, note)


def withdraw(participation, user, note=""):
    """The requesting library withdraws its request or its participation."""
    return change_state(participation, WITHDRAWN, user, note)
