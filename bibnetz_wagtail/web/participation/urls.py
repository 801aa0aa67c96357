"""URLs of the participation part of the network's front end: joining calls and deciding on requests."""

from django.urls import re_path

from . import views

# Ids are limited in length so that an absurdly long number is a 404, not a database overflow error.
CALL_ID = r"(?P<task_id>[0-9]{1,9})"
PARTICIPATION_ID = r"(?P<pk>[0-9]{1,18})"

urlpatterns = [
    re_path(rf"^aufrufe/{CALL_ID}/teilnehmen/$", views.join, name="participation_join"),
    re_path(rf"^teilnahmen/{PARTICIPATION_ID}/annehmen/$", views.accept, name="participation_accept"),
    re_path(rf"^teilnahmen/{PARTICIPATION_ID}/ablehnen/$", views.decline, name="participation_decline"),
    re_path(rf"^teilnahmen/{PARTICIPATION_ID}/zurueckziehen/$", views.withdraw, name="participation_withdraw"),
]
