"""Put the demo content into the site, or take the package's content out again."""

import random
from contextlib import nullcontext
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..models import (
    LibraryIndexPage,
    LibraryProfilePage,
    MeasureIndexPage,
    MeasurePage,
    Participation,
    TaskShareIndexPage,
    TaskSharePage,
)
from .content import ContentGenerator
from .libraries import generate_libraries
from .timeline import Timeline
from .tree import TreeWriter, load_slots
from .vocabulary import delete_vocabularies, sync_vocabularies

#: (model, slug, title, introduction) of the three listing pages below the site root.
INDEX_PAGES = [
    (
        LibraryIndexPage,
        "bibliotheken",
        "Bibliotheken",
        "<p>Alle Bibliotheken des Netzwerks – finden Sie Bibliotheken, die so groß sind wie Ihre.</p>",
    ),
    (
        MeasureIndexPage,
        "massnahmen",
        "Maßnahmen",
        "<p>Was anderswo funktioniert hat: Ideen zum Nachmachen, sortiert nach Thema, Zielgruppe und Größe.</p>",
    ),
    (
        TaskShareIndexPage,
        "aufgaben-teilen",
        "Aufgaben teilen",
        "<p>Aufgaben, die Bibliotheken gemeinsam angehen. Machen Sie mit!</p>",
    ),
]
#: How many pages are written per bulk insert; also the step of the progress bars.
CHUNK = 1000


@dataclass
class LoadStats:
    """How many pages of each kind the load created (existing ones are left as they are)."""

    libraries: int = 0
    measures: int = 0
    tasks: int = 0
    #: Library profiles that were there before, and how many of them this run would have created too.
    libraries_before: int = 0
    libraries_recognised: int = 0

    @property
    def foreign_content(self):
        """Whether the site holds library profiles from another seed or version of the demo (or real ones)."""
        return self.libraries_before > self.libraries_recognised


def load_demo(seed=42, libraries=120, measures=600, tasks=120, progress=None):
    """Fill the default site with demo content; pages that already exist (same slug) are kept."""
    progress = progress or (lambda **kwargs: nullcontext(_NoBar()))
    with transaction.atomic():
        indexes = ensure_index_pages()
        vocabulary = sync_vocabularies()
        library_specs = generate(seed, libraries, measures, tasks, vocabulary)
        writer = TreeWriter()
        stats = LoadStats()
        _write_libraries(writer, indexes[LibraryIndexPage], library_specs, progress, stats)
        stats.measures, stats.tasks = _write_content(writer, indexes[LibraryIndexPage], library_specs, progress)
    return stats


def generate(seed, libraries, measures, tasks, vocabulary):
    """The library specs, each with its measures and calls as children.

    Libraries, measures and calls each draw from their own random stream, so that asking for more
    measures keeps the first ones as they were (and a second run adds only the new ones).
    """
    end = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    used_times = set()
    rng = random.Random(f"{seed}:libraries")
    timeline = Timeline(rng, end, used=used_times)
    library_specs = generate_libraries(rng, libraries, timeline, vocabulary["toolkit_results"])
    if library_specs:
        child_slugs = {}
        for kind, count in (("measures", measures), ("tasks", tasks)):
            rng = random.Random(f"{seed}:{kind}")
            timeline = Timeline(rng, end, used=used_times)
            ContentGenerator(rng, library_specs, timeline, vocabulary, child_slugs).add(kind, count)
    return library_specs


def ensure_index_pages():
    """The three listing pages below the default site's root page, created and published if missing."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise CommandError(_("There is no default site. Create one in the Wagtail admin under Settings → Sites."))
    root = site.root_page
    pages = {}
    for model, slug, title, intro in INDEX_PAGES:
        existing = root.get_children().filter(slug=slug).first()
        if existing is not None and not isinstance(existing.specific, model):
            message = _("The page /%(slug)s/ already exists and is not a %(type)s.")
            raise CommandError(str(message) % {"slug": slug, "type": model._meta.verbose_name})
        if existing is None:
            existing = root.add_child(instance=model(title=title, slug=slug, intro=intro, show_in_menus=True))
            existing.save_revision().publish()
            root.refresh_from_db()
        pages[model] = existing.specific
    return pages


def _write_libraries(writer, index, specs, progress, stats):
    slot = load_slots(Page.objects.filter(pk=index.pk))[index.slug]
    stats.libraries_before = len(slot.child_slugs)
    stats.libraries_recognised = sum(spec.slug in slot.child_slugs for spec in specs)
    with progress(total=len(specs), desc=_label(LibraryProfilePage)) as bar:
        for start in range(0, len(specs), CHUNK):
            chunk = specs[start : start + CHUNK]
            stats.libraries += len(writer.create(LibraryProfilePage, [(slot, spec) for spec in chunk]))
            bar.update(len(chunk))
    writer.save_numchild([slot])


def _write_content(writer, index, library_specs, progress):
    slots = load_slots(Page.objects.filter(path__startswith=index.path, depth=index.depth + 1))
    counts = []
    for model in (MeasurePage, TaskSharePage):
        placed = [
            (slots[library.slug], child)
            for library in library_specs
            if library.slug in slots
            for child in library.children
            if child.model is model
        ]
        placed.sort(key=lambda pair: pair[1].published_at)
        created = 0
        with progress(total=len(placed), desc=_label(model)) as bar:
            for start in range(0, len(placed), CHUNK):
                chunk = placed[start : start + CHUNK]
                created += len(writer.create(model, chunk))
                bar.update(len(chunk))
        counts.append(created)
    writer.save_numchild(slots.values())
    return counts


def _label(model):
    return capfirst(str(model._meta.verbose_name_plural))


def reset_demo():
    """Delete the package's pages (listing pages with everything below them) and vocabularies."""
    with transaction.atomic():
        Participation.objects.all().delete()
        for path in _package_subtrees():
            _delete_subtree(path)
        delete_vocabularies()


def _package_subtrees():
    """Tree paths of the package's pages that have no package page above them."""
    models = (LibraryIndexPage, MeasureIndexPage, TaskShareIndexPage, LibraryProfilePage, MeasurePage, TaskSharePage)
    paths = sorted(path for model in models for path in model.objects.values_list("path", flat=True))
    tops = []
    for path in paths:
        if not tops or not path.startswith(tops[-1]):
            tops.append(path)
    return tops


def _delete_subtree(path):
    """Delete a page with its descendants, in bulk rather than with Wagtail's page-by-page delete action.

    ``Page.delete()`` unpublishes, writes an audit-log entry and updates the reference index for every
    single page, which takes minutes for ten thousand demo pages. Marking the subtree unpublished first
    makes Wagtail's pre-delete handler a no-op; references are removed in bulk afterwards.
    """
    subtree = Page.objects.filter(path__startswith=path)
    ids = [str(pk) for pk in subtree.values_list("pk", flat=True)]
    subtree.update(live=False)
    with disable_reference_index_auto_update():
        Page.objects.filter(path=path).delete()
    page_type = ContentType.objects.get_for_model(Page)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        ReferenceIndex.objects.filter(base_content_type=page_type, object_id__in=chunk).delete()
        ReferenceIndex.objects.filter(to_content_type=page_type, to_object_id__in=chunk).delete()


class _NoBar:
    def update(self, count):
        """Ignore progress."""
