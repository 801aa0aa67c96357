"""The library directory: its index page and one profile page per library."""

import math

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Page

from .choices import FederalState, LibraryType
from .facets import BAND_FACETS, LIBRARY_TYPE, STATE, TOOLKIT
from .forms import LibraryProfilePageForm
from .listing import ListingIndexPage
from .listing_spec import ListingSpec, TextField
from .membership import is_network_member
from .panels import ToolkitResultsPanel
from .publication import KeepPublishedMixin
from .rendering import HostTemplateMixin, add_page_context
from .slugs import GermanSlugMixin
from .taxonomy import TaggedProfileToolkitResult
from .validators import validate_floor_area, validate_population, validate_staff_fte


class LibraryIndexPage(ListingIndexPage):
    """ "Bibliotheken": the faceted directory of library profiles; profiles live below it."""

    listing_kind = "libraries"
    subpage_types = ["bibnetz_wagtail.LibraryProfilePage"]

    class Meta:
        verbose_name = _("library directory")
        verbose_name_plural = _("library directories")


#: The fields that say whether and why a library is suspended; no revision may bring an old value back.
SUSPENSION_FIELDS = ("suspended_at", "suspension_reason", "suspended_live_revisions")


class LibraryProfilePage(KeepPublishedMixin, GermanSlugMixin, HostTemplateMixin, Page):
    """One library of the network.

    Its measures and task-share calls are its child pages, so that Wagtail's tree permissions on this
    subtree give a library exactly its own content to edit. Contact details are for logged-in members
    only and are therefore kept out of every search field; toolkit results are shown publicly only when
    ``toolkit_results_public`` is set.
    """

    municipality = models.CharField(_("municipality"), max_length=120)
    postal_code = models.CharField(
        _("postal code"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("A German postal code has five digits."))],
    )
    state = models.CharField(_("federal state"), max_length=2, choices=FederalState.choices)
    library_type = models.CharField(
        _("library type"), max_length=20, choices=LibraryType.choices, default=LibraryType.MUNICIPAL
    )
    population = models.PositiveIntegerField(
        _("population"),
        validators=[validate_population],
        help_text=_("Inhabitants of the municipality or service area."),
    )
    floor_area_m2 = models.PositiveIntegerField(
        _("floor area (m²)"), validators=[validate_floor_area], help_text=_("Public floor area in square metres.")
    )
    staff_fte = models.DecimalField(
        _("staff (FTE)"),
        max_digits=6,
        decimal_places=2,
        validators=[validate_staff_fte],
        help_text=_("Staff in full-time equivalents, e.g. 1.5."),
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    contact_person = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    toolkit_results = ClusterTaggableManager(
        verbose_name=_("toolkit results"), through=TaggedProfileToolkitResult, blank=True
    )
    # The group whose page permissions cover exactly this profile's subtree (see permissions.py).
    editor_group = models.OneToOneField(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="bibnetz_library"
    )
    toolkit_results_public = models.BooleanField(
        _("publish toolkit results"),
        default=False,
        help_text=_("Only when this is ticked are the toolkit results shown on the website and used in filters."),
    )
    # Set while the moderators have suspended the library from the network (see operations/suspension.py).
    # Kept out of the editor and of revisions: only suspending and reinstating change them.
    suspended_at = models.DateTimeField(_("suspended since"), null=True, blank=True, editable=False)
    suspension_reason = models.TextField(_("reason for the suspension"), blank=True, editable=False)
    # Page id -> id of the revision that was live when the library was suspended: what reinstating republishes.
    suspended_live_revisions = models.JSONField(default=dict, blank=True, editable=False)

    parent_page_types = ["bibnetz_wagtail.LibraryIndexPage"]
    subpage_types = ["bibnetz_wagtail.MeasurePage", "bibnetz_wagtail.TaskSharePage"]
    exclude_fields_in_copy = ["editor_group", *SUSPENSION_FIELDS]
    base_form_class = LibraryProfilePageForm

    # Contact fields are deliberately absent: they must not reach any index. Toolkit results are listed only
    # while the library publishes them (the facet's public_if).
    listing_spec = ListingSpec(
        kind="libraries",
        index_page="bibnetz_wagtail.LibraryIndexPage",
        text_fields=(
            TextField("title", 4),
            TextField("municipality", 3),
            TextField("postal_code", 2),
            TextField("description", html=True),
        ),
        term_facets=(STATE, LIBRARY_TYPE, TOOLKIT),
        band_facets=BAND_FACETS,
        library_field=None,
        card_defer=("description",),
        highlight_fields=("description",),
    )
    search_fields = Page.search_fields + listing_spec.wagtail_search_fields()

    # TitleFieldPanel, not FieldPanel: it lets the editor's script fill the slug from the title.
    profile_panels = [
        TitleFieldPanel("title"),
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("postal_code")]),
        FieldRowPanel([FieldPanel("state"), FieldPanel("library_type")]),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("website"),
    ]
    figure_panels = [
        FieldPanel("population"),
        FieldPanel("floor_area_m2"),
        FieldPanel("staff_fte"),
    ]
    toolkit_panels = [ToolkitResultsPanel("toolkit_results"), FieldPanel("toolkit_results_public")]
    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("contact_person"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Visible to logged-in network members only"),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(profile_panels, heading=_("Profile")),
            ObjectList(figure_panels, heading=_("Key figures")),
            ObjectList(toolkit_panels, heading=_("Toolkit")),
            ObjectList(contact_panels, heading=_("Contact")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("library profile")
        verbose_name_plural = _("library profiles")

    @property
    def is_suspended(self):
        """Whether the moderators have suspended the library from the network."""
        return self.suspended_at is not None

    def with_content_json(self, content):
        # A revision saved before or during a suspension must not undo or repeat it when it is published.
        instance = super().with_content_json(content)
        for name in SUSPENSION_FIELDS:
            setattr(instance, name, getattr(self, name))
        return instance

    @property
    def figures(self):
        """The three comparison figures as floats, in the order population, area, FTE."""
        return (float(self.population), float(self.floor_area_m2), float(self.staff_fte))

    @property
    def log_figures(self):
        """``ln(1 + x)`` of each figure: the scale on which libraries are compared."""
        return tuple(math.log1p(value) for value in self.figures)

    def get_context(self, request, *args, **kwargs):
        from .measures import MeasureIndexPage, MeasurePage
        from .tasks import TaskSharePage

        context = super().get_context(request, *args, **kwargs)
        context["show_contact"] = can_see_contact_details(request.user)
        context["measures"] = MeasurePage.objects.child_of(self).live().public().order_by("-first_published_at")
        context["tasks"] = TaskSharePage.objects.child_of(self).live().public().order_by("-first_published_at")
        context["similar_libraries_url"] = listing_url(LibraryIndexPage, request, similar_to=self.pk)
        context["similar_measures_url"] = listing_url(MeasureIndexPage, request, similar_to=self.pk)
        # The comparison charts come from the web layer, through the bibnetz_page_context hook.
        return add_page_context(self, request, context)

    def public_toolkit_results(self):
        """The toolkit results that may be shown publicly: none unless the library publishes them."""
        if not self.toolkit_results_public:
            return []
        return list(self.toolkit_results.all())


def can_see_contact_details(user):
    """Contact details are for logged-in members of the network only (not for any logged-in account)."""
    return is_network_member(user)


def listing_url(index_model, request, **params):
    """URL of the first live listing page of ``index_model`` with ``params``, or None if there is none."""
    from urllib.parse import urlencode

    index = index_model.objects.live().first()
    if index is None:
        return None
    return f"{index.get_url(request)}?{urlencode(params)}"
