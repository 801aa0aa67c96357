"""The Wagtail admin API's image and document listings, limited to the collections the user may choose from.

Wagtail's own endpoints list every image and document of the site to anyone with admin access; in a network
each library's files are its own (see ``permissions.ensure_library_group``).
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permission_policies.collections import CollectionPermissionPolicy


def choosable(viewset, queryset):
    """``queryset`` cut to the files in collections where the request's user has the "choose" permission."""
    policy = CollectionPermissionPolicy(queryset.model)
    allowed = policy.instances_user_has_any_permission_for(viewset.request.user, ["choose"])
    return queryset.filter(pk__in=allowed.values("pk"))


class OwnImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return choosable(self, super().get_queryset())


class OwnDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return choosable(self, super().get_queryset())


def register_own_file_endpoints(router):
    """Replaces Wagtail's endpoints of the same names (registered after them, see wagtail_hooks)."""
    router.register_endpoint("images", OwnImagesAdminAPIViewSet)
    router.register_endpoint("documents", OwnDocumentsAdminAPIViewSet)
