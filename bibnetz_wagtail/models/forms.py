"""Forms that belong to the models: the library profile's figures are typed as people in Germany write them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.collections import CollectionPermissionPolicy

from ..numbers import FLOOR_AREA, POPULATION, STAFF_FTE, use_figure_fields
from .slugs import GermanSlugPageForm

#: Field of the library profile -> the figure it holds (what it accepts, its limits and messages).
LIBRARY_FIGURES = {"population": POPULATION, "floor_area_m2": FLOOR_AREA, "staff_fte": STAFF_FTE}


class LibraryProfilePageForm(GermanSlugPageForm):
    """The admin's create and edit form of a library profile: „8.000“ and „2,5“ are read, not refused, and the
    slug is spelled in German ASCII like every page of the network's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_figure_fields(self, LIBRARY_FIGURES)

    def clean_image(self):
        """Only an image the editor may choose: the chooser shows no other, and a forged id must not pass either."""
        image = self.cleaned_data.get("image")
        # An image the profile already has stays, whoever chose it (e.g. a moderator from the shared collection).
        if image is None or image.pk == self.instance.image_id or self.for_user is None:
            return image
        if not may_choose(self.for_user, image):
            raise ValidationError(_("Please choose an image from your library's own collection."))
        return image


def may_choose(user, image):
    """Whether ``user`` may choose ``image`` (its collection grants them "choose", or they are a superuser)."""
    policy = CollectionPermissionPolicy(type(image))
    return policy.user_has_permission_for_instance(user, "choose", image)
