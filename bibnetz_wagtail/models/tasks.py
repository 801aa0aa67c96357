"""Aufgaben teilen: calls for a resource-intensive task that several libraries do together."""

from django import forms
from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList, TabbedInterface
from wagtail.models import Page

from .choices import ParticipationState, TaskKind, TaskStatus
from .content import LibraryContentPage
from .facets import BAND_FACETS, LIBRARY_TYPE, STATE, TASK_KIND, TASK_STATUS, TOOLKIT, TOPIC
from .listing import ListingIndexPage
from .listing_spec import ListingSpec, TextField
from .panels import ToolkitResultsPanel
from .taxonomy import TaggedTaskToolkitResult


class TaskShareIndexPage(ListingIndexPage):
    """ "Aufgaben teilen": the faceted listing of every live task-share call."""

    listing_kind = "tasks"
    subpage_types = []

    class Meta:
        verbose_name = _("task-share listing")
        verbose_name_plural = _("task-share listings")


class TaskSharePage(LibraryContentPage):
    """A call by one library to share a task with partner libraries."""

    task_kind = models.CharField(_("kind of task"), max_length=10, choices=TaskKind.choices, default=TaskKind.EVENT)
    topics = ParentalManyToManyField(
        "bibnetz_wagtail.Topic", verbose_name=_("topics"), blank=True, related_name="tasks"
    )
    toolkit_results = ClusterTaggableManager(
        verbose_name=_("toolkit results"), through=TaggedTaskToolkitResult, blank=True
    )
    deadline = models.DateField(_("deadline for joining"), null=True, blank=True)
    partners_wanted = models.PositiveSmallIntegerField(
        _("partners wanted"), default=2, validators=[MinValueValidator(1)]
    )
    status = models.CharField(_("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.OPEN)

    listing_spec = ListingSpec(
        kind="tasks",
        index_page="bibnetz_wagtail.TaskShareIndexPage",
        text_fields=(
            TextField("title", 4),
            TextField("summary", 2),
            TextField("body_text", document="body"),
            TextField("library__title", document="library_title"),
            TextField("library__municipality", document="municipality"),
        ),
        term_facets=(TOPIC, TOOLKIT, TASK_KIND, TASK_STATUS, STATE, LIBRARY_TYPE),
        band_facets=BAND_FACETS,
        card_defer=("body", "body_text"),
        highlight_fields=("summary", "body_text"),
    )
    search_fields = Page.search_fields + listing_spec.wagtail_search_fields()

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    classification_panels = [
        FieldPanel("task_kind"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        ToolkitResultsPanel("toolkit_results"),
    ]
    effort_panels = [
        FieldRowPanel([FieldPanel("partners_wanted"), FieldPanel("deadline")]),
        FieldPanel("status"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(classification_panels, heading=_("Classification")),
            ObjectList(effort_panels, heading=_("Effort & impact")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("task-share call")
        verbose_name_plural = _("task-share calls")


class Participation(models.Model):
    """A library's request to join a task-share call, and where it stands."""

    task = models.ForeignKey(
        TaskSharePage, verbose_name=_("call"), on_delete=models.CASCADE, related_name="participations"
    )
    library = models.ForeignKey(
        "bibnetz_wagtail.LibraryProfilePage",
        verbose_name=_("library"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    message = models.TextField(_("message"), blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=ParticipationState.choices, default=ParticipationState.REQUESTED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["task", "library"], name="bibnetz_one_participation_per_library")
        ]

    def __str__(self):
        return f"{self.library} → {self.task}"


class ParticipationEvent(models.Model):
    """One state change of a participation, kept with who made it and when."""

    participation = models.ForeignKey(Participation, on_delete=models.CASCADE, related_name="events")
    state = models.CharField(_("state"), max_length=12, choices=ParticipationState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("participation change")
        verbose_name_plural = _("participation changes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.participation}: {self.get_state_display()}"
