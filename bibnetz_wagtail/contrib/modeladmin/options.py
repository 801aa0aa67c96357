"""The ModelAdmin classes of the "Library network" admin menu."""

from django.contrib.admin import RelatedOnlyFieldListFilter, display
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from ...ids import parse_id
from ...models import Participation, TargetGroup, ToolkitResult, Topic
from .forms import VocabularyTermForm, term_panels
from .participations import (
    ParticipationAdminForm,
    ParticipationEditView,
    ParticipationInspectView,
    ParticipationPermissionHelper,
    visible_participations,
)
from .usage import annotate_usage
from .views import ProtectedTermDeleteView


def checked_pk(instance_pk):
    """The id from the URL, or a 404 when it cannot name a row (the database would fail on it)."""
    if parse_id(instance_pk) is None:
        raise Http404
    return instance_pk


class NetworkModelAdmin(ModelAdmin):
    """The screens of one record answer 404 for ids such as "abc" or 99999999999999999999, not a server error."""

    def inspect_view(self, request, instance_pk):
        return super().inspect_view(request, checked_pk(instance_pk))

    def edit_view(self, request, instance_pk):
        return super().edit_view(request, checked_pk(instance_pk))

    def delete_view(self, request, instance_pk):
        return super().delete_view(request, checked_pk(instance_pk))

    def history_view(self, request, instance_pk):
        """The record's log, for those who may see or change the record (modeladmin itself checks nothing here)."""
        instance = self.model._default_manager.filter(pk=checked_pk(instance_pk)).first()
        if instance is None:
            raise Http404
        helper = self.permission_helper
        if not (
            helper.user_can_inspect_obj(request.user, instance) or helper.user_can_edit_obj(request.user, instance)
        ):
            raise PermissionDenied
        return super().history_view(request, instance_pk)


class VocabularyAdmin(NetworkModelAdmin):
    """Shared behaviour of the vocabulary screens: usage counts in the list, protected deletion."""

    delete_view_class = ProtectedTermDeleteView
    list_per_page = 50

    def get_queryset(self, request):
        """All terms, each annotated with how many pages of each kind use it."""
        return annotate_usage(super().get_queryset(request))

    # The counts come from annotations (see usage.py); these methods give them a heading and make
    # the columns sortable.
    @display(description=_("Profiles"), ordering="profile_count")
    def profile_count(self, obj):
        """How many library profiles use the term."""
        return obj.profile_count

    @display(description=_("Measures"), ordering="measure_count")
    def measure_count(self, obj):
        """How many measures use the term."""
        return obj.measure_count

    @display(description=_("Calls"), ordering="task_count")
    def task_count(self, obj):
        """How many task-share calls use the term."""
        return obj.task_count


class ToolkitResultAdmin(VocabularyAdmin):
    model = ToolkitResult
    menu_label = _("Toolkit results")
    menu_icon = "tag"
    list_display = ("name", "slug", "profile_count", "measure_count", "task_count")
    search_fields = ("name", "slug", "description")
    ordering = ("name",)
    edit_handler = ObjectList(term_panels("description"), base_form_class=VocabularyTermForm)


class TopicAdmin(VocabularyAdmin):
    model = Topic
    menu_label = _("Topics")
    menu_icon = "list-ul"
    list_display = ("name", "slug", "sort_order", "measure_count", "task_count")
    search_fields = ("name", "slug", "description")
    ordering = ("sort_order", "name")
    edit_handler = ObjectList(term_panels("description", "sort_order"), base_form_class=VocabularyTermForm)


class TargetGroupAdmin(VocabularyAdmin):
    model = TargetGroup
    menu_label = _("Target groups")
    menu_icon = "group"
    list_display = ("name", "slug", "sort_order", "measure_count")
    search_fields = ("name", "slug", "description")
    ordering = ("sort_order", "name")
    edit_handler = ObjectList(term_panels("description", "sort_order"), base_form_class=VocabularyTermForm)


STATE_HELP = _("Every change of state is kept in the history and e-mailed to the library on the other side.")


class ParticipationAdmin(NetworkModelAdmin):
    """Libraries' requests to join calls: created by the website, here reviewed and moved on (see participations.py)."""

    model = Participation
    menu_label = _("Participations")
    menu_icon = "tasks"
    list_display = ("library", "task", "state", "created_at")
    # Related-only filters: a library's members are offered the calls and libraries they can see, not all.
    list_filter = (("task", RelatedOnlyFieldListFilter), "state", ("library", RelatedOnlyFieldListFilter))
    list_select_related = ("library", "task")
    search_fields = ("library__title", "task__title", "message")
    ordering = ("-created_at",)
    permission_helper_class = ParticipationPermissionHelper
    edit_view_class = ParticipationEditView
    inspect_view_class = ParticipationInspectView
    inspect_view_enabled = True
    inspect_view_fields = ("task", "library", "state", "message", "created_by", "created_at", "updated_at")
    edit_handler = ObjectList(
        [
            FieldPanel("task", read_only=True),
            FieldPanel("library", read_only=True),
            FieldPanel("message", read_only=True),
            FieldPanel("state", help_text=STATE_HELP),
        ],
        base_form_class=ParticipationAdminForm,
    )

    def get_queryset(self, request):
        """Every participation for those who look after all of them; a library's members see their own."""
        return visible_participations(super().get_queryset(request), request.user)


class LibraryNetworkAdminGroup(ModelAdminGroup):
    """The "Library network" menu: the curated vocabularies and the participations in calls."""

    menu_label = _("Library network")
    menu_icon = "site"
    menu_order = 250
    items = (ToolkitResultAdmin, TopicAdmin, TargetGroupAdmin, ParticipationAdmin)
