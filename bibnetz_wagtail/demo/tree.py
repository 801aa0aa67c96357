"""Many Wagtail pages at once: treebeard paths are computed here and rows written with bulk inserts.

``Page.add_child`` costs several queries per page (path lookup, parent update, signals), which makes
ten thousand measures take many minutes. Here a page's tree position is computed in Python from its
parent (materialised path = parent path + one ``steplen`` step, see ``child_path``), the ``wagtailcore_page``
rows are written with ``bulk_create`` and the rows of the specific model's own table with one
``executemany`` (``insert_rows``). Whatever ``save()`` would have filled in (``url_path``, ``draft_title``, the
denormalised ``library`` and ``body_text`` of measures and calls, parents' ``numchild``) is set explicitly.
Both functions use only documented interfaces of treebeard and Django, no private helpers of theirs.
"""

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from wagtail.models import Page
from wagtail.search.backends import get_search_backends_with_name

from ..models.content import LibraryContentPage, stream_text
from ..search.documents import kind_of_model
from ..search.text_index import refresh_text

logger = logging.getLogger(__name__)


@dataclass
class PageSpec:
    """A page to create: its model, title, slug, first publication, fields, relations and children."""

    model: type
    title: str
    slug: str
    published_at: datetime
    fields: dict = field(default_factory=dict)
    #: Name of a many-to-many or tag relation → list of related primary keys.
    relations: dict = field(default_factory=dict)
    children: list = field(default_factory=list)


@dataclass
class Slot:
    """A parent page as seen by the writer: where its next child goes and which slugs are taken."""

    pk: int
    path: str
    depth: int
    url_path: str
    locale_id: int
    slug: str
    numchild: int
    last_step: int = 0
    child_slugs: set = field(default_factory=set)
    changed: bool = False

    def next_path(self):
        """The treebeard path of a new last child."""
        self.last_step += 1
        self.numchild += 1
        self.changed = True
        return child_path(self.path, self.last_step)


def child_path(parent_path, step):
    """The treebeard path of the ``step``-th child (counted from 1) of the page at ``parent_path``.

    treebeard's materialised path appends one step per level: the number written with the digits of
    ``Page.alphabet``, left-padded to ``Page.steplen`` characters, so that paths sort like the numbers.
    Both attributes are treebeard's documented settings; its own helpers for this are private.
    """
    alphabet, width = Page.alphabet, Page.steplen
    if not 1 <= step < len(alphabet) ** width:
        raise ValueError(f"step {step} does not fit into {width} characters of {alphabet!r}")
    digits = ""
    while step:
        step, digit = divmod(step, len(alphabet))
        digits = alphabet[digit] + digits
    return parent_path + digits.rjust(width, alphabet[0])


def step_of(path):
    """The step number of the page at ``path`` among its siblings: the inverse of ``child_path``."""
    number = 0
    for character in path[-Page.steplen :]:
        number = number * len(Page.alphabet) + Page.alphabet.index(character)
    return number


def load_slots(parents):
    """Slots for the pages of queryset ``parents`` (all at one depth), keyed by slug."""
    slots = {}
    for row in parents.values("pk", "path", "depth", "url_path", "locale_id", "slug", "numchild"):
        slots[row["path"]] = Slot(**row)
    if not slots:
        return {}
    depth = next(iter(slots.values())).depth
    prefix = _common_prefix(list(slots))
    children = Page.objects.filter(path__startswith=prefix, depth=depth + 1).values_list("path", "slug")
    for path, slug in children.iterator():
        slot = slots.get(path[: -Page.steplen])
        if slot is not None:
            slot.child_slugs.add(slug)
            slot.last_step = max(slot.last_step, step_of(path))
    return {slot.slug: slot for slot in slots.values()}


def _common_prefix(paths):
    first, last = min(paths), max(paths)
    length = 0
    while length < len(first) and first[length] == last[length]:
        length += 1
    return first[:length]


class TreeWriter:
    """Creates live pages below known parents with a handful of queries per batch."""

    def __init__(self, using="default"):
        self.using = using
        self.connection = connections[using]

    def create(self, model, placed_specs):
        """Create ``model`` pages for ``(slot, spec)`` pairs whose slug is still free; return the new pages."""
        content_type = ContentType.objects.db_manager(self.using).get_for_model(model)
        pages, specs = [], []
        for slot, spec in placed_specs:
            if spec.slug in slot.child_slugs:
                continue
            slot.child_slugs.add(spec.slug)
            pages.append(self._build(model, content_type, slot, spec))
            specs.append(spec)
        if pages:
            self._insert_rows(model, pages)
            self._insert_relations(model, pages, specs)
            self._add_to_search_index(model, pages)
            # What the save signals do for the database engine's full-text search.
            refresh_text((kind_of_model(model), page.pk) for page in pages)
        return pages

    def _build(self, model, content_type, slot, spec):
        page = model(
            title=spec.title,
            draft_title=spec.title,
            slug=spec.slug,
            path=slot.next_path(),
            depth=slot.depth + 1,
            numchild=0,
            url_path=f"{slot.url_path}{spec.slug}/",
            locale_id=slot.locale_id,
            content_type=content_type,
            translation_key=uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
            first_published_at=spec.published_at,
            last_published_at=spec.published_at,
            latest_revision_created_at=spec.published_at,
            **spec.fields,
        )
        if issubclass(model, LibraryContentPage):
            # What LibraryContentPage.save() would fill in.
            page.library_id = slot.pk
            page.body_text = stream_text(page.body.get_prep_value()) if page.body else ""
        return page

    def _insert_rows(self, model, pages):
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        base_rows = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
        Page.objects.using(self.using).bulk_create(base_rows, batch_size=self._batch_size(base_fields))
        ids = self._page_ids(base_rows)
        for page in pages:
            page.id = page.page_ptr_id = ids[page.path]
            page._state.adding, page._state.db = False, self.using
        # bulk_create refuses multi-table inherited models, so the specific table is written directly.
        insert_rows(model, pages, self.connection)

    def _page_ids(self, base_rows):
        ids = {row.path: row.pk for row in base_rows if row.pk is not None}
        missing = [row.path for row in base_rows if row.pk is None]
        # Backends that cannot return ids from a bulk insert (MySQL): read them back by path.
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            ids.update(Page.objects.using(self.using).filter(path__in=chunk).values_list("path", "pk"))
        return ids

    def _insert_relations(self, model, pages, specs):
        names = {name for spec in specs for name in spec.relations}
        for name in sorted(names):
            through, source, target = _through_columns(model, name)
            rows = [
                through(**{source: page.pk, target: term_id})
                for page, spec in zip(pages, specs)
                for term_id in spec.relations.get(name, ())
            ]
            through.objects.using(self.using).bulk_create(rows, batch_size=self._batch_size([source, target]))

    def _add_to_search_index(self, model, pages):
        """Index the new pages in Wagtail's own search (the admin's page search), as saving them would."""
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            try:
                backend.add_bulk(model, pages)
            except Exception:
                # Like Wagtail: an unreachable external search service must not lose the content.
                if not backend.catch_indexing_errors:
                    raise
                logger.exception("Could not index demo pages in search backend %r; run update_index later.", name)

    def _batch_size(self, fields):
        return max(1, min(500, self.connection.ops.bulk_batch_size(list(fields), [None] * 500)))

    def save_numchild(self, slots):
        """Write the new child counts of the parents that received pages."""
        by_count = {}
        for slot in slots:
            if slot.changed:
                by_count.setdefault(slot.numchild, []).append(slot.pk)
        for numchild, pks in by_count.items():
            for start in range(0, len(pks), 500):
                Page.objects.using(self.using).filter(pk__in=pks[start : start + 500]).update(numchild=numchild)


def insert_rows(model, instances, connection):
    """Write the rows of ``model``'s own table (not its parents') for ``instances``, with one ``executemany``.

    What ``bulk_create`` would do for a model without multi-table inheritance, through the public database
    API: each value prepared by its field as on ``save()``; the parent rows must exist already.
    """
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"
    rows = [
        [field.get_db_prep_save(field.pre_save(instance, add=True), connection) for field in fields]
        for instance in instances
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _through_columns(model, name):
    """The through model of relation ``name`` and the attnames of its page and term foreign keys."""
    relation = model._meta.get_field(name)
    through = relation.remote_field.through
    source = target = None
    for column in through._meta.concrete_fields:
        if not column.is_relation:
            continue
        if column.related_model is relation.related_model:
            target = column.attname
        elif issubclass(model, column.related_model):
            source = column.attname
    return through, source, target
