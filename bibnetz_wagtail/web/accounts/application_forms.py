"""The public form "Zugang beantragen": the library's profile figures, a contact, and the account."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ...models import LibraryProfilePage
from ...models.forms import LIBRARY_FIGURES
from ...numbers import use_figure_fields
from ...operations.joining import split_name
from .passwords import network_password_help_text, validate_network_password

HONEYPOT = "homepage"


class ApplicationForm(forms.ModelForm):
    """Profile fields come from the model, so the application form checks exactly what the admin's editor checks."""

    email = forms.EmailField(
        label=_("E-mail address"),
        # The address is also the username, which Django's user model limits to 150 characters.
        max_length=150,
        help_text=_("You log in with this address; we send the confirmation link to it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy note and agree that the network stores these details."),
        error_messages={"required": _("Please agree to the privacy note.")},
    )
    # Invisible to people (see includes/form.html); bots that fill every field give themselves away.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"class": "bibnetz-honeypot", "autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = LibraryProfilePage
        fields = [
            "title",
            "municipality",
            "state",
            "library_type",
            "population",
            "floor_area_m2",
            "staff_fte",
            "contact_person",
        ]
        labels = {"title": _("Name of the library")}
        help_texts = {"title": _("As it should appear on the library's public profile.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_figure_fields(self, LIBRARY_FIGURES)
        self.fields["contact_person"].required = True
        self.fields["password1"].help_text = network_password_help_text()
        self.order_fields([*self.Meta.fields, "email", "password1", "password2", "consent", HONEYPOT])

    @property
    def is_spam(self):
        """Whether the honeypot was filled; such a request is answered like a success and does nothing."""
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned_data = super().clean()
        password1, password2 = cleaned_data.get("password1"), cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", ValidationError(_("The two passwords differ."), code="password_mismatch"))
        elif password1:
            try:
                validate_network_password(password1, self.unsaved_user())
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned_data

    def unsaved_user(self):
        """The account as it would be created, so the similarity validator compares against its details."""
        email = self.cleaned_data.get("email", "")
        first_name, last_name = split_name(self.cleaned_data.get("contact_person", ""))
        return get_user_model()(username=email, email=email, first_name=first_name, last_name=last_name)


class ConfirmApplicationForm(forms.Form):
    """Confirming an application takes the password chosen in it: only the person who applied knows it.

    Someone else may have applied with this address; whoever opens the link without that password cannot
    confirm that stranger's data and account, and applies anew instead, which replaces it.
    """

    password = forms.CharField(
        label=_("The password you chose when applying"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Please enter the password you chose when applying.")},
    )

    def __init__(self, applicant, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.applicant = applicant

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.applicant.check_password(password):
            raise ValidationError(
                _(
                    "This is not the password of this application. If you did not apply yourself, please ignore "
                    "the e-mail. If you forgot the password, fill in the form again: your new application "
                    "replaces this one."
                ),
                code="wrong_password",
            )
        return password
