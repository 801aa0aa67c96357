"""The analysed text of every listed page, as the database engine searches it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ListingText(models.Model):
    """The terms of one text field of one listed page (see ``search.analysis``), kept by the search layer.

    One row per page and field that has text. ``terms`` is blank-separated and blank-framed, so that a whole
    term is found as ``" term "`` and a part of one as ``"term"``; ``weight`` is the field's relevance weight.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("listing"), max_length=20)
    field = models.CharField(_("field"), max_length=40)
    weight = models.PositiveSmallIntegerField(_("weight"))
    terms = models.TextField(_("terms"))

    class Meta:
        verbose_name = _("search text")
        verbose_name_plural = _("search texts")
        constraints = [models.UniqueConstraint(fields=["page", "field"], name="bibnetz_listingtext_page_field")]
        indexes = [models.Index(fields=["kind", "page"], name="bibnetz_listingtext_kind")]

    def __str__(self):
        return f"{self.kind} {self.page_id} {self.field}"
