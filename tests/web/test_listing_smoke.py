import pytest

from ..factories import LibraryProfilePageFactory, MeasurePageFactory, TaskSharePageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_three_listings_render(client, index_pages):
    library = LibraryProfilePageFactory()
    MeasurePageFactory(parent=library, topics=[TopicFactory()])
    TaskSharePageFactory(parent=library)
    for path in ("/bibliotheken/", "/massnahmen/", "/aufgaben-teilen/"):
        response = client.get(path)
        assert response.status_code == 200, path
        response = client.get(path + "?format=json")
        assert response.json()["count"] == 1
    assert client.get(library.url).status_code == 200
