"""The link that confirms a join application's e-mail address: a signed token, and reading it back."""

from django.core import signing
from django.urls import reverse

from ...conf import get_setting
from ...models import JoinRequest, JoinRequestState
from ...operations.joining import application_deadline
from ..links import absolute_url

SALT = "bibnetz_wagtail.join"


class LinkError(Exception):
    """A confirmation link that cannot be used; ``reason`` is "invalid", "expired", "gone" or "used"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def make_token(join):
    # The creation time tells a replaced application from its successor, which may get the same ids again.
    payload = {"join": join.pk, "user": join.user_id, "created": join.created_at.isoformat()}
    return signing.dumps(payload, salt=SALT, compress=True)


def verify_url(join):
    return absolute_url(reverse("bibnetz:join_verify", args=[make_token(join)]))


def read_token(token):
    """The unverified join request of a confirmation link, or ``LinkError``."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=get_setting("JOIN_LINK_MAX_AGE"))
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    if not isinstance(payload, dict):
        raise LinkError("invalid")
    join = (
        JoinRequest.objects.select_related("user", "library")
        .filter(pk=payload.get("join"), user_id=payload.get("user"))
        .first()
    )
    if join is None or join.library is None or join.created_at.isoformat() != payload.get("created"):
        # Signed by the site, so it was a real application: replaced by a newer one or expired and removed.
        raise LinkError("gone")
    if join.state != JoinRequestState.UNVERIFIED:
        raise LinkError("used")
    if join.created_at < application_deadline():
        raise LinkError("expired")
    return join
