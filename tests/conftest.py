import pytest

from .factories import LibraryIndexPageFactory, MeasureIndexPageFactory, TaskShareIndexPageFactory


@pytest.fixture
def index_pages(db):
    """The three listing pages at /bibliotheken/, /massnahmen/ and /aufgaben-teilen/."""
    return {
        "libraries": LibraryIndexPageFactory(),
        "measures": MeasureIndexPageFactory(),
        "tasks": TaskShareIndexPageFactory(),
    }
