"""Forms of the member area: inviting a colleague, and creating an account from an invitation."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ...models import Membership, MembershipRole
from ...operations.team import open_invitations, users_with_email
from ..accounts.passwords import network_password_help_text, validate_network_password

#: More open invitations than a library's team would ever need hint at misuse of the mail form.
MAX_OPEN_INVITATIONS = 30


class InviteForm(forms.Form):
    """An administrator invites a colleague by e-mail, as administrator or editor."""

    # The address becomes the username, which Django's user model limits to 150 characters.
    email = forms.EmailField(label=_("E-mail address of your colleague"), max_length=150)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=MembershipRole.choices,
        initial=MembershipRole.EDITOR,
        help_text=_("Editors edit the library's pages; administrators can also invite and remove colleagues."),
    )

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.library = library

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        members = Membership.objects.filter(library=self.library, user__in=users_with_email(email))
        if members.exists():
            message = _("This person already belongs to the team of %(library)s.")
            raise ValidationError(message % {"library": self.library.title})
        others = open_invitations(self.library).exclude(email__iexact=email)
        if others.count() >= MAX_OPEN_INVITATIONS:
            raise ValidationError(
                _("There are already %(count)d open invitations. Please revoke some before inviting more people.")
                % {"count": MAX_OPEN_INVITATIONS}
            )
        return email


class AcceptInvitationForm(forms.Form):
    """An empty form: the logged-in invitee confirms with one click (a POST, so a link preview cannot accept)."""


class InvitationAccountForm(forms.Form):
    """A new account for an invited colleague; the e-mail address is the one the invitation was sent to."""

    email = forms.EmailField(label=_("E-mail address"), disabled=True, required=False)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Repeat the password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.fields["email"].initial = invitation.email
        self.fields["password1"].help_text = network_password_help_text()

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords do not match."))
        elif password1:
            try:
                validate_network_password(password1, self.new_user())
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def new_user(self):
        """The (unsaved) account: username is the lower-cased e-mail address, the network's convention."""
        user_model = get_user_model()
        user = user_model(**{user_model.USERNAME_FIELD: self.invitation.email.lower()})
        setattr(user, user_model.get_email_field_name(), self.invitation.email)
        user.first_name = self.cleaned_data.get("first_name", "")
        user.last_name = self.cleaned_data.get("last_name", "")
        user.is_active = True
        return user
