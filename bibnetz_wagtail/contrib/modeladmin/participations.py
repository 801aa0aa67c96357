"""The participations screen: each library sees its own calls and requests, every state change goes into the history.

Users with the model permissions (superusers, or a group the site gives them to) look after every
participation and may take any step the state machine allows. Members of a library see the requests for
their library's calls, which they accept or decline, and their library's own requests, which they may
withdraw. Nobody can create participations here, and only the model permission allows deleting them.
"""

from django import forms
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail_modeladmin.views import EditView, InspectView

from ...models import Participation
from ...operations import participation as operations
from ...operations.errors import OperationError
from ...web.participation.notify import notify_change
from .helpers import NoCreatePermissionHelper


def involved(user, participation):
    """Whether ``user`` is a member of the call's library or of the requesting library."""
    return bool(operations.sides_of(user, participation))


class ParticipationPermissionHelper(NoCreatePermissionHelper):
    """The model permissions, plus access for the members of the two libraries a participation concerns."""

    def user_can_list(self, user):
        return super().user_can_list(user) or bool(operations.library_ids_of(user))

    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) or (self.inspect_view_enabled and involved(user, obj))

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) or involved(user, obj)


def visible_participations(queryset, user):
    """All participations for users with the model permissions, else those of the user's libraries."""
    if user.has_perm("bibnetz_wagtail.view_participation") or operations.acts_for_network(user):
        return queryset
    libraries = operations.library_ids_of(user)
    return queryset.filter(Q(task__library_id__in=libraries) | Q(library_id__in=libraries))


class ParticipationAdminForm(WagtailAdminModelForm):
    """Offers only the states the user may move the participation to now, and checks the step again on saving."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("state")
        if field is None or self.instance.pk is None:
            return
        network = operations.acts_for_network(self.for_user)
        reachable = operations.allowed_states(self.instance, self.for_user, network=network)
        current = self.instance.state
        field.choices = [(value, label) for value, label in field.choices if value == current or value in reachable]

    def clean_state(self):
        state = self.cleaned_data["state"]
        if self.instance.pk is not None:
            original = Participation.objects.select_related("task", "library").filter(pk=self.instance.pk).first()
            if original is None:
                raise forms.ValidationError(_("This request no longer exists."))
            if state != original.state:
                try:
                    network = operations.acts_for_network(self.for_user)
                    operations.check_step(original, state, self.for_user, network=network)
                except OperationError as error:
                    raise forms.ValidationError(error.message) from None
        return state


class ParticipationEditView(EditView):
    """Saves a new state through the state machine, so that it is recorded with its actor and both sides hear of it."""

    def form_valid(self, form):
        user = self.request.user
        state = form.cleaned_data["state"]
        if state != form.initial.get("state"):
            try:
                changed = operations.change_state(self.instance, state, user, network=operations.acts_for_network(user))
            except OperationError as error:
                form.add_error("state", error.message)
                return self.form_invalid(form)
            notify_change(changed)
        return super().form_valid(form)


class ParticipationInspectView(InspectView):
    """The participation's fields, followed by its history: every state with when and by whom."""

    def get_fields_dict(self):
        return [*super().get_fields_dict(), {"label": _("History"), "value": history_html(self.instance)}]


def actor_name(user):
    """How the history names who made a change."""
    if user is None:
        return _("unknown")
    return user.get_full_name() or user.get_username()


def history_html(participation):
    """The participation's changes as an HTML list, oldest first."""
    rows = (
        (
            formats.date_format(timezone.localtime(event.created_at), "SHORT_DATETIME_FORMAT"),
            event.get_state_display(),
            actor_name(event.actor),
            event.note,
        )
        for event in participation.events.select_related("actor")
    )
    items = format_html_join("", "<li>{}: {} ({}) {}</li>", rows)
    return format_html("<ul>{}</ul>", items)
