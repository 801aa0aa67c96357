"""Signal handlers that keep denormalised data right when pages move, and a suspended library offline."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, post_page_move

from .models import MeasurePage, TaskSharePage
from .models.content import LibraryContentPage
from .models.libraries import LibraryProfilePage
from .models.membership import Membership


def update_library_of_moved_page(sender, instance, parent_page_after, **kwargs):
    """A measure or call moved below another library now belongs to that library."""
    if not (isinstance(sender, type) and issubclass(sender, LibraryContentPage)):
        return
    library_id = parent_page_after.pk if parent_page_after.specific_class is LibraryProfilePage else None
    sender.objects.filter(pk=instance.pk).update(library_id=library_id)


def add_member_to_library_group(sender, instance, **kwargs):
    """A membership puts its user into the library's group."""
    from .permissions import ensure_library_group

    instance.user.groups.add(ensure_library_group(instance.library))


def remove_member_from_library_group(sender, instance, **kwargs):
    """Ending a membership takes the user out of the group (also when the library itself is deleted)."""
    group_id = LibraryProfilePage.objects.filter(pk=instance.library_id).values_list("editor_group", flat=True).first()
    if group_id:
        instance.user.groups.remove(group_id)


def keep_suspended_library_offline(sender, instance, **kwargs):
    """Whatever publishes a page of a suspended library (a workflow approval, scheduled publishing, a script)
    that the admin's guards do not see, the page goes offline again at once: only reinstating brings it back."""
    from .operations.suspension import take_offline_if_suspended

    take_offline_if_suspended(instance)


def connect_signal_handlers():
    post_page_move.connect(update_library_of_moved_page, dispatch_uid="bibnetz_update_library_of_moved_page")
    for model in (LibraryProfilePage, MeasurePage, TaskSharePage):
        page_published.connect(
            keep_suspended_library_offline, sender=model, dispatch_uid=f"bibnetz_suspended_{model.__name__}"
        )
    post_save.connect(add_member_to_library_group, sender=Membership, dispatch_uid="bibnetz_membership_saved")
    post_delete.connect(remove_member_from_library_group, sender=Membership, dispatch_uid="bibnetz_membership_deleted")
