"""The facets several listings share, for the page models' ``listing_spec`` declarations."""

from django.utils.translation import gettext_lazy as _

from .choices import CostBand, FederalState, LibraryType, MeasureStatus, StaffEffort, TaskKind, TaskStatus
from .listing_spec import BandFacet, TermFacet
from .taxonomy import TargetGroup, ToolkitResult, Topic

#: The library field that makes its toolkit results public; a measure's or call's results are its library's.
TOOLKIT_PUBLIC = "toolkit_results_public"

STATE = TermFacet("state", _("Federal state"), "state", choices=FederalState, on_library=True)
LIBRARY_TYPE = TermFacet("library_type", _("Library type"), "library_type", choices=LibraryType, on_library=True)
TOPIC = TermFacet("topic", _("Topic"), "topics", vocabulary=Topic, many=True)
TARGET_GROUP = TermFacet("target_group", _("Target group"), "target_groups", vocabulary=TargetGroup, many=True)
TOOLKIT = TermFacet(
    "toolkit", _("Toolkit result"), "toolkit_results", vocabulary=ToolkitResult, many=True, public_if=TOOLKIT_PUBLIC
)
MEASURE_STATUS = TermFacet("status", _("Status"), "status", choices=MeasureStatus)
# Cost and effort are bands ("bis 500 €"), not words anybody searches for.
COST = TermFacet("cost", _("Cost"), "cost", choices=CostBand, searchable=False)
EFFORT = TermFacet("effort", _("Staff effort"), "effort", choices=StaffEffort, searchable=False)
TASK_KIND = TermFacet("task_kind", _("Kind of task"), "task_kind", choices=TaskKind)
TASK_STATUS = TermFacet("status", _("Status"), "status", choices=TaskStatus)

BAND_FACETS = (
    BandFacet("population", _("Population")),
    BandFacet("area", _("Floor area (m²)")),
    BandFacet("fte", _("Staff (FTE)")),
)
