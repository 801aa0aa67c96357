"""Who may do what: each library's own group, the network moderators and the join workflow.

Wagtail's tree permissions do the work: a library's group holds page permissions on the library's profile
only, which covers its measures and calls below it, and nothing elsewhere. Everything here is idempotent.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowTask,
)

from .conf import get_setting
from .models import LibraryIndexPage, LibraryProfilePage
from .models.membership import MODERATORS_GROUP, is_network_member

JOIN_WORKFLOW = "Beitritt zum Netzwerk"
JOIN_TASK = "Profil prüfen"
PAGE_PERMISSION_TYPES = ("add", "change", "publish")
#: What a library's team may do with images and documents, in its own collection only ("add" includes editing
#: own uploads), and what it may do in the network's shared collection, if the site names one.
OWN_FILE_PERMISSIONS = {
    "wagtailimages": ("add_image", "choose_image"),
    "wagtaildocs": ("add_document", "choose_document"),
}
SHARED_FILE_PERMISSIONS = {"wagtailimages": ("choose_image",), "wagtaildocs": ("choose_document",)}


def admin_access_permission():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def page_permission(permission_type):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{permission_type}_page")


def grant_page_permissions(group, page, permission_types):
    for permission_type in permission_types:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=page_permission(permission_type))


@transaction.atomic
def ensure_library_group(library):
    """The library's own group: admin access, page permissions on its profile subtree, its own image collection."""
    group = library.editor_group
    if group is None:
        group = Group.objects.create(name=f"Bibliothek {library.pk}: {library.title}"[:150])
        LibraryProfilePage.objects.filter(pk=library.pk).update(editor_group=group)
        library.editor_group = group
    group.permissions.add(admin_access_permission())
    grant_page_permissions(group, library, library_page_permission_types(library))
    grant_file_permissions(group, library_collection(group, library), OWN_FILE_PERMISSIONS)
    shared = shared_collection()
    if shared is not None:
        grant_file_permissions(group, shared, SHARED_FILE_PERMISSIONS)
    return group


def library_page_permission_types(library):
    """The page permissions of the library's group: the setting's, without publishing while it is suspended."""
    types = get_setting("LIBRARY_PAGE_PERMISSIONS")
    # Asked of the database: a membership saved with an instance loaded before the suspension must not undo it.
    if LibraryProfilePage.objects.filter(pk=library.pk, suspended_at__isnull=False).exists():
        return [permission_type for permission_type in types if permission_type != "publish"]
    return types


def withdraw_publishing(library):
    """A suspended library's team keeps editing drafts, but nothing it writes goes live without the moderators."""
    if library.editor_group_id is not None:
        publish = page_permission("publish")
        GroupPagePermission.objects.filter(group_id=library.editor_group_id, permission=publish).delete()


def library_collection(group, library):
    """The library's own image collection: the one its group already holds permissions on, else a new one."""
    existing = GroupCollectionPermission.objects.filter(group=group).select_related("collection").order_by("pk").first()
    if existing is not None:
        return existing.collection
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    return root.add_child(name=f"Bibliothek {library.pk}: {library.title}"[:255])


def library_collections(group):
    """The collections that are the library's own: where ``group`` holds permissions, except the shared one."""
    shared = shared_collection()
    collections = Collection.objects.filter(group_permissions__group=group).distinct().order_by("path")
    return list(collections.exclude(pk=shared.pk) if shared is not None else collections)


def shared_collection():
    """The collection every library may choose files from (``SHARED_COLLECTION``, by name), or None."""
    name = get_setting("SHARED_COLLECTION")
    return Collection.objects.filter(name=name).order_by("path").first() if name else None


def grant_file_permissions(group, collection, codenames_by_app):
    """Give ``group`` these image and document permissions in ``collection`` (Wagtail lets uploaders edit theirs)."""
    for app_label, codenames in codenames_by_app.items():
        for permission in Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def moderators_group():
    """The network moderators: they review join requests and may edit and publish every library profile."""
    group, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    group.permissions.add(admin_access_permission())
    for index in LibraryIndexPage.objects.all():
        grant_page_permissions(group, index, PAGE_PERMISSION_TYPES)
    return group


def join_workflow():
    """The workflow that a confirmed join request goes through: one approval by the moderators."""
    workflow, _created = Workflow.objects.get_or_create(name=JOIN_WORKFLOW, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=JOIN_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=JOIN_TASK)
    task.groups.add(moderators_group())
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def is_join_workflow_state(workflow_state):
    """Whether ``workflow_state`` is a run of the join workflow (the one ``join_workflow()`` sets up)."""
    return workflow_state is not None and workflow_state.workflow.name == JOIN_WORKFLOW


def ensure_network_setup(**kwargs):
    """Create the moderators group and the join workflow (run after every ``migrate``)."""
    join_workflow()


def is_member(user):
    """Whether ``user`` is a logged-in member of the network: in a library's team, a moderator or staff."""
    return is_network_member(user)
