"""The index outbox: page changes waiting to be sent to a search index."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexChange(models.Model):
    """One page whose index document must be re-sent (or deleted).

    Rows are written in the same database transaction as the page change and deleted only after the index
    accepted the change, so a change survives an unreachable cluster and is sent by a later attempt. The row
    says *which* page changed, not how: the sender reads the page's current state when it sends.
    """

    kind = models.CharField(_("listing"), max_length=20)
    page_id = models.PositiveBigIntegerField(_("page id"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("pending index change")
        verbose_name_plural = _("pending index changes")
        indexes = [models.Index(fields=["kind", "page_id"], name="bibnetz_indexchange_page")]

    def __str__(self):
        return f"{self.kind} {self.page_id}"
