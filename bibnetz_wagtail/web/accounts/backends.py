"""Logging in with the e-mail address, on the front end and in the Wagtail admin."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Authenticate by e-mail address (case-insensitive); inactive users are refused as by ``ModelBackend``.

    Host sites list it after ``ModelBackend`` in ``AUTHENTICATION_BACKENDS``, so usernames keep working.
    """

    def authenticate(self, request, username=None, password=None, email=None, **kwargs):
        user_model = get_user_model()
        address = (email or username or "").strip()
        if not address or "@" not in address or password is None:
            return None
        email_field = user_model.get_email_field_name()
        candidates = list(user_model._default_manager.filter(**{f"{email_field}__iexact": address}).order_by("pk"))
        if not candidates:
            # Run the hasher once, so that an unknown address takes as long as a wrong password (#20760).
            user_model().set_password(password)
            return None
        for user in candidates:
            if user.check_password(password) and self.user_can_authenticate(user):
                return user
        return None
