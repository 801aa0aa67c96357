"""The domain operations called directly, as a command or script would: no request, no view, no e-mail."""

from decimal import Decimal

import pytest
from django.core import mail

from bibnetz_wagtail.models import (
    Invitation,
    JoinRequest,
    JoinRequestState,
    LibraryProfilePage,
    Membership,
    MembershipRole,
    ParticipationState,
)
from bibnetz_wagtail.operations import joining, participation, team
from bibnetz_wagtail.operations.errors import InvalidState, NotAllowed, OperationError

from ..membership_net import member

pytestmark = pytest.mark.django_db

MESSAGE = "Wir bringen unseren Veranstaltungsraum mit."


class TestParticipation:
    def test_the_whole_life_of_a_request_without_a_request(self, net):
        asked = participation.join(net["call_a"], net["b"], net["editor_b"], MESSAGE)
        assert asked.state == ParticipationState.REQUESTED and asked.events.count() == 1
        # A form sent twice counts once, and the caller learns that nothing happened.
        assert participation.join(net["call_a"], net["b"], net["editor_b"], MESSAGE) is None
        accepted = participation.accept(asked, net["admin_a"], note="Willkommen")
        assert accepted.state == ParticipationState.ACCEPTED
        assert list(accepted.events.values_list("state", flat=True)) == ["requested", "accepted"]
        assert mail.outbox == []

    def test_refusals_say_who_may_do_what(self, net):
        asked = participation.join(net["call_a"], net["b"], net["editor_b"], MESSAGE)
        with pytest.raises(NotAllowed) as refused:
            participation.accept(asked, net["editor_b"])
        assert refused.value.status == 403 and "Nur Mitglieder der Bibliothek, die den Aufruf" in str(
            refused.value.message
        )
        with pytest.raises(NotAllowed):
            participation.join(net["call_a"], net["a"], net["admin_a"], MESSAGE)
        participation.decline(asked, net["admin_a"])
        with pytest.raises(InvalidState) as invalid:
            participation.withdraw(asked, net["editor_b"])
        assert invalid.value.status == 409 and isinstance(invalid.value, OperationError)

    def test_the_network_may_take_any_allowed_step(self, net):
        asked = participation.join(net["call_a"], net["b"], net["editor_b"], MESSAGE)
        outsider = member("jemand@example.org")
        with pytest.raises(NotAllowed):
            participation.change_state(asked, ParticipationState.ACCEPTED, outsider)
        moved = participation.change_state(asked, ParticipationState.ACCEPTED, outsider, network=True)
        assert moved.state == ParticipationState.ACCEPTED and moved.events.last().actor == outsider


class TestTeam:
    def test_only_administrators_change_the_team(self, net):
        editor = Membership.objects.get(user=net["editor_a"])
        with pytest.raises(NotAllowed):
            team.remove_member(editor, net["editor_a"])
        with pytest.raises(NotAllowed):
            team.invite(net["a"], "neu@ahorn.example", MembershipRole.EDITOR, net["editor_b"])
        team.change_role(editor, MembershipRole.ADMIN, net["admin_a"])
        assert Membership.objects.get(pk=editor.pk).role == MembershipRole.ADMIN

    def test_the_last_administrator_stays(self, net):
        admin = Membership.objects.select_related("user", "library").get(user=net["admin_a"])
        with pytest.raises(team.LastAdminError) as refused:
            team.change_role(admin, MembershipRole.EDITOR, net["admin_a"])
        assert "Stadtbibliothek Ahornstadt" in str(refused.value.message)
        with pytest.raises(team.LastAdminError):
            team.remove_member(admin, net["admin_a"])
        assert Membership.objects.filter(pk=admin.pk, role=MembershipRole.ADMIN).exists()

    def test_an_invitation_is_made_used_and_closed_without_mail(self, net):
        invitation = team.invite(net["a"], "neu@ahorn.example", MembershipRole.EDITOR, net["admin_a"])
        assert invitation.invited_by == net["admin_a"] and mail.outbox == []
        with pytest.raises(NotAllowed):
            team.accept_invitation(invitation, net["editor_b"])
        newcomer = member("neu@ahorn.example")
        assert team.accept_invitation(invitation, newcomer) is True
        assert Membership.objects.filter(user=newcomer, library=net["a"], role=MembershipRole.EDITOR).exists()
        assert team.accept_invitation(invitation, newcomer) is False
        assert team.revoke_invitation(invitation, net["admin_a"]) is False
        assert Invitation.objects.filter(pk=invitation.pk).exists()


def unsaved_profile(title="Gemeindebücherei Lindenau"):
    return LibraryProfilePage(
        title=title,
        municipality="Lindenau",
        state="BY",
        library_type="municipal",
        population=4200,
        floor_area_m2=180,
        staff_fte=Decimal("1.5"),
        contact_person="Erika Mustermann",
    )


class TestJoining:
    def test_apply_replace_confirm_and_decide(self, index, moderator):
        first, account = joining.submit_application(unsaved_profile(), "leitung@linden.example", "Pass-1-lang", index)
        assert account is None and first.state == JoinRequestState.UNVERIFIED and not first.user.is_active
        assert (first.user.first_name, first.user.last_name) == ("Erika", "Mustermann")
        # Nobody confirmed the first application yet: the second one for the address replaces it.
        second, _ = joining.submit_application(unsaved_profile("Neue Bücherei"), "leitung@linden.example", "P-2", index)
        assert list(JoinRequest.objects.values_list("pk", flat=True)) == [second.pk]
        assert list(LibraryProfilePage.objects.values_list("title", flat=True)) == ["Neue Bücherei"]
        confirmed = joining.confirm(second)
        assert confirmed.state == JoinRequestState.PENDING
        with pytest.raises(InvalidState):
            joining.confirm(second)
        assert joining.reject_join(second.library_id, "Bitte Fläche prüfen").state == JoinRequestState.REJECTED
        approved = joining.approve_join(second.library_id)
        assert approved.state == JoinRequestState.APPROVED and approved.user.is_active
        assert mail.outbox == []

    def test_an_address_with_an_account_is_only_reported(self, index_pages, net):
        index = index_pages["libraries"]
        join, account = joining.submit_application(unsaved_profile(), "LEITUNG@ahorn.example", "Pass-1-lang", index)
        assert join is None and account == net["admin_a"]
        assert not JoinRequest.objects.exists()
