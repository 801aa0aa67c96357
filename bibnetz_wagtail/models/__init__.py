"""The domain: taxonomy, libraries, measures and task-share calls. Nothing here imports search or web."""

from .choices import (  # noqa: F401
    CostBand,
    FederalState,
    LibraryType,
    MeasureStatus,
    ParticipationState,
    StaffEffort,
    TaskKind,
    TaskStatus,
)
from .libraries import LibraryIndexPage, LibraryProfilePage  # noqa: F401
from .listing import ListingIndexPage  # noqa: F401
from .measures import MeasureIndexPage, MeasurePage  # noqa: F401
from .membership import Invitation, JoinRequest, JoinRequestState, Membership, MembershipRole  # noqa: F401
from .outbox import IndexChange  # noqa: F401
from .search_text import ListingText  # noqa: F401
from .tasks import Participation, ParticipationEvent, TaskShareIndexPage, TaskSharePage  # noqa: F401
from .taxonomy import (  # noqa: F401
    TaggedMeasureToolkitResult,
    TaggedProfileToolkitResult,
    TaggedTaskToolkitResult,
    TargetGroup,
    ToolkitResult,
    Topic,
)
