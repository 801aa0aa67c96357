"""Curated vocabularies editors choose from: toolkit results (tags), topics and target groups."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TagBase, TaggedItemBase


class ToolkitResult(TagBase):
    """A result of the toolkit workshop, used as a tag.

    A custom tag model instead of taggit's default so that the vocabulary is curated: it carries a
    description, is edited in the admin, and free-text tagging does not create new results.
    """

    description = models.TextField(_("description"), blank=True)

    # Wagtail's tag widget then offers only existing results instead of creating new ones.
    free_tagging = False

    class Meta:
        verbose_name = _("toolkit result")
        verbose_name_plural = _("toolkit results")
        ordering = ["name"]


class VocabularyTerm(models.Model):
    """Shared shape of the admin-managed vocabularies: a name, a stable slug for URLs, an order."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Topic(VocabularyTerm):
    """What a measure or call is about (reading promotion, digital skills, …)."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class TargetGroup(VocabularyTerm):
    """Whom a measure is for (children, seniors, …)."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class TaggedProfileToolkitResult(TaggedItemBase):
    content_object = ParentalKey(
        "bibnetz_wagtail.LibraryProfilePage", on_delete=models.CASCADE, related_name="tagged_toolkit_results"
    )
    tag = models.ForeignKey(ToolkitResult, on_delete=models.CASCADE, related_name="tagged_profiles")


class TaggedMeasureToolkitResult(TaggedItemBase):
    content_object = ParentalKey(
        "bibnetz_wagtail.MeasurePage", on_delete=models.CASCADE, related_name="tagged_toolkit_results"
    )
    tag = models.ForeignKey(ToolkitResult, on_delete=models.CASCADE, related_name="tagged_measures")


class TaggedTaskToolkitResult(TaggedItemBase):
    content_object = ParentalKey(
        "bibnetz_wagtail.TaskSharePage", on_delete=models.CASCADE, related_name="tagged_toolkit_results"
    )
    tag = models.ForeignKey(ToolkitResult, on_delete=models.CASCADE, related_name="tagged_tasks")
