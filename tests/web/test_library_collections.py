"""Each library sees and chooses only the images and documents of its own collection (and a shared one if set)."""

from io import BytesIO

import PIL.Image
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission

from bibnetz_wagtail.models import LibraryProfilePage
from bibnetz_wagtail.permissions import ensure_library_group

from ..membership_net import client_for

pytestmark = pytest.mark.django_db


def own_collection(library):
    group = LibraryProfilePage.objects.get(pk=library.pk).editor_group
    return GroupCollectionPermission.objects.filter(group=group).first().collection


def png(name):
    buffer = BytesIO()
    PIL.Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def files(net, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image_model, document_model = get_image_model(), get_document_model()
    made = {}
    for key in ("a", "b"):
        collection = own_collection(net[key])
        made[f"image_{key}"] = image_model.objects.create(
            title=f"Bild {key}", file=png(f"{key}.png"), collection=collection
        )
        made[f"document_{key}"] = document_model.objects.create(
            title=f"Plan {key}", file=ContentFile(b"%PDF-1.4", name=f"{key}.pdf"), collection=collection
        )
    return made


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_the_admin_api_lists_only_the_own_collection(net, files, kind):
    answer = client_for(net["editor_a"]).get(f"/admin/api/main/{kind}/")
    assert answer.status_code == 200
    titles = {item["title"] for item in answer.json()["items"]}
    assert titles == {"Bild a"} if kind == "images" else {"Plan a"}


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_the_admin_api_does_not_show_another_librarys_file_by_id(net, files, kind):
    other = files["image_b" if kind == "images" else "document_b"]
    assert client_for(net["editor_a"]).get(f"/admin/api/main/{kind}/{other.pk}/").status_code == 404


def test_library_teams_may_upload_documents_into_their_collection(net, files):
    collection = own_collection(net["a"])
    rules = GroupCollectionPermission.objects.filter(collection=collection)
    assert {"add_document", "choose_document"} <= {rule.permission.codename for rule in rules}
    chooser = client_for(net["editor_a"]).get("/admin/documents/chooser/").json()["html"]
    assert "Plan a" in chooser and "Plan b" not in chooser


def test_a_shared_collection_is_choosable_by_every_library(net, files, settings):
    shared = Collection.get_first_root_node().add_child(name="Netzwerk – gemeinsame Bilder")
    image = get_image_model().objects.create(title="Logo des Verbands", file=png("logo.png"), collection=shared)
    settings.BIBNETZ = {**settings.BIBNETZ, "SHARED_COLLECTION": "Netzwerk – gemeinsame Bilder"}
    ensure_library_group(LibraryProfilePage.objects.get(pk=net["a"].pk))
    titles = {item["title"] for item in client_for(net["editor_a"]).get("/admin/api/main/images/").json()["items"]}
    assert titles == {"Bild a", image.title}


def test_a_forged_image_of_another_library_is_refused_on_the_profile(net, files):
    from ..editor_form import editor_form_data

    client = client_for(net["admin_a"])
    data = editor_form_data(client, net["a"].pk)
    data["image"] = str(files["image_b"].pk)
    response = client.post(f"/admin/pages/{net['a'].pk}/edit/", data)
    assert response.status_code == 200
    assert "aus der Sammlung Ihrer Bibliothek" in response.content.decode()
    assert LibraryProfilePage.objects.get(pk=net["a"].pk).image_id is None
    data["image"] = str(files["image_a"].pk)
    assert client.post(f"/admin/pages/{net['a'].pk}/edit/", data).status_code == 302
    assert (
        LibraryProfilePage.objects.get(pk=net["a"].pk).get_latest_revision_as_object().image_id == files["image_a"].pk
    )
