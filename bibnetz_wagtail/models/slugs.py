"""German ASCII slugs for the network's pages: „Bücherei Groß Köris“ → ``buecherei-gross-koeris``.

Wagtail keeps the title's letters as they are (``bücherei-groß-köris``) or, without Unicode slugs, drops the
umlaut (``bucherei``). The network's addresses spell umlauts the German way, on every path that fills a slug:
the page editor (``GermanSlugPageForm``) and pages created in code (``GermanSlugMixin``).
"""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
#: The length of Wagtail's slug field.
MAX_SLUG_LENGTH = 255


def german_slug(text, max_length=80):
    """A URL slug that spells umlauts the German way (ä → ae, ß → ss) instead of dropping them."""
    slug = slugify(text.translate(UMLAUTS))
    return slug[:max_length].rstrip("-")


def free_slug(slug, parent, page):
    """``slug``, or ``slug-2``, ``slug-3`` … when a sibling below ``parent`` has it already."""
    candidate, number = slug, 1
    while not Page._slug_is_available(candidate, parent, page):
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


class GermanSlugMixin:
    """Pages created in code without a slug get the German ASCII slug of their title (Wagtail's would keep umlauts)."""

    def full_clean(self, *args, **kwargs):
        if not self.slug:
            self.fill_german_slug()
        super().full_clean(*args, **kwargs)

    def fill_german_slug(self):
        # Wagtail fills the slug only once the parent is known, from the tree path or from add_child().
        parent = self.get_parent() if self.path else getattr(self, "_cached_parent_obj", None)
        slug = german_slug(self.title or "", MAX_SLUG_LENGTH)
        if parent is not None and slug:
            self.slug = free_slug(slug, parent, self)


class GermanSlugPageForm(WagtailAdminPageForm):
    """The page editor: an empty slug is filled from the title, and a new page's slug is spelled in ASCII.

    The editor's script copies the title into the slug as it is, umlauts included; until the page is first
    published its slug is therefore transliterated. A published page keeps its address.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields and self.instance.first_published_at is None:
            self.fields["slug"].required = False

    def clean(self):
        if "slug" in self.cleaned_data and self.instance.first_published_at is None:
            self.spell_slug_in_ascii()
        return super().clean()

    def spell_slug_in_ascii(self):
        typed, title = self.cleaned_data["slug"], self.cleaned_data.get("title") or ""
        slug = german_slug(typed or title, MAX_SLUG_LENGTH)
        if not typed and not slug and title:
            self.add_error("slug", _("No address can be made from the title: please enter a slug."))
        elif slug and slug != typed:
            self.cleaned_data["slug"] = free_slug(slug, self.parent_page, self.instance)
