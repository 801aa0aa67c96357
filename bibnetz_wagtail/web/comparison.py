"""Where a library stands in the network, for its profile page.

Per figure (population, floor area, staff) a band histogram of the network's visible libraries with the
library's own band, the network median and the share of other libraries it exceeds; then its nearest
neighbours by likeness and their measures, asked from the search engine so that both engines answer alike.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ..models import LibraryProfilePage, MeasurePage
from ..search.bands import METRIC_FIELDS, configured_bands, format_number
from ..search.engines import get_engine
from ..search.query import SORT_SIMILAR, ListingQuery, Reference
from ..search.visibility import visible_pages
from .items import load_items

#: How many similar libraries and measures the profile shows.
NEIGHBOURS = 5
#: The most hits one engine request may ask for (the listing contract's ``per_page`` limit).
MAX_HITS = 100

# Geometry of a chart in SVG user units; the viewBox scales it to the available width.
CHART_WIDTH = 360
ROW_HEIGHT = 44
LABEL_BASELINE = 15
BAR_TOP = 21
BAR_HEIGHT = 16
#: A row that carries a note ("this library · median") is this much taller: the note goes below its bar, where
#: it cannot run into a long band label, with clear space above it and twice as much below, so that it reads
#: as belonging to its own bar and not as the title of the next band.
NOTE_HEIGHT = 28
NOTE_BASELINE = ROW_HEIGHT + 12
#: Room right of the longest bar for its count.
COUNT_ROOM = 44
COUNT_GAP = 6
#: A highlighted band with no library (a draft is not counted) still shows its outlined bar.
MIN_OWN_BAR = 6


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str
    decimals: int
    more_than: str

    @property
    def field(self):
        return METRIC_FIELDS[self.key]

    def value_of(self, library):
        return float(getattr(library, self.field))

    def format(self, value):
        text = format_number(round(float(value), self.decimals))
        return f"{text} {self.unit}" if self.unit else text


METRICS = (
    Metric(
        key="population",
        label=_("Population"),
        unit="",
        decimals=0,
        more_than=_("More inhabitants than %(percent)s %% of the other libraries in the network."),
    ),
    Metric(
        key="area",
        label=_("Floor area (m²)"),
        unit="m²",
        decimals=0,
        more_than=_("More floor area than %(percent)s %% of the other libraries in the network."),
    ),
    Metric(
        key="fte",
        label=_("Staff (FTE)"),
        unit=_("FTE"),
        decimals=2,
        more_than=_("More staff than %(percent)s %% of the other libraries in the network."),
    ),
)


@dataclass
class Bar:
    """One band of a chart: a row with the band's label, a bar as long as its count, and the count."""

    label: str
    count: int
    is_own: bool
    has_median: bool
    #: Where the row starts, in SVG user units from the top of the chart.
    top: int
    width: float

    @property
    def note(self):
        notes = [gettext("this library")] if self.is_own else []
        if self.has_median:
            notes.append(gettext("median"))
        return " · ".join(notes)

    @property
    def count_text(self):
        return format_number(self.count)

    @property
    def label_y(self):
        return self.top + LABEL_BASELINE

    @property
    def bar_y(self):
        return self.top + BAR_TOP

    @property
    def bar_height(self):
        return BAR_HEIGHT

    @property
    def count_x(self):
        return round(self.width + COUNT_GAP, 1)

    @property
    def count_y(self):
        return self.bar_y + BAR_HEIGHT - 3

    @property
    def note_y(self):
        return self.top + NOTE_BASELINE

    @property
    def height(self):
        return ROW_HEIGHT + (NOTE_HEIGHT if self.note else 0)


@dataclass
class Chart:
    """Where the library stands on one figure."""

    metric: Metric
    value: float
    bars: list
    others: int
    below: int
    median: float | None

    width = CHART_WIDTH

    @property
    def id(self):
        return f"bibnetz-chart-{self.metric.key}"

    @property
    def height(self):
        return sum(bar.height for bar in self.bars)

    @property
    def percent_below(self):
        return round(100 * self.below / self.others) if self.others else None

    @property
    def more_than(self):
        if self.percent_below is None:
            return gettext("There are no other libraries in the network to compare with yet.")
        return str(self.metric.more_than) % {"percent": self.percent_below}

    @property
    def median_text(self):
        if self.median is None:
            return ""
        return gettext("Median of the network: %(value)s.") % {"value": self.metric.format(self.median)}

    @property
    def title(self):
        return gettext("%(figure)s: number of libraries in the network per band") % {"figure": self.metric.label}

    @property
    def table_summary(self):
        return gettext("%(figure)s as a table") % {"figure": self.metric.label}

    @property
    def description(self):
        """The chart in words, for the SVG's ``<desc>``."""
        bands = "; ".join(bar_in_words(bar) for bar in self.bars)
        parts = [
            gettext("This library: %(value)s.") % {"value": self.metric.format(self.value)},
            self.median_text,
            gettext("Libraries per band: %(bands)s.") % {"bands": bands},
        ]
        return " ".join(part for part in parts if part)


def bar_in_words(bar):
    text = f"{bar.label}: {bar.count_text}"
    return f"{text} ({bar.note})" if bar.note else text


@dataclass
class Comparison:
    libraries: int
    charts: list
    #: None while the profile is not published: the engine knows only published libraries.
    similar_libraries: list | None
    similar_measures: list | None

    @property
    def network_size(self):
        text = ngettext(
            "The network has %(count)s published library.",
            "The network has %(count)s published libraries.",
            self.libraries,
        )
        return text % {"count": format_number(self.libraries)}


def comparison_context(page):
    """Everything the profile's comparison section shows; the number of queries does not grow with the network."""
    libraries = visible_pages(LibraryProfilePage)
    bands = {metric.key: configured_bands(metric.key) for metric in METRICS}
    counts = network_counts(libraries, page, bands)
    charts = [
        build_chart(metric, page, bands[metric.key], counts, median(libraries, metric.field, counts["libraries"]))
        for metric in METRICS
    ]
    reference = reference_of(page) if page.live and page.pk else None
    return Comparison(
        libraries=counts["libraries"],
        charts=charts,
        similar_libraries=similar_libraries(reference) if reference else None,
        similar_measures=similar_measures(reference) if reference else None,
    )


# Charts


def network_counts(libraries, page, bands):
    """Libraries in all, others than ``page``, others below it and per band, for every figure in one query."""
    other = ~Q(pk=page.pk)
    aggregates = {"libraries": Count("pk"), "others": Count("pk", filter=other)}
    for metric in METRICS:
        field = metric.field
        aggregates[f"{metric.key}_below"] = Count("pk", filter=other & Q(**{f"{field}__lt": getattr(page, field)}))
        for index, band in enumerate(bands[metric.key]):
            aggregates[f"{metric.key}_band{index}"] = Count("pk", filter=band_q(field, band))
    return libraries.aggregate(**aggregates)


def band_q(field, band):
    q = Q(**{f"{field}__gte": band.low})
    if band.high is not None:
        q &= Q(**{f"{field}__lt": band.high})
    return q


def median(libraries, field, count):
    """The median of ``field`` over ``count`` libraries, reading only the middle one or two rows."""
    if not count:
        return None
    middle = list(libraries.order_by(field).values_list(field, flat=True)[(count - 1) // 2 : count // 2 + 1])
    return sum(float(value) for value in middle) / len(middle)


def build_chart(metric, page, bands, counts, median_value):
    value = metric.value_of(page)
    band_counts = [counts[f"{metric.key}_band{index}"] for index in range(len(bands))]
    longest = max(band_counts) or 1
    bars = []
    top = 0
    for band, count in zip(bands, band_counts):
        is_own = band.contains(value)
        width = (CHART_WIDTH - COUNT_ROOM) * count / longest
        bars.append(
            Bar(
                label=str(band.label),
                count=count,
                is_own=is_own,
                has_median=median_value is not None and band.contains(median_value),
                top=top,
                width=round(max(width, MIN_OWN_BAR if is_own else 0), 1),
            )
        )
        top += bars[-1].height
    return Chart(
        metric=metric,
        value=value,
        bars=bars,
        others=counts["others"],
        below=counts[f"{metric.key}_below"],
        median=median_value,
    )


# Neighbours, through the search engine


def reference_of(page):
    return Reference(
        population=float(page.population),
        area=float(page.floor_area_m2),
        fte=float(page.staff_fte),
        library_id=page.pk,
    )


def similar_libraries(reference):
    """The most similar other libraries: the library itself ranks among the first, so one more is asked for."""
    hits = ask_engine("libraries", reference, NEIGHBOURS + 1)
    return load_items("libraries", [hit for hit in hits if hit.id != reference.library_id][:NEIGHBOURS])


def similar_measures(reference):
    """Measures of the most similar libraries, without the library's own (the profile lists those already).

    Its own measures share its figures and so rank first; asking for as many more hits as it has measures
    leaves enough from other libraries.
    """
    own = set(MeasurePage.objects.filter(library_id=reference.library_id).values_list("pk", flat=True))
    hits = ask_engine("measures", reference, min(NEIGHBOURS + len(own), MAX_HITS))
    return load_items("measures", [hit for hit in hits if hit.id not in own][:NEIGHBOURS])


def ask_engine(kind, reference, per_page):
    query = ListingQuery(kind=kind, reference=reference, sort=SORT_SIMILAR, per_page=per_page, facets=False)
    return get_engine().search(query).hits
