"""Library ownership through the real admin URLs (pages and images), contact details for members only, and
the own-toolkit filter "Passend zu unseren Toolkit-Ergebnissen"."""

import re
from html import unescape
from io import BytesIO

import PIL.Image
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from bibnetz_wagtail.models import LibraryProfilePage, MeasurePage
from bibnetz_wagtail.permissions import moderators_group

from ..factories import MeasurePageFactory
from ..membership_net import client_for, denied, member

pytestmark = pytest.mark.django_db


def measure_form(**overrides):
    data = {
        "title": "Vorlesepaten für alle",
        "slug": "vorlesepaten",
        "summary": "Ehrenamtliche lesen vor.",
        "body": streamfield([]),
        "toolkit_results": "",
        "status": "established",
        "cost": "low",
        "effort": "low",
        "outcome": "",
        "date_implemented": "",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


# --- Ownership: the library's group, seen through the real admin URLs -------------------------------------------


def test_library_group_has_page_permissions_on_its_profile_only_and_a_file_collection(net):
    group = LibraryProfilePage.objects.get(pk=net["a"].pk).editor_group
    assert set(net["admin_a"].groups.all()) == {group}
    rules = GroupPagePermission.objects.filter(group=group)
    assert {rule.page_id for rule in rules} == {net["a"].pk}
    assert {rule.permission.codename for rule in rules} == {"add_page", "change_page", "publish_page"}
    assert group.permissions.filter(codename="access_admin").exists()
    collections = GroupCollectionPermission.objects.filter(group=group)
    assert {rule.permission.codename for rule in collections} == {
        "add_image",
        "choose_image",
        "add_document",
        "choose_document",
    }
    assert len({rule.collection_id for rule in collections}) == 1
    other = GroupCollectionPermission.objects.filter(group=LibraryProfilePage.objects.get(pk=net["b"].pk).editor_group)
    assert {rule.collection_id for rule in other}.isdisjoint({rule.collection_id for rule in collections})


def test_editor_edits_and_publishes_a_measure_of_the_own_library(net):
    client = client_for(net["editor_a"])
    url = f"/admin/pages/{net['measure_a'].pk}/edit/"
    assert client.get(url).status_code == 200
    response = client.post(url, measure_form(slug=net["measure_a"].slug))
    assert response.status_code == 302
    measure = MeasurePage.objects.get(pk=net["measure_a"].pk)
    assert measure.title == "Vorlesepaten für alle" and measure.live and not measure.has_unpublished_changes


def test_editor_adds_a_measure_below_the_own_library(net):
    client = client_for(net["editor_a"])
    url = f"/admin/pages/add/bibnetz_wagtail/measurepage/{net['a'].pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, measure_form(slug="neu-bei-a", title="Neu bei A"))
    assert response.status_code == 302
    page = MeasurePage.objects.get(slug="neu-bei-a")
    assert page.get_parent().pk == net["a"].pk and page.library_id == net["a"].pk and page.live


def test_editor_cannot_touch_another_librarys_pages(net):
    client = client_for(net["editor_a"])
    measure_b = net["measure_b"]
    assert denied(client.get(f"/admin/pages/{measure_b.pk}/edit/"))
    response = client.post(f"/admin/pages/{measure_b.pk}/edit/", measure_form(slug=measure_b.slug, title="Gekapert"))
    assert denied(response)
    assert MeasurePage.objects.get(pk=measure_b.pk).title == "Schnitzeljagd"
    assert denied(client.get(f"/admin/pages/{net['b'].pk}/edit/"))
    assert denied(client.get(f"/admin/pages/add/bibnetz_wagtail/measurepage/{net['b'].pk}/"))
    assert not MeasurePage.objects.filter(slug="gekapert").exists()


def test_editor_cannot_see_another_librarys_draft(net):
    client = client_for(net["editor_a"])
    response = client.get(f"/admin/pages/{net['draft_b'].pk}/view_draft/")
    assert denied(response)
    assert "Geheimer Entwurf" not in response.content.decode()
    assert client_for(net["editor_b"]).get(f"/admin/pages/{net['draft_b'].pk}/view_draft/").status_code == 200


def test_member_of_two_libraries_edits_both(net):
    both = member("springer@example.org", net["a"], net["b"])
    client = client_for(both)
    assert client.get(f"/admin/pages/{net['measure_a'].pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{net['measure_b'].pk}/edit/").status_code == 200


def png_upload(name="lesecafe.png"):
    buffer = BytesIO()
    PIL.Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_editor_uploads_images_into_the_own_collection_only(net, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(net["editor_a"])
    response = client.post("/admin/images/add/", {"title": "Lesecafé", "file": png_upload(), "tags": ""})
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Lesecafé")
    own = GroupCollectionPermission.objects.filter(group=LibraryProfilePage.objects.get(pk=net["a"].pk).editor_group)
    assert image.collection_id == own.first().collection_id
    assert "Lesecafé" in client.get("/admin/images/chooser/").json()["html"]
    other = client_for(net["editor_b"])
    assert "Lesecafé" not in other.get("/admin/images/chooser/").json()["html"]
    assert other.get(f"/admin/images/{image.pk}/").status_code in (302, 403)


# --- Contact details: network members only -----------------------------------------------------------------------


def test_contact_details_only_for_members(net):
    url = net["b"].url
    assert "info@birke.example" not in Client().get(url).content.decode()
    outsider = member("x@example.org")
    assert "info@birke.example" not in client_for(outsider).get(url).content.decode()
    assert "info@birke.example" in client_for(net["editor_a"]).get(url).content.decode()
    moderator = member("m@example.org")
    moderator.groups.add(moderators_group())
    assert "info@birke.example" in client_for(moderator).get(url).content.decode()


def test_listing_json_has_no_contact_details_even_for_members(net, index_pages):
    for client in (Client(), client_for(net["editor_a"])):
        for listing in ("libraries", "measures", "tasks"):
            body = client.get(index_pages[listing].url, {"format": "json"}).content.decode()
            assert "info@" not in body and "Mustermann" not in body and "contact" not in body


# --- "Passend zu unseren Toolkit-Ergebnissen" ----------------------------------------------------------------------


def own_links(html):
    return re.findall(r'<a [^>]*href="([^"]*)"[^>]*data-own-toolkit', html)


def test_own_toolkit_filter_only_for_members_and_with_unpublished_results(world, index_pages):
    library_b = world.libraries["b"]  # toolkit result t2, not published
    assert not library_b.toolkit_results_public
    user_b = member("team@behausen.example", library_b)
    url = index_pages["measures"].url
    assert own_links(Client().get(url).content.decode()) == []
    outsider = member("x@example.org")
    assert own_links(client_for(outsider).get(url).content.decode()) == []

    client = client_for(user_b)
    html = client.get(url, {"topic": "digital"}).content.decode()
    links = own_links(html)
    assert len(links) == 1
    link = unescape(links[0])
    assert "toolkit=t2" in link and "toolkit=t1" not in link and "topic=digital" in link
    # Library B's own measure with t2 stays private like B's results; a public library's measure with t2 is found.
    topic, result = world.topics["digital"], world.toolkit["t2"]
    MeasurePageFactory(parent=world.libraries["c"], title="Schulkooperation digital", topics=[topic], toolkit=[result])
    filtered = client.get(url + link)
    assert filtered.status_code == 200
    titles = [item.page.title for item in filtered.context["items"]]
    assert titles == ["Schulkooperation digital"]
    assert 'aria-current="true" data-own-toolkit' in filtered.content.decode()


def test_own_toolkit_filter_shows_nobody_elses_unpublished_results(world, index_pages):
    user_a = member("team@aheim.example", world.libraries["a"])  # t1, published
    html = client_for(user_a).get(index_pages["tasks"].url).content.decode()
    links = [unescape(link) for link in own_links(html)]
    assert links == ["?toolkit=t1"]
    # The library facet still counts published results only: B's unpublished t2 is not counted for anyone.
    for client in (Client(), client_for(user_a), client_for(member("team@behausen.example", world.libraries["b"]))):
        data = client.get(index_pages["libraries"].url, {"format": "json"}).json()
        counts = {value["value"]: value["count"] for value in data["facets"]["toolkit"]}
        assert counts.get("t2", 0) == 1  # Cestadt only


def test_member_of_two_libraries_gets_one_link_each(world, index_pages):
    user = member("springer@example.org", world.libraries["b"], world.libraries["c"])
    html = unescape(client_for(user).get(index_pages["measures"].url).content.decode())
    links = [unescape(link) for link in own_links(html)]
    assert sorted(links) == ["?toolkit=t1&toolkit=t2", "?toolkit=t2"]
    assert "Bücherei Behausen" in html and "Stadtbibliothek Cestadt" in html
