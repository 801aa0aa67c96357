"""Editing vocabulary terms: a slug that follows the name on new terms and is filled in when left empty."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.admin.widgets import SlugInput

# German readers expect "Leseförderung" to become "lesefoerderung", not "leseforderung".
GERMAN_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
SLUG_FORMATTERS = [("[äÄ]", "ae"), ("[öÖ]", "oe"), ("[üÜ]", "ue"), ("ß", "ss")]


def german_slugify(text):
    """An ASCII slug for a German term, with umlauts spelt out (ö → oe)."""
    return slugify(text.translate(GERMAN_TRANSLITERATION))


def slug_widget():
    """The admin's slug input, set to give the same ASCII slug as ``german_slugify``."""
    # The browser-side slugify keeps umlauts by default; these slugs must stay ASCII: they appear in
    # filter URLs, and the SlugFields of topics and target groups do not allow unicode.
    return SlugInput(formatters=SLUG_FORMATTERS, attrs={"data-w-slug-allow-unicode-value": "false"})


class NamePanel(TitleFieldPanel):
    """The name field; while a term is new, typing its name fills in the slug."""

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_should_apply(self):
            # Slugs are part of bookmarked filter URLs, so renaming a term must not change its slug.
            return self.instance is None or self.instance.pk is None


class VocabularyTermForm(WagtailAdminModelForm):
    """A term form whose slug may be left empty: it is then made from the name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Used in web addresses. Left empty, it is made from the name.")

    def clean(self):
        cleaned_data = super().clean()
        if "slug" in self.fields and not cleaned_data.get("slug") and cleaned_data.get("name"):
            cleaned_data["slug"] = german_slugify(cleaned_data["name"])
            if not cleaned_data["slug"]:
                self.add_error("slug", _("No slug could be made from this name; please enter one."))
        return cleaned_data


def term_panels(*extra_fields):
    """Name and slug, then ``extra_fields``: the panels of a vocabulary term's form."""
    return [
        NamePanel("name", placeholder=False),
        FieldPanel("slug", widget=slug_widget()),
        *(FieldPanel(name) for name in extra_fields),
    ]
