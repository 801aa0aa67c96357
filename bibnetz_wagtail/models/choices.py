"""Fixed vocabularies: federal states, library types and the codes of measures and task-share calls.

They are code lists, not admin-managed models, because the listing contract filters by these codes
and both search engines must know them without a database round trip.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FederalState(models.TextChoices):
    BADEN_WUERTTEMBERG = "BW", _("Baden-Württemberg")
    BAYERN = "BY", _("Bavaria")
    BERLIN = "BE", _("Berlin")
    BRANDENBURG = "BB", _("Brandenburg")
    BREMEN = "HB", _("Bremen")
    HAMBURG = "HH", _("Hamburg")
    HESSEN = "HE", _("Hesse")
    MECKLENBURG_VORPOMMERN = "MV", _("Mecklenburg-Western Pomerania")
    NIEDERSACHSEN = "NI", _("Lower Saxony")
    NORDRHEIN_WESTFALEN = "NW", _("North Rhine-Westphalia")
    RHEINLAND_PFALZ = "RP", _("Rhineland-Palatinate")
    SAARLAND = "SL", _("Saarland")
    SACHSEN = "SN", _("Saxony")
    SACHSEN_ANHALT = "ST", _("Saxony-Anhalt")
    SCHLESWIG_HOLSTEIN = "SH", _("Schleswig-Holstein")
    THUERINGEN = "TH", _("Thuringia")


class LibraryType(models.TextChoices):
    MUNICIPAL = "municipal", _("Municipal library")
    TOWN = "town", _("Town library")
    JOINT = "joint", _("Joint municipal and school library")
    CHURCH = "church", _("Church-run public library")
    MOBILE = "mobile", _("Mobile library")
    VOLUNTEER = "volunteer", _("Volunteer-run library")


class CostBand(models.TextChoices):
    NONE = "none", _("No extra cost")
    LOW = "low", _("Under 500 €")
    MEDIUM = "medium", _("500 to 5,000 €")
    HIGH = "high", _("Over 5,000 €")


class StaffEffort(models.TextChoices):
    LOW = "low", _("A few hours")
    MEDIUM = "medium", _("A few days")
    HIGH = "high", _("Several weeks")


class MeasureStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PILOT = "pilot", _("Pilot")
    ESTABLISHED = "established", _("Established")


class TaskKind(models.TextChoices):
    EVENT = "event", _("Plan an event")
    PROBLEM = "problem", _("Solve a problem")
    CONCEPT = "concept", _("Develop a concept")
    OTHER = "other", _("Other task")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CLOSED = "closed", _("Closed")


class ParticipationState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
