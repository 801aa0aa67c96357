"""What each listing can be filtered by: its term facets and band facets, engine-independent."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ..models import (
    CostBand,
    FederalState,
    LibraryProfilePage,
    LibraryType,
    MeasurePage,
    MeasureStatus,
    StaffEffort,
    TargetGroup,
    TaskKind,
    TaskSharePage,
    TaskStatus,
    Topic,
    ToolkitResult,
)
from .bands import METRIC_FIELDS


@dataclass(frozen=True)
class TermFacet:
    """A facet over codes or slugs. ``choices`` is a code list; ``vocabulary`` an admin-managed model."""

    key: str
    label: str
    #: Field of the listed page, or of its library when ``on_library`` is set.
    field: str
    choices: type | None = None
    vocabulary: type | None = None
    on_library: bool = False
    #: Many-valued (a relation); otherwise one value per page.
    many: bool = False

    def static_labels(self):
        return dict(self.choices.choices) if self.choices else None


@dataclass(frozen=True)
class BandFacet:
    key: str
    label: str

    @property
    def field(self):
        return METRIC_FIELDS[self.key]


STATE = TermFacet("state", _("Federal state"), "state", choices=FederalState, on_library=True)
LIBRARY_TYPE = TermFacet("library_type", _("Library type"), "library_type", choices=LibraryType, on_library=True)
TOPIC = TermFacet("topic", _("Topic"), "topics", vocabulary=Topic, many=True)
TARGET_GROUP = TermFacet("target_group", _("Target group"), "target_groups", vocabulary=TargetGroup, many=True)
TOOLKIT = TermFacet("toolkit", _("Toolkit result"), "toolkit_results", vocabulary=ToolkitResult, many=True)
MEASURE_STATUS = TermFacet("status", _("Status"), "status", choices=MeasureStatus)
COST = TermFacet("cost", _("Cost"), "cost", choices=CostBand)
EFFORT = TermFacet("effort", _("Staff effort"), "effort", choices=StaffEffort)
TASK_KIND = TermFacet("task_kind", _("Kind of task"), "task_kind", choices=TaskKind)
TASK_STATUS = TermFacet("status", _("Status"), "status", choices=TaskStatus)

BAND_FACETS = (
    BandFacet("population", _("Population")),
    BandFacet("area", _("Floor area (m²)")),
    BandFacet("fte", _("Staff (FTE)")),
)


@dataclass(frozen=True)
class Listing:
    """One of the three listings: which pages it lists and by what they can be filtered."""

    kind: str
    model: type
    term_facets: tuple
    band_facets: tuple = field(default=BAND_FACETS)

    @property
    def is_library_listing(self):
        return self.model is LibraryProfilePage

    @property
    def facet_keys(self):
        return [facet.key for facet in self.term_facets] + [facet.key for facet in self.band_facets]

    def term_facet(self, key):
        return next((facet for facet in self.term_facets if facet.key == key), None)


LISTINGS = {
    "libraries": Listing("libraries", LibraryProfilePage, (STATE, LIBRARY_TYPE, TOOLKIT)),
    "measures": Listing(
        "measures",
        MeasurePage,
        (TOPIC, TARGET_GROUP, TOOLKIT, MEASURE_STATUS, COST, EFFORT, STATE, LIBRARY_TYPE),
    ),
    "tasks": Listing("tasks", TaskSharePage, (TOPIC, TOOLKIT, TASK_KIND, TASK_STATUS, STATE, LIBRARY_TYPE)),
}
