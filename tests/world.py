"""A small, hand-checkable network used by the listing tests: three libraries, four measures, two calls.

Figures sit exactly on band edges so that the tests can check ``[FROM, TO)``.
"""

from dataclasses import dataclass
from decimal import Decimal

from .factories import (
    LibraryProfilePageFactory,
    MeasurePageFactory,
    TargetGroupFactory,
    TaskSharePageFactory,
    ToolkitResultFactory,
    TopicFactory,
)


@dataclass
class World:
    topics: dict
    groups: dict
    toolkit: dict
    libraries: dict
    measures: dict
    tasks: dict


def build_world():
    topics = {
        slug: TopicFactory(slug=slug, name=name)
        for slug, name in [("lesen", "Leseförderung"), ("digital", "Digitales"), ("maker", "Makerspace")]
    }
    groups = {
        slug: TargetGroupFactory(slug=slug, name=name)
        for slug, name in [("kinder", "Kinder"), ("senioren", "Senioren")]
    }
    toolkit = {
        slug: ToolkitResultFactory(slug=slug, name=name)
        for slug, name in [("t1", "Dritter Ort"), ("t2", "Schulkooperation")]
    }
    libraries = {
        "a": LibraryProfilePageFactory(
            title="Bücherei Aheim",
            population=4999,
            floor_area_m2=100,
            staff_fte=Decimal("1.00"),
            state="BY",
            library_type="municipal",
            toolkit_results_public=True,
            toolkit=[toolkit["t1"]],
        ),
        "b": LibraryProfilePageFactory(
            title="Bücherei Behausen",
            population=5000,
            floor_area_m2=99,
            staff_fte=Decimal("0.99"),
            state="BW",
            library_type="town",
            toolkit_results_public=False,
            toolkit=[toolkit["t2"]],
        ),
        "c": LibraryProfilePageFactory(
            title="Stadtbibliothek Cestadt",
            population=100000,
            floor_area_m2=1000,
            staff_fte=Decimal("10.00"),
            state="NI",
            library_type="joint",
            toolkit_results_public=True,
            toolkit=[toolkit["t1"], toolkit["t2"]],
        ),
    }
    measures = {
        "m1": MeasurePageFactory(
            parent=libraries["a"],
            title="Vorlesepaten für Kitas",
            summary="Ehrenamtliche lesen vor.",
            topics=[topics["lesen"]],
            target_groups=[groups["kinder"]],
            status="established",
            cost="low",
            effort="low",
            toolkit=[toolkit["t1"]],
        ),
        "m2": MeasurePageFactory(
            parent=libraries["a"],
            title="Tablet-Sprechstunde",
            summary="Hilfe mit Tablets und Onleihe.",
            topics=[topics["lesen"], topics["digital"]],
            target_groups=[groups["senioren"]],
            status="pilot",
            cost="none",
            effort="medium",
        ),
        "m3": MeasurePageFactory(
            parent=libraries["b"],
            title="Digitale Schnitzeljagd",
            summary="Mit QR-Codes durch den Ort.",
            topics=[topics["digital"]],
            target_groups=[groups["kinder"], groups["senioren"]],
            status="established",
            cost="high",
            effort="high",
            toolkit=[toolkit["t2"]],
        ),
        "m4": MeasurePageFactory(
            parent=libraries["c"],
            title="Makerspace im Keller",
            summary="3D-Druck und Löten.",
            topics=[topics["maker"]],
            status="idea",
            cost="medium",
            effort="high",
        ),
    }
    tasks = {
        "k1": TaskSharePageFactory(
            parent=libraries["a"],
            title="Lesesommer gemeinsam planen",
            task_kind="event",
            status="open",
            topics=[topics["lesen"]],
        ),
        "k2": TaskSharePageFactory(
            parent=libraries["c"],
            title="Konzept Dritter Ort",
            task_kind="concept",
            status="in_progress",
            topics=[topics["digital"]],
            toolkit=[toolkit["t1"]],
        ),
    }
    return World(topics, groups, toolkit, libraries, measures, tasks)
