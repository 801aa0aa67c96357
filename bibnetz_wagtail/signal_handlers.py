"""Signal handlers that keep denormalised data right when pages move."""

from wagtail.signals import post_page_move

from .models.content import LibraryContentPage
from .models.libraries import LibraryProfilePage


def update_library_of_moved_page(sender, instance, parent_page_after, **kwargs):
    """A measure or call moved below another library now belongs to that library."""
    if not (isinstance(sender, type) and issubclass(sender, LibraryContentPage)):
        return
    library_id = parent_page_after.pk if parent_page_after.specific_class is LibraryProfilePage else None
    sender.objects.filter(pk=instance.pk).update(library_id=library_id)


def connect_signal_handlers():
    post_page_move.connect(update_library_of_moved_page, dispatch_uid="bibnetz_update_library_of_moved_page")
