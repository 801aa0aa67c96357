import pytest

from bibnetz_wagtail.models import MeasurePage

from ..factories import LibraryProfilePageFactory, MeasurePageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_measure_belongs_to_its_library(index_pages):
    library = LibraryProfilePageFactory()
    measure = MeasurePageFactory(parent=library, topics=[TopicFactory()])
    measure = MeasurePage.objects.get(pk=measure.pk)
    assert measure.library_id == library.pk
    assert measure.topics.count() == 1
    assert measure.live
