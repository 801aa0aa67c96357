"""What "Meine Bibliothek" shows for each library a user belongs to: pages, calls, participations, team."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse

from ...models import MeasurePage, Membership, Participation, ParticipationState, TaskSharePage
from ...operations.team import open_invitations
from .forms import InviteForm


@dataclass
class LibraryOverview:
    """One library as its team sees it; ``invite_form`` and the team actions only for administrators."""

    membership: Membership
    library: object
    edit_url: str
    public_url: str | None
    add_measure_url: str
    add_task_url: str
    measures: list
    tasks: list
    participations: list
    invitations: list
    members: list
    invite_form: InviteForm | None = None

    @property
    def is_admin(self):
        return self.membership.is_admin


def library_overviews(request, invite_forms=None):
    """One overview per library of ``request.user``, by title; ``invite_forms`` maps library ids to bound forms."""
    invite_forms = invite_forms or {}
    memberships = (
        Membership.objects.filter(user=request.user).select_related("library").order_by("library__title", "pk")
    )
    return [overview(request, membership, invite_forms.get(membership.library_id)) for membership in memberships]


def overview(request, membership, invite_form=None):
    library = membership.library
    is_admin = membership.is_admin
    if is_admin and invite_form is None:
        invite_form = InviteForm(library=library, auto_id=f"id_invite_{library.pk}_%s")
    return LibraryOverview(
        membership=membership,
        library=library,
        edit_url=reverse("wagtailadmin_pages:edit", args=[library.pk]),
        public_url=library.get_url(request) if library.live else None,
        add_measure_url=reverse("wagtailadmin_pages:add", args=["bibnetz_wagtail", "measurepage", library.pk]),
        add_task_url=reverse("wagtailadmin_pages:add", args=["bibnetz_wagtail", "tasksharepage", library.pk]),
        measures=list(MeasurePage.objects.child_of(library).order_by("-latest_revision_created_at", "-pk")),
        tasks=list(own_calls(library)),
        participations=list(
            Participation.objects.filter(library=library)
            .exclude(task__library=library)
            .select_related("task", "task__library")
            .order_by("-created_at", "-pk")
        ),
        invitations=list(open_invitations(library).order_by("expires_at", "pk")),
        members=list(
            Membership.objects.filter(library=library).select_related("user").order_by("role", "user__email", "pk")
        ),
        invite_form=invite_form if is_admin else None,
    )


def own_calls(library):
    """The library's calls, drafts included, with how many libraries asked to join and were accepted."""
    return (
        TaskSharePage.objects.child_of(library)
        .annotate(
            requested_count=Count("participations", filter=Q(participations__state=ParticipationState.REQUESTED)),
            accepted_count=Count("participations", filter=Q(participations__state=ParticipationState.ACCEPTED)),
        )
        .order_by("-latest_revision_created_at", "-pk")
    )
