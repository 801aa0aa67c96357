"""What a call's page shows about taking part: partners found, the participants (members only) and the join form."""

from dataclasses import dataclass

from django.urls import reverse

from ...models import LibraryProfilePage
from ...operations import participation as operations
from ...permissions import is_member
from .forms import ParticipationRequestForm
from .views import login_redirect


@dataclass
class Row:
    """One participation as a visitor may see it, with the steps the visitor may take."""

    participation: object
    show_message: bool
    can_accept: bool
    can_decline: bool
    can_withdraw: bool
    #: The participating library's profile, when it is live.
    profile_url: str | None = None

    @property
    def urls(self):
        pk = self.participation.pk
        actions = ("accept", "decline", "withdraw")
        return {action: reverse(f"bibnetz:participation_{action}", args=[pk]) for action in actions}


def panel_context(task, request, messages=None):
    """Template context of ``participation/panel.html`` for ``task`` as seen by the request's user."""
    user = getattr(request, "user", None)
    accepted = operations.accepted_count(task)
    join_refusal = operations.join_refusal(task)
    context = {
        "task": task,
        "messages": messages,
        "partners_wanted": task.partners_wanted,
        "partners_found": accepted,
        "partners_still_wanted": max(0, task.partners_wanted - accepted),
        "join_refusal": join_refusal,
        "is_member": is_member(user),
        "rows": [],
        "form": None,
        "login_url": None,
    }
    if request is None:
        return context
    if not context["is_member"]:
        if user is None or not user.is_authenticated:
            context["login_url"] = login_redirect(request, f"{request.path}#bibnetz-participation").url
        return context
    own = operations.library_ids_of(user)
    context["rows"] = rows(task, user, own, accept_refusal=operations.accept_refusal(task), request=request)
    if join_refusal is None:
        context["form"] = participation_request_form(task, own)
        context["join_url"] = reverse("bibnetz:participation_join", args=[task.pk])
    return context


def rows(task, user, own, accept_refusal, request=None):
    """The participations a member may see: all for the call's library, else the active ones and their own."""
    is_host = task.library_id in own
    sees_all = is_host or operations.acts_for_network(user)
    visible = []
    for participation in task.participations.select_related("library").order_by("created_at", "pk"):
        mine = participation.library_id in own
        state = participation.state
        if not (sees_all or mine or state in (operations.REQUESTED, operations.ACCEPTED)):
            continue
        visible.append(
            Row(
                participation=participation,
                show_message=sees_all or mine,
                can_accept=is_host and state == operations.REQUESTED and accept_refusal is None,
                can_decline=is_host and state == operations.REQUESTED,
                can_withdraw=mine and state in (operations.REQUESTED, operations.ACCEPTED),
                profile_url=profile_url(participation.library, request),
            )
        )
    return visible


def profile_url(library, request):
    """The URL of a live profile (the request caches the site roots, so this costs no query); None otherwise."""
    return library.get_url(request) if library.live else None


def participation_request_form(task, own):
    """The join form for the user's published libraries that have not asked yet, or None if there are none."""
    taken = task.participations.exclude(state=operations.WITHDRAWN).values_list("library_id", flat=True)
    libraries = (
        LibraryProfilePage.objects.live().filter(pk__in=own - {task.library_id}).exclude(pk__in=taken).order_by("title")
    )
    return ParticipationRequestForm(libraries=libraries) if libraries else None
