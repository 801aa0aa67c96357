"""The forms of taking part in calls: asking to join, and an optional note with a decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 2000
NOTE_MAX_LENGTH = 1000
#: The largest page id; a longer number would overflow the database's integer column instead of failing validation.
MAX_PAGE_ID = 2**31 - 1


class LibraryChoiceField(forms.ModelChoiceField):
    """A choice among the user's libraries that refuses ids no page can have before asking the database."""

    def to_python(self, value):
        if value not in self.empty_values and not (str(value).isdigit() and int(value) <= MAX_PAGE_ID):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ParticipationRequestForm(forms.Form):
    """A library asks to join a call; a member of several libraries chooses which one asks."""

    library = LibraryChoiceField(
        label=_("Our library"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Please choose one of your own libraries.")},
    )
    message = forms.CharField(
        label=_("Message to the library"),
        help_text=_("What can your library contribute, and who is your contact person?"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Please write a short message to the library.")},
    )

    def __init__(self, *args, libraries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = libraries
        self.only_library = libraries[0] if len(libraries) == 1 else None
        if self.only_library is not None:
            # Nothing to choose: the field is hidden, and a request without it means that library.
            self.fields["library"].widget = forms.HiddenInput()
            self.fields["library"].initial = self.only_library.pk
            self.fields["library"].required = False

    def clean_library(self):
        return self.cleaned_data.get("library") or self.only_library


class NoteForm(forms.Form):
    """An optional note that goes with accepting, declining or withdrawing, into the history and the e-mail."""

    note = forms.CharField(
        label=_("Note"), max_length=NOTE_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
