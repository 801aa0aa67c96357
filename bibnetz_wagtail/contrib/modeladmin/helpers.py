"""Permission helpers for records the website creates and editors only look after."""

from wagtail_modeladmin.helpers import PermissionHelper


class NoCreatePermissionHelper(PermissionHelper):
    """Nobody adds these records in the admin: the website's own forms create them."""

    def user_can_create(self, user):
        """Always ``False``; editors may still view, change and delete existing records."""
        return False
