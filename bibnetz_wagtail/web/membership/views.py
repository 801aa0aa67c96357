"""The member area "Meine Bibliothek": the user's libraries, and their administrators' team actions."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ...models import Invitation, Membership, MembershipRole
from ...operations import team
from ...operations.errors import OperationError
from ..accounts.throttling import FixedWindow, wait_message
from ..responses import render_page
from .access import admin_library_or_response, my_library_url, notify, redirect_to_network_login
from .forms import InviteForm
from .invitation_mail import InvitationNotSent, send_invitation
from .overview import library_overviews

TEMPLATE = "bibnetz_wagtail/membership/my_library.html"
#: Invitation e-mails one user may send per hour: a team grows by a few people, a mail cannon by thousands.
INVITE_RATE = (20, 3600)


@require_http_methods(["GET", "HEAD"])
def my_library(request):
    """Every library the user belongs to, with its content, participations and team."""
    if not request.user.is_authenticated:
        return redirect_to_network_login(request)
    return render_my_library(request)


def render_my_library(request, invite_forms=None, status=200):
    context = {"title": _("My library"), "overviews": library_overviews(request, invite_forms)}
    return render_page(request, TEMPLATE, context, status=status)


def back_to(library):
    return redirect(f"{my_library_url()}#bibliothek-{library.pk}")


@require_http_methods(["GET", "HEAD", "POST"])
def invite_colleague(request, library_id):
    """Invite a colleague by e-mail (administrators of the library only); the form is on the member area page."""
    library, refusal = admin_library_or_response(request, library_id)
    if refusal:
        return refusal
    if request.method != "POST":
        return back_to(library)
    form = InviteForm(request.POST, library=library, auto_id=f"id_invite_{library.pk}_%s")
    if not form.is_valid():
        return render_my_library(request, {library.pk: form}, status=400)
    limit = FixedWindow("invite", INVITE_RATE)
    if not limit.hit(request.user.pk):
        form.add_error(None, wait_message(limit.retry_after()))
        return render_my_library(request, {library.pk: form}, status=429)
    try:
        invitation = team.invite(library, form.cleaned_data["email"], form.cleaned_data["role"], request.user)
    except OperationError as error:
        form.add_error(None, error.message)
        return render_my_library(request, {library.pk: form}, status=error.status)
    try:
        send_invitation(invitation)
    except InvitationNotSent:
        form.add_error(None, _("The invitation could not be sent by e-mail. Please try again later."))
        return render_my_library(request, {library.pk: form}, status=503)
    notify(request, messages.SUCCESS, _("The invitation to %(email)s has been sent.") % {"email": invitation.email})
    return back_to(library)


@require_POST
def revoke_invitation(request, library_id, invitation_id):
    """Withdraw an open invitation (administrators of the library only)."""
    library, refusal = admin_library_or_response(request, library_id)
    if refusal:
        return refusal
    invitation = get_object_or_404(Invitation, pk=invitation_id, library=library)
    if team.revoke_invitation(invitation, request.user):
        message = _("The invitation to %(email)s has been revoked.") % {"email": invitation.email}
        notify(request, messages.SUCCESS, message)
    else:
        notify(request, messages.ERROR, _("This invitation is no longer open."))
    return back_to(library)


@require_POST
def remove_colleague(request, library_id, membership_id):
    """Remove a member from the library's team; the last administrator stays (administrators only)."""
    library, refusal = admin_library_or_response(request, library_id)
    if refusal:
        return refusal
    membership = get_object_or_404(Membership.objects.select_related("user"), pk=membership_id, library=library)
    try:
        team.remove_member(membership, request.user)
    except team.LastAdminError as error:
        notify(request, messages.ERROR, error.message)
    else:
        message = _("%(name)s no longer belongs to the team.") % {"name": team.member_name(membership)}
        notify(request, messages.SUCCESS, message)
    return back_to(library)


@require_POST
def change_colleague_role(request, library_id, membership_id):
    """Make a member an administrator or an editor; the last administrator stays (administrators only)."""
    library, refusal = admin_library_or_response(request, library_id)
    if refusal:
        return refusal
    membership = get_object_or_404(Membership.objects.select_related("user"), pk=membership_id, library=library)
    role = request.POST.get("role", "")
    if role not in MembershipRole.values:
        notify(request, messages.ERROR, _("Please choose a role: administrator or editor."))
        return back_to(library)
    try:
        team.change_role(membership, role, request.user)
    except team.LastAdminError as error:
        notify(request, messages.ERROR, error.message)
    else:
        message = _("%(name)s is now %(role)s.") % {
            "name": team.member_name(membership),
            "role": MembershipRole(role).label,
        }
        notify(request, messages.SUCCESS, message)
    return back_to(library)
