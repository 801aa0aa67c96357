"""Edit panels the page models declare: the toolkit results as a checkbox list of the curated vocabulary."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .taxonomy import ToolkitResult


class ToolkitResultsField(forms.ModelMultipleChoiceField):
    """Toolkit results chosen by slug from the curated vocabulary, for a ``ClusterTaggableManager``.

    Wagtail's tag field drops a tag that is not in a vocabulary without free tagging, without a word to the
    editor; this field refuses it with a message instead, and shows each result's description.
    """

    widget = forms.CheckboxSelectMultiple
    default_error_messages = {
        "invalid_choice": _("“%(value)s” is not a toolkit result of the network. Please choose from the list."),
    }

    def __init__(self, *, tag_model=None, **kwargs):
        kwargs.pop("free_tagging", None)
        super().__init__((tag_model or ToolkitResult).objects.all(), to_field_name="slug", **kwargs)

    def clean(self, value):
        # A form with nothing ticked may still send the field once, empty.
        if isinstance(value, (list, tuple)):
            value = [item for item in value if item != ""]
        return super().clean(value)

    def label_from_instance(self, obj):
        if not obj.description:
            return obj.name
        return format_html('{} <span class="help">– {}</span>', obj.name, obj.description)


class ToolkitResultsPanel(FieldPanel):
    """A ``FieldPanel`` for ``toolkit_results`` that edits them with :class:`ToolkitResultsField`."""

    def get_form_options(self):
        options = super().get_form_options()
        if options:
            options["field_classes"] = {self.field_name: ToolkitResultsField}
        return options
