"""URLs of the membership part of the network's front end: "Meine Bibliothek" and invitations."""

from django.urls import path

from . import invitations, views

urlpatterns = [
    path("meine-bibliothek/", views.my_library, name="my_library"),
    path("meine-bibliothek/<int:library_id>/einladen/", views.invite_colleague, name="invite"),
    path(
        "meine-bibliothek/<int:library_id>/einladungen/<int:invitation_id>/zurueckziehen/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
    path(
        "meine-bibliothek/<int:library_id>/mitglieder/<int:membership_id>/entfernen/",
        views.remove_colleague,
        name="remove_member",
    ),
    path(
        "meine-bibliothek/<int:library_id>/mitglieder/<int:membership_id>/rolle/",
        views.change_colleague_role,
        name="change_member_role",
    ),
    path("einladung/<str:token>/", invitations.invitation, name="invitation"),
]
