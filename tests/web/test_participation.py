"""Joining calls: the whole flow through the real URLs, capacity, who may do what, history, e-mails and CSRF."""

import datetime
import re
from html import unescape
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from bibnetz_wagtail.demo.participants import add_participants
from bibnetz_wagtail.models import LibraryProfilePage, Membership, Participation, ParticipationEvent, TaskSharePage

from ..factories import LibraryProfilePageFactory, TaskSharePageFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Wir bringen zwei Kolleginnen und unseren Veranstaltungsraum mit."


def member(email, *libraries, role="admin"):
    """A user who is a member of ``libraries``."""
    user = get_user_model().objects.create_user(username=email, email=email, password="geheim-und-lang-genug")
    for library in libraries:
        Membership.objects.create(user=user, library=library, role=role)
    return user


@pytest.fixture
def net(index_pages):
    """Libraries A (with a call), B and C, one member each, and a user without a library."""
    parent = index_pages["libraries"]
    a = LibraryProfilePageFactory(parent=parent, title="Stadtbibliothek Ahornstadt", contact_email="info@ahorn.example")
    b = LibraryProfilePageFactory(parent=parent, title="Gemeindebücherei Birkenau", contact_email="info@birke.example")
    c = LibraryProfilePageFactory(parent=parent, title="Bücherei Cederfeld", contact_email="")
    return {
        "a": a,
        "b": b,
        "c": c,
        "call": TaskSharePageFactory(parent=a, title="Lesesommer gemeinsam planen", partners_wanted=2),
        "user_a": member("leitung@ahorn.example", a),
        "user_b": member("leitung@birke.example", b, role="editor"),
        "user_c": member("leitung@ceder.example", c),
        "outsider": member("jemand@example.org"),
    }


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def join_url(call):
    return reverse("bibnetz:participation_join", args=[call.pk])


def step_url(action, participation):
    return reverse(f"bibnetz:participation_{action}", args=[participation.pk])


def join(user, call, library=None, message=MESSAGE):
    data = {"message": message}
    if library is not None:
        data["library"] = getattr(library, "pk", library)
    return client_for(user).post(join_url(call), data)


def text(response):
    return unescape(re.sub(r"\s+", " ", response.content.decode()))


def login_url():
    try:
        return reverse("bibnetz:login")
    except NoReverseMatch:
        return settings.LOGIN_URL


def history(participation):
    return list(ParticipationEvent.objects.filter(participation=participation).values_list("state", "actor__email"))


# --- The whole flow ---------------------------------------------------------------------------------


def test_join_accept_withdraw_and_join_again(net):
    call, user_a, user_b = net["call"], net["user_a"], net["user_b"]

    page = client_for(user_b).get(call.url)
    assert f'action="{join_url(call)}"' in page.content.decode()
    assert "Teilnahme anfragen" in text(page)

    response = join(user_b, call)
    assert response.status_code == 302
    assert response["Location"] == f"{call.url}#bibnetz-participation"
    participation = Participation.objects.get()
    assert (participation.library, participation.state, participation.message) == (net["b"], "requested", MESSAGE)
    assert participation.created_by == user_b

    # The call's library hears of it: its members and its contact address, in German.
    assert len(mail.outbox) == 1
    request_mail = mail.outbox[0]
    assert sorted(request_mail.to) == ["info@ahorn.example", "leitung@ahorn.example"]
    assert "Gemeindebücherei Birkenau" in request_mail.subject
    assert "Lesesommer gemeinsam planen" in request_mail.subject
    assert "möchte" in request_mail.subject
    assert MESSAGE in request_mail.body and f"{settings.WAGTAILADMIN_BASE_URL}{call.url}" in request_mail.body
    assert MESSAGE in request_mail.alternatives[0].content

    # The requester sees a confirmation on the call page, and its request there.
    html = text(client_for(user_b).get(call.url))
    assert "Gemeindebücherei Birkenau" in html and "Angefragt" in html

    # The call's library sees the request with its message, and accepts it.
    html = text(client_for(user_a).get(call.url))
    assert MESSAGE in html and step_url("accept", participation) in html
    response = client_for(user_a).post(step_url("accept", participation))
    assert response.status_code == 302
    participation.refresh_from_db()
    assert participation.state == "accepted"
    assert len(mail.outbox) == 2
    assert sorted(mail.outbox[1].to) == ["info@birke.example", "leitung@birke.example"]
    assert "Lesesommer gemeinsam planen" in mail.outbox[1].subject
    assert "angenommen" in mail.outbox[1].body
    assert "1 von 2 Partnerbibliotheken gefunden" in text(client_for(user_a).get(call.url))

    # B withdraws: the slot is free again and A is told.
    response = client_for(user_b).post(step_url("withdraw", participation), {"note": "Leider fehlt uns Personal."})
    assert response.status_code == 302
    participation.refresh_from_db()
    assert participation.state == "withdrawn"
    assert sorted(mail.outbox[2].to) == ["info@ahorn.example", "leitung@ahorn.example"]
    assert "Leider fehlt uns Personal." in mail.outbox[2].body
    assert "0 von 2 Partnerbibliotheken gefunden" in text(client_for(user_a).get(call.url))

    # After withdrawing, B may ask again; the same participation goes back to "requested".
    assert join(user_b, call, message="Jetzt klappt es doch.").status_code == 302
    participation.refresh_from_db()
    assert (participation.state, participation.message) == ("requested", "Jetzt klappt es doch.")
    assert Participation.objects.count() == 1

    assert history(participation) == [
        ("requested", "leitung@birke.example"),
        ("accepted", "leitung@ahorn.example"),
        ("withdrawn", "leitung@birke.example"),
        ("requested", "leitung@birke.example"),
    ]
    events = list(participation.events.all())
    assert all(event.created_at <= timezone.now() for event in events)
    assert events[2].note == "Leider fehlt uns Personal."


def test_decline_tells_the_requesting_library_with_the_reason(net):
    join(net["user_b"], net["call"])
    participation = Participation.objects.get()
    response = client_for(net["user_a"]).post(step_url("decline", participation), {"note": "Das Thema passt nicht."})
    assert response.status_code == 302
    participation.refresh_from_db()
    assert participation.state == "declined"
    assert "abgelehnt" in mail.outbox[-1].subject and "Das Thema passt nicht." in mail.outbox[-1].body
    assert history(participation)[-1] == ("declined", "leitung@ahorn.example")
    # A declined library cannot ask again.
    response = join(net["user_b"], net["call"])
    assert response.status_code == 409
    assert "abgelehnt" in text(response)


def test_a_member_of_several_libraries_chooses_which_one_joins(net):
    both = member("verbund@example.org", net["b"], net["c"])
    page = text(client_for(both).get(net["call"].url))
    assert '<select name="library"' in page
    assert join(both, net["call"], library=net["c"]).status_code == 302
    assert Participation.objects.get().library == net["c"]
    # The choice offers only their own libraries.
    response = join(both, net["call"], library=net["a"])
    assert response.status_code == 400
    assert "Bitte wählen Sie eine Ihrer eigenen Bibliotheken." in text(response)


def test_a_member_of_the_calling_library_and_another_one_joins_with_the_other(net):
    both = member("beide@example.org", net["a"], net["b"])
    response = join(both, net["call"], library=net["a"])
    assert response.status_code == 400
    assert Participation.objects.count() == 0
    assert join(both, net["call"], library=net["b"]).status_code == 302


def test_join_page_alone_and_with_errors(net):
    client = client_for(net["user_b"])
    assert client.get(join_url(net["call"])).status_code == 200
    response = client.post(join_url(net["call"]), {"message": "  "})
    assert response.status_code == 400
    assert "Bitte schreiben Sie der Bibliothek eine kurze Nachricht." in text(response)
    response = client.post(join_url(net["call"]), {"message": "x" * 2001})
    assert response.status_code == 400
    assert Participation.objects.count() == 0
    assert mail.outbox == []


# --- Capacity and the call's status -----------------------------------------------------------------


def test_a_full_call_takes_no_more_acceptances_and_no_new_requests(net):
    call = net["call"]
    call.partners_wanted = 1
    call.save()
    join(net["user_b"], call)
    join(net["user_c"], call)
    first, second = Participation.objects.order_by("pk")
    client_a = client_for(net["user_a"])
    assert client_a.post(step_url("accept", first)).status_code == 302

    response = client_a.post(step_url("accept", second))
    assert response.status_code == 409
    assert "alle gesuchten Partnerbibliotheken gefunden" in text(response)
    second.refresh_from_db()
    assert second.state == "requested"

    late = LibraryProfilePageFactory(parent=net["a"].get_parent(), title="Stadtbücherei Dornhagen")
    response = join(member("team@dorn.example", late), call)
    assert response.status_code == 409
    assert Participation.objects.filter(library=late).count() == 0

    page = text(client_a.get(call.url))
    assert "1 von 1 Partnerbibliothek gefunden" in page
    assert step_url("accept", second) not in page
    # Declining still works, and a withdrawal opens the call again.
    assert client_a.post(step_url("decline", second)).status_code == 302
    assert client_for(net["user_b"]).post(step_url("withdraw", first)).status_code == 302
    assert join(member("team2@dorn.example", late), call).status_code == 302


@pytest.mark.parametrize("status", ["closed", "done", "in_progress"])
def test_joining_needs_an_open_call(net, status):
    call = net["call"]
    call.status = status
    call.save()
    response = join(net["user_b"], call)
    assert response.status_code == 409
    assert "nicht mehr offen" in text(response)
    assert client_for(net["user_b"]).get(join_url(call)).status_code == 409
    assert Participation.objects.count() == 0
    assert "Teilnahme anfragen" not in text(client_for(net["user_b"]).get(call.url))


@pytest.mark.parametrize("status, allowed", [("closed", False), ("done", False), ("in_progress", True)])
def test_acceptance_stops_when_done_or_closed(net, status, allowed):
    join(net["user_b"], net["call"])
    call = net["call"]
    call.status = status
    call.save()
    response = client_for(net["user_a"]).post(step_url("accept", Participation.objects.get()))
    assert response.status_code == (302 if allowed else 409)
    assert Participation.objects.get().state == ("accepted" if allowed else "requested")


def test_joining_after_the_deadline_is_refused(net):
    call = net["call"]
    call.deadline = timezone.localdate() - datetime.timedelta(days=1)
    call.save()
    response = join(net["user_b"], call)
    assert response.status_code == 409
    assert "Frist" in text(response)


# --- Who may do what --------------------------------------------------------------------------------


def test_a_library_cannot_join_its_own_call(net):
    response = join(net["user_a"], net["call"])
    assert response.status_code == 403
    assert "eigenen Aufruf" in text(response)
    assert Participation.objects.count() == 0


def test_joining_twice_is_refused(net):
    assert join(net["user_b"], net["call"]).status_code == 302
    colleague = member("kollegin@birke.example", net["b"], role="editor")
    response = join(colleague, net["call"])
    assert response.status_code == 409
    assert "bereits" in text(response)
    assert Participation.objects.count() == 1
    assert len(mail.outbox) == 1


def test_users_without_a_library_cannot_join(net):
    response = join(net["outsider"], net["call"])
    assert response.status_code == 403
    assert "Nur Mitglieder einer Bibliothek" in text(response)
    assert Participation.objects.count() == 0


def test_anonymous_visitors_are_sent_to_the_login(net):
    call = net["call"]
    response = Client().post(join_url(call), {"message": MESSAGE})
    assert response.status_code == 302
    assert response["Location"].startswith(login_url() + "?next=")
    assert Participation.objects.count() == 0

    join(net["user_b"], call)
    participation = Participation.objects.get()
    for action in ("accept", "decline", "withdraw"):
        response = Client().post(step_url(action, participation), HTTP_REFERER=f"http://testserver{call.url}")
        assert response.status_code == 302
        assert response["Location"] == f"{login_url()}?next=http%3A//testserver{call.url}"
    response = Client().post(step_url("accept", participation), HTTP_REFERER="https://evil.example/")
    assert response["Location"] == f"{login_url()}?next=/"
    participation.refresh_from_db()
    assert participation.state == "requested"


def test_only_the_calling_library_decides_and_only_the_requester_withdraws(net):
    join(net["user_b"], net["call"])
    participation = Participation.objects.get()
    for user in (net["user_b"], net["user_c"], net["outsider"]):
        for action in ("accept", "decline"):
            response = client_for(user).post(step_url(action, participation))
            assert response.status_code == 403
            assert "Nur Mitglieder der Bibliothek, die den Aufruf veröffentlicht hat" in text(response)
    for user in (net["user_a"], net["user_c"]):
        assert client_for(user).post(step_url("withdraw", participation)).status_code == 403
    participation.refresh_from_db()
    assert participation.state == "requested"
    assert history(participation) == [("requested", "leitung@birke.example")]


def test_editors_of_the_calling_library_decide_too(net):
    editor = member("redaktion@ahorn.example", net["a"], role="editor")
    join(net["user_b"], net["call"])
    assert client_for(editor).post(step_url("accept", Participation.objects.get())).status_code == 302
    assert history(Participation.objects.get())[-1] == ("accepted", "redaktion@ahorn.example")


def test_invalid_steps_answer_409_with_a_german_message(net):
    join(net["user_b"], net["call"])
    participation = Participation.objects.get()
    client_a, client_b = client_for(net["user_a"]), client_for(net["user_b"])
    assert client_b.post(step_url("withdraw", participation)).status_code == 302

    response = client_a.post(step_url("accept", participation))
    assert response.status_code == 409
    assert "„Zurückgezogen“" in text(response)
    assert client_a.post(step_url("decline", participation)).status_code == 409
    assert client_b.post(step_url("withdraw", participation)).status_code == 409
    assert len(history(participation)) == 2


def test_steps_are_post_only_and_unknown_ids_are_404(net):
    join(net["user_b"], net["call"])
    participation = Participation.objects.get()
    client_a = client_for(net["user_a"])
    assert client_a.get(step_url("accept", participation)).status_code == 405
    assert client_a.post(reverse("bibnetz:participation_accept", args=[999999])).status_code == 404
    assert client_a.get(reverse("bibnetz:participation_join", args=[999999])).status_code == 404


def test_draft_calls_cannot_be_joined(net):
    call = net["call"]
    call.unpublish()
    assert join(net["user_b"], call).status_code == 404


def test_a_note_that_is_too_long_is_refused(net):
    join(net["user_b"], net["call"])
    participation = Participation.objects.get()
    response = client_for(net["user_a"]).post(step_url("decline", participation), {"note": "x" * 1001})
    assert response.status_code == 400
    assert Participation.objects.get().state == "requested"


def test_next_may_point_into_the_site_only(net):
    join(net["user_b"], net["call"])
    participation = Participation.objects.get()
    response = client_for(net["user_a"]).post(step_url("accept", participation), {"next": "https://evil.example/"})
    assert response["Location"] == f"{net['call'].url}#bibnetz-participation"
    response = client_for(net["user_b"]).post(step_url("withdraw", participation), {"next": "/netzwerk/"})
    assert response["Location"] == "/netzwerk/"


def test_a_broken_mail_server_does_not_break_the_step(net, monkeypatch):
    def broken(self, *args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
    assert join(net["user_b"], net["call"]).status_code == 302
    assert Participation.objects.get().state == "requested"


# --- What the call's page shows ---------------------------------------------------------------------


def test_participants_are_for_members_only(net):
    call = net["call"]
    join(net["user_b"], call)
    join(net["user_c"], call, message="Geheime Nachricht an Ahornstadt")
    client_for(net["user_a"]).post(step_url("accept", Participation.objects.get(library=net["b"])))
    client_for(net["user_a"]).post(step_url("decline", Participation.objects.get(library=net["c"])))

    anonymous = text(Client().get(call.url))
    assert "1 von 2 Partnerbibliotheken gefunden" in anonymous and "1 weitere wird gesucht" in anonymous
    for hidden in ("Gemeindebücherei Birkenau", "Bücherei Cederfeld", MESSAGE, "Angenommen"):
        assert hidden not in anonymous
    assert login_url() in anonymous

    # Other members see the active participants, without messages or declined requests.
    other = member("leitung@eiche.example", LibraryProfilePageFactory(parent=net["a"].get_parent()))
    html = text(client_for(other).get(call.url))
    assert "Gemeindebücherei Birkenau" in html and "Angenommen" in html
    assert "Bücherei Cederfeld" not in html and MESSAGE not in html
    assert "Geheime Nachricht" not in html

    # The calling library sees everything; a requester sees its own request and message.
    html = text(client_for(net["user_a"]).get(call.url))
    assert "Bücherei Cederfeld" in html and "Abgelehnt" in html and "Geheime Nachricht" in html
    html = text(client_for(net["user_c"]).get(call.url))
    assert "Bücherei Cederfeld" in html and "Geheime Nachricht" in html and MESSAGE not in html


# --- CSRF -------------------------------------------------------------------------------------------


def test_csrf_is_enforced_on_every_participation_form(net):
    call = net["call"]
    client_b = Client(enforce_csrf_checks=True)
    client_b.force_login(net["user_b"])
    assert client_b.post(join_url(call), {"message": MESSAGE}).status_code == 403
    assert Participation.objects.count() == 0

    # With the token from the call's page it goes through.
    client_b.get(call.url)
    token = client_b.cookies[settings.CSRF_COOKIE_NAME].value
    assert client_b.post(join_url(call), {"message": MESSAGE, "csrfmiddlewaretoken": token}).status_code == 302
    participation = Participation.objects.get()

    client_a = Client(enforce_csrf_checks=True)
    client_a.force_login(net["user_a"])
    for action in ("accept", "decline"):
        assert client_a.post(step_url(action, participation)).status_code == 403
    assert client_b.post(step_url("withdraw", participation)).status_code == 403
    participation.refresh_from_db()
    assert participation.state == "requested"


# --- The admin ------------------------------------------------------------------------------------


def admin_url(action, *args):
    return reverse(f"bibnetz_wagtail_participation_modeladmin_{action}", args=args)


def state_choices(response):
    return [value for value, _label in response.context["form"].fields["state"].choices]


@pytest.fixture
def requests(net):
    """B asks to join A's call; C publishes a call of its own that B asks to join too."""
    join(net["user_b"], net["call"])
    other_call = TaskSharePageFactory(parent=net["c"], title="Escape-Room für Jugendliche")
    join(net["user_b"], other_call)
    mail.outbox.clear()
    return Participation.objects.get(task=net["call"]), Participation.objects.get(task=other_call)


def test_admin_changes_are_recorded_with_their_actor(net, requests, admin_user, admin_client):
    on_a, _on_c = requests
    response = admin_client.post(admin_url("edit", on_a.pk), {"state": "accepted"})
    assert response.status_code == 302
    on_a.refresh_from_db()
    assert on_a.state == "accepted"
    event = on_a.events.last()
    assert (event.state, event.actor) == ("accepted", admin_user)
    assert sorted(mail.outbox[0].to) == ["info@birke.example", "leitung@birke.example"]
    # Saving the form unchanged records nothing.
    assert admin_client.post(admin_url("edit", on_a.pk), {"state": "accepted"}).status_code == 302
    assert on_a.events.count() == 2
    inspect = text(admin_client.get(admin_url("inspect", on_a.pk)))
    assert "Historie" in inspect and "Angenommen" in inspect and admin_user.get_username() in inspect


def test_the_admin_keeps_to_the_state_machine(net, requests, admin_client):
    on_a, _on_c = requests
    client_for(net["user_b"]).post(step_url("withdraw", on_a))
    response = admin_client.post(admin_url("edit", on_a.pk), {"state": "accepted"})
    assert response.status_code == 200
    on_a.refresh_from_db()
    assert on_a.state == "withdrawn"


def test_a_library_sees_its_own_calls_and_requests_in_the_admin(net, requests):
    on_a, on_c = requests
    index = admin_url("index")
    assert list(client_for(net["user_a"]).get(index).context["object_list"]) == [on_a]
    assert set(client_for(net["user_b"]).get(index).context["object_list"]) == {on_a, on_c}
    assert list(client_for(net["user_c"]).get(index).context["object_list"]) == [on_c]

    # The call's library may accept or decline; the requesting library may only withdraw.
    client_a = client_for(net["user_a"])
    assert state_choices(client_a.get(admin_url("edit", on_a.pk))) == ["requested", "accepted", "declined"]
    assert state_choices(client_for(net["user_b"]).get(admin_url("edit", on_a.pk))) == ["requested", "withdrawn"]
    response = client_for(net["user_b"]).post(admin_url("edit", on_a.pk), {"state": "accepted"})
    assert response.status_code == 200
    assert Participation.objects.get(pk=on_a.pk).state == "requested"

    assert client_a.post(admin_url("edit", on_a.pk), {"state": "accepted"}).status_code == 302
    assert history(on_a)[-1] == ("accepted", "leitung@ahorn.example")

    # Other libraries' participations stay closed, and nobody but the network deletes.
    for url in (admin_url("edit", on_c.pk), admin_url("inspect", on_c.pk), admin_url("delete", on_a.pk)):
        assert client_a.get(url).status_code in (302, 403)
    assert client_a.post(admin_url("edit", on_c.pk), {"state": "accepted"}).status_code in (302, 403)
    assert Participation.objects.get(pk=on_c.pk).state == "requested"


def test_users_without_a_library_do_not_see_the_participations(net, requests):
    assert client_for(net["outsider"]).get(admin_url("index")).status_code in (302, 403)


# --- Demo participants ----------------------------------------------------------------------------


def demo_participations():
    """(call path, library path, state, [event states]) of every participation, in a stable order."""
    return sorted(
        (p.task.path, p.library.path, p.state, [event.state for event in p.events.all()])
        for p in Participation.objects.select_related("task", "library").prefetch_related("events")
    )


def test_demo_calls_get_participants_with_a_history(settings):
    settings.DEBUG = True  # a development site, where the demo's reset needs no --allow-production
    options = {"libraries": 12, "measures": 6, "tasks": 30, "no_progress": True}
    options.update(stdout=StringIO(), stderr=StringIO())
    call_command("bibnetz_demo", **options)
    first = demo_participations()
    assert 5 <= TaskSharePage.objects.filter(participations__isnull=False).distinct().count() < 30
    assert {state for _task, _library, state, _events in first} >= {"requested", "accepted"}
    for participation in Participation.objects.select_related("task"):
        events = list(participation.events.all())
        assert participation.library_id != participation.task.library_id
        assert events[0].state == "requested" and events[-1].state == participation.state
        assert events[0].note == participation.message != ""
        dates = [event.created_at for event in events]
        assert dates == sorted(dates) and dates[0] >= participation.task.first_published_at
        assert dates[-1] <= timezone.now()
    for task in TaskSharePage.objects.all():
        assert task.participations.filter(state="accepted").count() <= task.partners_wanted

    # Running again adds nothing; starting over gives the same participants.
    call_command("bibnetz_demo", **options)
    assert demo_participations() == first
    call_command("bibnetz_demo", reset=True, **options)
    assert demo_participations() == first

    # Libraries with members at load time get the members as actors.
    library = LibraryProfilePage.objects.order_by("path").first()
    user = member("bibliothek1@example.org", library)
    Participation.objects.all().delete()
    add_participants(seed=42)
    assert ParticipationEvent.objects.filter(actor=user).exists()
    assert not ParticipationEvent.objects.filter(actor__isnull=False).exclude(actor=user).exists()


@pytest.mark.parametrize(
    "url",
    ["/netzwerk/aufrufe/99999999999999999999999/teilnehmen/", "/netzwerk/teilnahmen/99999999999999999999999/annehmen/"],
)
def test_absurd_ids_are_404(net, url):
    assert client_for(net["user_b"]).post(url, {"message": MESSAGE}).status_code == 404


@pytest.mark.parametrize("library", ["abc", "-1", "99999999999999999999999", "1.5"])
def test_malformed_library_choices_are_form_errors(net, library):
    both = member("verbund@example.org", net["b"], net["c"])
    response = join(both, net["call"], library=library)
    assert response.status_code == 400
    assert "Bitte wählen Sie eine Ihrer eigenen Bibliotheken." in text(response)
