"""Which pages use a vocabulary term: counts for the listings, the pages themselves for delete."""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from ...models import LibraryProfilePage, MeasurePage, TargetGroup, TaskSharePage, ToolkitResult, Topic


@dataclass(frozen=True)
class Usage:
    """One way pages use a term: a page model and the lookup from it to the term.

    ``name`` is the annotation the count is stored under; the admin's list columns use the same names.
    """

    name: str
    page_model: type
    lookup: str

    def pages(self, term):
        """The pages of this kind that use ``term``, live or not."""
        return self.page_model.objects.filter(**{self.lookup: term}).distinct().order_by("title")

    def count_expression(self):
        """A correlated subquery counting those pages per term, to annotate a term queryset with."""
        pages = self.page_model.objects.filter(**{self.lookup: OuterRef("pk")}).order_by().values(self.lookup)
        counted = pages.annotate(n=Count("pk", distinct=True)).values("n")
        return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


USAGES = {
    ToolkitResult: (
        Usage("profile_count", LibraryProfilePage, "tagged_toolkit_results__tag"),
        Usage("measure_count", MeasurePage, "tagged_toolkit_results__tag"),
        Usage("task_count", TaskSharePage, "tagged_toolkit_results__tag"),
    ),
    Topic: (
        Usage("measure_count", MeasurePage, "topics"),
        Usage("task_count", TaskSharePage, "topics"),
    ),
    TargetGroup: (Usage("measure_count", MeasurePage, "target_groups"),),
}


def annotate_usage(queryset):
    """Add one count per usage to a term queryset, as subqueries so that a listing needs no extra query."""
    usages = USAGES[queryset.model]
    return queryset.annotate(**{usage.name: usage.count_expression() for usage in usages})


def pages_using(term):
    """Every page that uses ``term``, grouped by kind in the order of ``USAGES``."""
    return [page for usage in USAGES[type(term)] for page in usage.pages(term)]
