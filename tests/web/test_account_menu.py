"""Finding the way in: the header's account menu, the call to join, and the join page before a directory exists."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Permission
from django.template import RequestContext, Template
from django.template.backends.django import DjangoTemplates
from django.test import Client, RequestFactory
from wagtail.models import Page

from bibnetz_wagtail.models import LibraryProfilePage

from ..factories import LibraryIndexPageFactory, MeasureIndexPageFactory, TaskShareIndexPageFactory
from ..membership_net import PASSWORD, client_for, member

pytestmark = pytest.mark.django_db
User = get_user_model()
REPOSITORY = Path(__file__).resolve().parents[2]
JOIN_URL = "/netzwerk/zugang-beantragen/"
LOGIN_URL = "/netzwerk/anmelden/"
NAV = re.compile(r'<nav class="bibnetz-account-menu"[^>]*aria-label="([^"]+)"')
LINKS = re.compile(r'<a [^>]*?href="([^"]*)"[^>]*>([^<]*)</a>')


def page_request(user=None, path="/massnahmen/?topic=lesen"):
    request = RequestFactory().get(path)
    request.user = user or AnonymousUser()
    return request


def render(source, request):
    return Template("{% load bibnetz_tags %}" + source).render(RequestContext(request, {}))


def links(html):
    return [(label.strip(), url) for url, label in LINKS.findall(html)]


def staff_user():
    user = User.objects.create_user("redaktion", "redaktion@verband.example", PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


# --- {% bibnetz_account_menu %} -----------------------------------------------------------------------------


def test_visitors_are_offered_to_join_and_to_log_in_back_to_this_page():
    html = render("{% bibnetz_account_menu %}", page_request())

    assert NAV.search(html).group(1) == "Zugang zum Netzwerk"
    assert links(html) == [
        ("Zugang beantragen", JOIN_URL),
        ("Anmelden", f"{LOGIN_URL}?next=%2Fmassnahmen%2F%3Ftopic%3Dlesen"),
    ]
    assert "/admin/" not in html and "<form" not in html


def test_on_the_login_page_the_login_link_does_not_point_back_to_itself():
    html = render("{% bibnetz_account_menu %}", page_request(path=LOGIN_URL + "?next=/massnahmen/"))

    assert ("Anmelden", LOGIN_URL) in links(html)
    assert 'aria-current="page"' in html


def test_members_see_their_library_and_log_out_by_post_with_csrf():
    user = member("team@ahorn.example")

    html = render("{% bibnetz_account_menu %}", page_request(user))

    assert links(html) == [("Meine Bibliothek", "/netzwerk/meine-bibliothek/")]
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    assert form.group(1) == "/netzwerk/abmelden/"
    assert 'name="csrfmiddlewaretoken"' in form.group(2) and ">Abmelden</button>" in form.group(2)


def test_staff_also_see_the_admin():
    html = render("{% bibnetz_account_menu %}", page_request(staff_user()))

    assert links(html) == [("Meine Bibliothek", "/netzwerk/meine-bibliothek/"), ("Redaktion", "/admin/")]


def test_superusers_see_the_admin_without_a_query(django_assert_num_queries):
    admin = User.objects.create_superuser("chefin", "chefin@verband.example", PASSWORD)
    request = page_request(admin)

    with django_assert_num_queries(0):
        html = render("{% bibnetz_account_menu %}", request)

    assert ("Redaktion", "/admin/") in links(html)


def test_queries_visitor_none_member_only_the_permission_lookup(django_assert_num_queries):
    with django_assert_num_queries(0):
        render("{% bibnetz_account_menu %}", page_request())
    request = page_request(member("team@birke.example"))
    # the user's own and their groups' permissions, once per request
    with django_assert_num_queries(2):
        render("{% bibnetz_account_menu %}{% bibnetz_account_menu %}", request)


def test_the_menu_template_can_be_replaced(tmp_path, settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    own = tmp_path / "verband" / "konto.html"
    own.parent.mkdir()
    own.write_text("{% if member %}Mitglied{% else %}[{{ join_url }}|{{ login_url }}]{% endif %}", encoding="utf-8")

    html = render("{% bibnetz_account_menu template='verband/konto.html' %}", page_request(path="/"))

    assert html == f"[{JOIN_URL}|{LOGIN_URL}?next=%2F]"


def test_the_front_end_login_takes_the_email_address_and_goes_back(client):
    User.objects.create_user("erika", "erika@kleinhausen.example", PASSWORD)

    response = client.post(
        LOGIN_URL, {"username": "Erika@Kleinhausen.example", "password": PASSWORD, "next": "/massnahmen/"}
    )

    assert response.status_code == 302 and response["Location"] == "/massnahmen/"
    page = client.get(LOGIN_URL).content.decode()
    assert "bibnetz-form-page" in page and "Wagtail" not in page


# --- the example site's header ------------------------------------------------------------------------------


def example_templates():
    return DjangoTemplates(
        {
            "NAME": "example_site",
            "DIRS": [REPOSITORY / "example_site" / "home" / "templates", REPOSITORY / "example_site" / "templates"],
            "APP_DIRS": True,
            "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
        }
    )


def test_example_header_uses_the_account_menu_instead_of_the_admin_login():
    html = example_templates().get_template("base.html").render({}, page_request(path="/"))

    assert "/admin/login/" not in html
    header = html.split("</header>")[0]
    assert ("Zugang beantragen", JOIN_URL) in links(header)
    assert ("Anmelden", f"{LOGIN_URL}?next=%2F") in links(header)


# --- {% bibnetz_join_call %} --------------------------------------------------------------------------------


def test_join_call_invites_visitors_to_the_join_page():
    html = render("{% bibnetz_join_call %}", page_request())

    assert "Worauf warten Sie noch?" in html and "Werden Sie Teil des Netzwerks" in html
    assert ("Zugang beantragen", JOIN_URL) in links(html)
    assert re.search(r'<section class="bibnetz bibnetz-join-call" aria-labelledby="([^"]+)">.*id="\1"', html, re.S)


def test_join_call_is_hidden_for_logged_in_members():
    assert render("{% bibnetz_join_call %}", page_request(member("team@ahorn.example"))).strip() == ""


@pytest.mark.parametrize("path", ["/bibliotheken/", "/massnahmen/", "/aufgaben-teilen/"])
def test_every_listing_page_invites_visitors_but_not_members(index_pages, path):
    visitor = Client().get(path).content.decode()
    logged_in = client_for(member("team@ahorn.example")).get(path).content.decode()

    assert "bibnetz-join-call" in visitor and f'href="{JOIN_URL}"' in visitor
    assert "bibnetz-join-call" not in logged_in


def test_example_home_page_invites_visitors(index_pages):
    home = Page.objects.get(depth=2)
    html = example_templates().get_template("home/home_page.html").render({"page": home}, page_request(path="/"))

    assert "bibnetz-join-call" in html


# --- the join page before a library directory exists --------------------------------------------------------


def test_join_page_without_a_directory_says_joining_is_not_open_yet(client):
    for response in (client.get(JOIN_URL), client.post(JOIN_URL, {"title": "Gemeindebücherei Kleinhausen"})):
        assert response.status_code == 200
        html = response.content.decode()
        assert "Die Aufnahme neuer Bibliotheken ist noch nicht geöffnet" in html
        assert "/admin/" not in html
    assert not User.objects.exists() and not LibraryProfilePage.objects.exists()


def test_join_page_without_a_directory_tells_a_superuser_what_to_do(client):
    admin = User.objects.create_superuser("chefin", "chefin@verband.example", PASSWORD)
    client.force_login(admin)
    root = Page.objects.get(depth=2)

    html = client.get(JOIN_URL).content.decode()

    assert "„Bibliotheken“" in html
    assert f'href="/admin/pages/add/bibnetz_wagtail/libraryindexpage/{root.pk}/"' in html


def test_join_page_with_a_directory_shows_the_form(client):
    LibraryIndexPageFactory()
    MeasureIndexPageFactory()
    TaskShareIndexPageFactory()

    response = client.get(JOIN_URL)

    assert response.status_code == 200 and 'name="password1"' in response.content.decode()
