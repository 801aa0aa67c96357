"""URLs of the membership part of the network's front end: "Meine Bibliothek" and invitations."""

from django.urls import path, register_converter

from ...ids import IdConverter
from . import invitations, views

register_converter(IdConverter, "bibnetz_id")

urlpatterns = [
    path("meine-bibliothek/", views.my_library, name="my_library"),
    path("meine-bibliothek/<bibnetz_id:library_id>/einladen/", views.invite_colleague, name="invite"),
    path(
        "meine-bibliothek/<bibnetz_id:library_id>/einladungen/<bibnetz_id:invitation_id>/zurueckziehen/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
    path(
        "meine-bibliothek/<bibnetz_id:library_id>/mitglieder/<bibnetz_id:membership_id>/entfernen/",
        views.remove_colleague,
        name="remove_member",
    ),
    path(
        "meine-bibliothek/<bibnetz_id:library_id>/mitglieder/<bibnetz_id:membership_id>/rolle/",
        views.change_colleague_role,
        name="change_member_role",
    ),
    path("einladung/<str:token>/", invitations.invitation, name="invitation"),
]
