"""Maßnahmen: measures a library carried out successfully, so that others can copy them."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList, TabbedInterface
from wagtail.models import Page

from .choices import CostBand, MeasureStatus, StaffEffort
from .content import LibraryContentPage
from .facets import BAND_FACETS, COST, EFFORT, LIBRARY_TYPE, MEASURE_STATUS, STATE, TARGET_GROUP, TOOLKIT, TOPIC
from .listing import ListingIndexPage
from .listing_spec import ListingSpec, TextField
from .panels import ToolkitResultsPanel
from .taxonomy import TaggedMeasureToolkitResult


class MeasureIndexPage(ListingIndexPage):
    """ "Maßnahmen": the faceted listing of every live measure of the network."""

    listing_kind = "measures"
    subpage_types = []

    class Meta:
        verbose_name = _("measure listing")
        verbose_name_plural = _("measure listings")


class MeasurePage(LibraryContentPage):
    """A measure (Maßnahme) of one library: what was done, for whom, at what cost and with what effect."""

    topics = ParentalManyToManyField(
        "bibnetz_wagtail.Topic", verbose_name=_("topics"), blank=True, related_name="measures"
    )
    target_groups = ParentalManyToManyField(
        "bibnetz_wagtail.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="measures"
    )
    toolkit_results = ClusterTaggableManager(
        verbose_name=_("toolkit results"), through=TaggedMeasureToolkitResult, blank=True
    )
    cost = models.CharField(_("cost"), max_length=10, choices=CostBand.choices, default=CostBand.LOW)
    effort = models.CharField(_("staff effort"), max_length=10, choices=StaffEffort.choices, default=StaffEffort.MEDIUM)
    status = models.CharField(_("status"), max_length=12, choices=MeasureStatus.choices, default=MeasureStatus.PILOT)
    outcome = models.TextField(_("outcome"), blank=True, help_text=_("What came of it? Figures help others."))
    date_implemented = models.DateField(_("implemented on"), null=True, blank=True)

    listing_spec = ListingSpec(
        kind="measures",
        index_page="bibnetz_wagtail.MeasureIndexPage",
        text_fields=(
            TextField("title", 4),
            TextField("summary", 2),
            TextField("body_text", document="body"),
            TextField("outcome"),
            TextField("library__title", document="library_title"),
            TextField("library__municipality", document="municipality"),
        ),
        term_facets=(TOPIC, TARGET_GROUP, TOOLKIT, MEASURE_STATUS, COST, EFFORT, STATE, LIBRARY_TYPE),
        band_facets=BAND_FACETS,
        card_defer=("body", "body_text"),
        highlight_fields=("summary", "body_text", "outcome"),
    )
    search_fields = Page.search_fields + listing_spec.wagtail_search_fields()

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    classification_panels = [
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        ToolkitResultsPanel("toolkit_results"),
        FieldPanel("status"),
    ]
    effort_panels = [
        FieldRowPanel([FieldPanel("cost"), FieldPanel("effort")]),
        FieldPanel("outcome"),
        FieldPanel("date_implemented"),
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
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
