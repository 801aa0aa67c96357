"""A page save that believes the page is a draft must not take it offline after someone published it."""

from django.db import models


class KeepPublishedMixin(models.Model):
    """Treat a stale draft save of a page that went live meanwhile as Wagtail treats an edit of a live page.

    Wagtail's editor writes a draft page's row with everything its form holds, ``live=False`` included. When
    the editor loaded the page before a moderator's approval published it (its autosave request arriving
    together with the approval, or a second tab), that write would take the approved page offline again
    and leave the library with a 404. Such a save leaves the row alone instead: the edit survives in the
    revision Wagtail saves next, as for any edit of a live page. An unpublish starts from an instance that
    saw the page live, so it is not affected.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._is_stale_draft_save(kwargs.get("update_fields")):
            return None
        return super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._live_when_loaded = instance.__dict__.get("live")
        return instance

    def with_content_json(self, content):
        instance = super().with_content_json(content)
        instance._live_when_loaded = getattr(self, "_live_when_loaded", None)
        return instance

    def _is_stale_draft_save(self, update_fields):
        """Whether this instance, loaded as a draft, would write ``live=False`` over a page that is live now."""
        if self.pk is None or self.live or getattr(self, "_live_when_loaded", None) is not False:
            return False
        if update_fields is not None and "live" not in update_fields:
            return False
        return type(self)._default_manager.filter(pk=self.pk, live=True).exists()
