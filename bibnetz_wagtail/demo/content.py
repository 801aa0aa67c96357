"""Demo measures and task-share calls, placed below the demo libraries that carried them out."""

import datetime
import itertools

from ..models import MeasurePage, TaskSharePage
from .measure_ideas import MEASURE_IDEAS, PARTNERS
from .stories import measure_body, task_body
from .task_ideas import REGIONS, TASK_IDEAS
from .text import fill, german_slug, month_de, unique_slug
from .tree import PageSpec

COSTS = ["none", "low", "medium", "high"]
EFFORTS = ["low", "medium", "high"]
MEASURE_STATUSES = {"established": 50, "pilot": 35, "idea": 15}
PLANNED_OUTCOME = "Noch in Planung – wir berichten, sobald die ersten Erfahrungen vorliegen."


class ContentGenerator:
    """Hands out measures and calls to libraries; busier libraries (more staff) report more.

    ``child_slugs`` ({library slug: set of slugs}) may be shared between generators that fill the
    same libraries, so that a measure and a call never get the same slug.
    """

    def __init__(self, rng, libraries, timeline, vocabulary, child_slugs=None):
        self.rng = rng
        self.libraries = libraries
        self.timeline = timeline
        self.vocabulary = vocabulary
        self.today = timeline.end.date()
        self.child_slugs = child_slugs if child_slugs is not None else {}
        weights = [1 + float(library.fields["staff_fte"]) ** 0.5 for library in libraries]
        self.cum_weights = list(itertools.accumulate(weights))

    def add(self, kind, count):
        """Create ``count`` specs of ``kind`` ("measures" or "tasks"), each a child of the library it drew."""
        ideas, build = (MEASURE_IDEAS, self._measure) if kind == "measures" else (TASK_IDEAS, self._task)
        for _index in range(count):
            library = self._library()
            library.children.append(build(library, self.rng.choice(ideas)))

    def _library(self):
        return self.rng.choices(self.libraries, cum_weights=self.cum_weights)[0]

    def _measure(self, library, idea):
        rng = self.rng
        published = self.timeline.moment_after(library.published_at)
        status = rng.choices(list(MEASURE_STATUSES), weights=list(MEASURE_STATUSES.values()))[0]
        implemented = _implemented_on(rng, status, published.date())
        values = self._values(library, year=(implemented or published.date()).year)
        values.update(partner=rng.choice(PARTNERS), n=_reach(rng, library), weeks=rng.randint(3, 12))
        title = fill(rng.choice(idea.titles), values)
        fields = {
            "summary": fill(idea.summary, values),
            "body": measure_body(rng, idea, values),
            "cost": _nearby(rng, COSTS, idea.cost),
            "effort": _nearby(rng, EFFORTS, idea.effort),
            "status": status,
            "outcome": PLANNED_OUTCOME if status == "idea" else fill(idea.outcome, values),
            "date_implemented": implemented,
        }
        relations = {
            "topics": self._terms("topics", idea.topics, extra_chance=0.15),
            "target_groups": self._terms("target_groups", idea.groups, extra_chance=0.1),
            "toolkit_results": self._toolkit(library, idea.toolkit),
        }
        return self._spec(MeasurePage, library, title, published, fields, relations)

    def _task(self, library, idea):
        rng = self.rng
        published = self.timeline.recent_moment_after(library.published_at)
        deadline = published.date() + datetime.timedelta(days=rng.randint(21, 84))
        values = self._values(library, year=published.year)
        values.update(
            region=rng.choice(REGIONS),
            month=month_de(published + datetime.timedelta(days=rng.randint(20, 60))),
            months=rng.randint(3, 9),
        )
        fields = {
            "summary": fill(idea.summary, values),
            "body": task_body(rng, idea, values),
            "task_kind": idea.kind,
            "deadline": deadline,
            "partners_wanted": rng.randint(1, 5),
            "status": self._task_status(deadline),
        }
        relations = {
            "topics": self._terms("topics", idea.topics, extra_chance=0.1),
            "toolkit_results": self._toolkit(library, idea.toolkit),
        }
        title = fill(rng.choice(idea.titles), values)
        return self._spec(TaskSharePage, library, title, published, fields, relations)

    def _spec(self, model, library, title, published, fields, relations):
        slug = unique_slug(german_slug(title), self.child_slugs.setdefault(library.slug, set()))
        return PageSpec(
            model=model,
            title=title,
            slug=slug,
            published_at=published,
            fields=fields,
            relations=relations,
        )

    def _values(self, library, year):
        return {"municipality": library.fields["municipality"], "library": library.title, "year": year}

    def _terms(self, kind, slugs, extra_chance):
        """Ids of the idea's terms, sometimes with one more term of the same vocabulary."""
        ids = self.vocabulary[kind]
        chosen = list(slugs)
        if self.rng.random() < extra_chance:
            extra = self.rng.choice(list(ids))
            if extra not in chosen:
                chosen.append(extra)
        return [ids[slug] for slug in chosen]

    def _toolkit(self, library, slugs):
        """Toolkit results the measure puts into practice: the idea's, sometimes one of the library's."""
        ids = self.vocabulary["toolkit_results"]
        chosen = [ids[slug] for slug in slugs[: self.rng.randint(1, len(slugs))]]
        own = library.relations.get("toolkit_results", [])
        if own and self.rng.random() < 0.3:
            extra = self.rng.choice(own)
            if extra not in chosen:
                chosen.append(extra)
        return chosen

    def _task_status(self, deadline):
        rng = self.rng
        if deadline >= self.today:
            return "open" if rng.random() < 0.85 else "in_progress"
        if (self.today - deadline).days < 180:
            return rng.choices(["in_progress", "done", "closed"], weights=[60, 20, 20])[0]
        return rng.choices(["done", "closed"], weights=[60, 40])[0]


def _implemented_on(rng, status, published):
    """When a measure started: recently for pilots, months or years ago when established, not yet for ideas."""
    if status == "idea":
        return None
    days = rng.randint(14, 180) if status == "pilot" else rng.randint(180, 1460)
    return published - datetime.timedelta(days=days)


def _reach(rng, library):
    """How many people a measure reached: more in larger places."""
    return max(5, round(rng.randint(12, 60) * (library.fields["population"] / 10000) ** 0.4))


def _nearby(rng, scale, value):
    """Usually ``value``; sometimes the step below or above it on ``scale``."""
    position = scale.index(value)
    if rng.random() < 0.25:
        position = min(max(position + rng.choice((-1, 1)), 0), len(scale) - 1)
    return scale[position]
