"""The German translation: complete, compiled, up to date with the source strings, and used by the pages."""

import gettext as gnu_gettext
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import django
import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import translation

import bibnetz_wagtail

from ..services import missing_service

PACKAGE_DIR = Path(bibnetz_wagtail.__file__).resolve().parent
LC_MESSAGES = PACKAGE_DIR / "locale" / "de" / "LC_MESSAGES"
PO_FILE = LC_MESSAGES / "django.po"
MO_FILE = LC_MESSAGES / "django.mo"

#: printf-style placeholders as Python's % operator reads them: %(name)s, %(limit)d, %(seconds).1f, %%.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")


# --- A small .po reader (no extra dependency) -------------------------------------------------------


@dataclass
class Entry:
    msgid: str
    msgid_plural: str | None = None
    msgctxt: str | None = None
    #: The translation, or for a plural entry one translation per plural form.
    msgstr: str | list = ""
    flags: set = field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self):
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def translations(self):
        return self.msgstr if isinstance(self.msgstr, list) else [self.msgstr]


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def unquote(text):
    text = text.strip()
    if not (len(text) >= 2 and text.startswith('"') and text.endswith('"')):
        raise ValueError(f"not a quoted .po string: {text!r}")
    return re.sub(r"\\(.)", lambda match: ESCAPES[match.group(1)], text[1:-1])


def parse_po(text):
    """All entries of a .po file, the header (msgid "") included, in file order."""
    entries = []
    for block in re.split(r"\n[ \t]*\n", text.strip()):
        flags, obsolete, fields, current = set(), False, {}, None
        for raw in block.splitlines():
            line = raw
            if line.startswith("#~"):
                obsolete, line = True, line[2:].lstrip()
            elif line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
                continue
            elif line.startswith("#") or not line.strip():
                continue
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")\s*$', line)
            if match:
                current = match.group(1)
                fields[current] = unquote(match.group(2))
            elif line.lstrip().startswith('"') and current:
                fields[current] += unquote(line)
            else:
                raise ValueError(f"cannot read .po line: {raw!r}")
        if "msgid" not in fields:
            continue
        plural_forms = sorted((key for key in fields if key.startswith("msgstr[")), key=lambda k: int(k[7:-1]))
        entries.append(
            Entry(
                msgid=fields["msgid"],
                msgid_plural=fields.get("msgid_plural"),
                msgctxt=fields.get("msgctxt"),
                msgstr=[fields[key] for key in plural_forms] if "msgid_plural" in fields else fields.get("msgstr", ""),
                flags=flags,
                obsolete=obsolete,
            )
        )
    return entries


def read_po(path):
    entries = parse_po(path.read_text(encoding="utf-8"))
    header = next(entry for entry in entries if entry.msgid == "" and entry.msgctxt is None)
    return header, [entry for entry in entries if entry is not header and not entry.obsolete]


def header_fields(header):
    return dict(line.split(": ", 1) for line in header.msgstr.splitlines() if ": " in line)


@pytest.fixture(scope="module")
def po():
    return read_po(PO_FILE)


# --- The .po file -----------------------------------------------------------------------------------


def test_header(po):
    header, entries = po
    fields = header_fields(header)
    assert "fuzzy" not in header.flags
    assert fields["Project-Id-Version"] == "bibnetz-wagtail"
    assert fields["Language"] == "de"
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert len(entries) > 150


def test_every_entry_is_translated_and_none_is_fuzzy(po):
    _, entries = po
    untranslated = [entry.msgid for entry in entries if not all(text.strip() for text in entry.translations)]
    fuzzy = [entry.msgid for entry in entries if "fuzzy" in entry.flags]
    wrong_plurals = [entry.msgid for entry in entries if entry.msgid_plural and len(entry.msgstr) != 2]
    assert untranslated == []
    assert fuzzy == []
    assert wrong_plurals == []
    assert not any(entry.obsolete for entry in parse_po(PO_FILE.read_text(encoding="utf-8")))


def test_placeholders_and_final_punctuation_are_kept(po):
    _, entries = po
    problems = []
    for entry in entries:
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        for index, text in enumerate(entry.translations):
            source = sources[min(index, len(sources) - 1)]
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append((entry.msgid, text, "placeholders"))
            for ending in (".", ":"):
                if source.endswith(ending) != text.endswith(ending):
                    problems.append((entry.msgid, text, f"ends with {ending!r}"))
            if "“" in source and not ("„" in text and "“" in text):
                problems.append((entry.msgid, text, "German quotation marks „…“"))
    assert problems == []


# --- The compiled .mo file --------------------------------------------------------------------------


def catalog_lookups(entries, gettext, ngettext, pgettext, npgettext):
    """(msgid, expected, found) for every entry and plural form, looked up through the given functions."""
    rows = []
    for entry in entries:
        if entry.msgid_plural:
            for n, expected in ((1, entry.msgstr[0]), (2, entry.msgstr[1])):
                if entry.msgctxt is None:
                    found = ngettext(entry.msgid, entry.msgid_plural, n)
                else:
                    found = npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                rows.append((entry.msgid, expected, found))
        else:
            found = gettext(entry.msgid) if entry.msgctxt is None else pgettext(entry.msgctxt, entry.msgid)
            rows.append((entry.msgid, entry.msgstr, found))
    return rows


def test_mo_file_matches_the_po_file(po):
    """The shipped .mo holds exactly the .po's translations, so it was compiled from this .po."""
    header, entries = po
    with MO_FILE.open("rb") as handle:
        catalog = gnu_gettext.GNUTranslations(handle)
    rows = catalog_lookups(entries, catalog.gettext, catalog.ngettext, catalog.pgettext, catalog.npgettext)
    assert [row for row in rows if row[1] != row[2]] == []
    # Nothing in the .mo that the .po lacks (the header counts as one message).
    catalog_ids = {key if isinstance(key, str) else key[0] for key in catalog._catalog}
    po_ids = {entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}" for entry in entries}
    assert catalog_ids - {""} == po_ids
    assert catalog.info()["plural-forms"] == header_fields(header)["Plural-Forms"]


def test_django_uses_the_translation(po):
    _, entries = po
    with translation.override("de"):
        rows = catalog_lookups(
            entries, translation.gettext, translation.ngettext, translation.pgettext, translation.npgettext
        )
    assert [row for row in rows if row[1] != row[2]] == []


def test_shared_msgids_keep_the_wording_of_django_and_wagtail(po):
    """Django merges all catalogs into one: the first app in INSTALLED_APPS wins a msgid that several define.

    An entry such as "slug", "Search" or "Next" would otherwise change the wording of the Wagtail admin (or
    the admin would change the package's pages, depending on the host's app order).
    """
    _, entries = po
    catalogs = []
    for config in apps.get_app_configs():
        if config.name != "bibnetz_wagtail":
            catalogs.append((config.name, Path(config.path) / "locale"))
    catalogs.append(("django", Path(django.__file__).parent / "conf" / "locale"))
    theirs = {}
    for name, localedir in catalogs:
        try:
            other = gnu_gettext.translation("django", localedir, ["de"])
        except OSError:
            continue
        for entry in entries:
            if entry.msgctxt is None and not entry.msgid_plural and entry.msgid in other._catalog:
                theirs.setdefault(entry.msgid, {})[name] = other._catalog[entry.msgid]
    # Where Django and Wagtail disagree among themselves ("Search"), the package uses one of their wordings.
    clashes = {
        entry.msgid: (entry.msgstr, theirs[entry.msgid])
        for entry in entries
        if entry.msgid in theirs and entry.msgstr not in theirs[entry.msgid].values()
    }
    assert {msgid: clash for msgid, clash in clashes.items() if msgid not in KNOWN_CLASHES} == {}
    # A known clash that no longer clashes (e.g. it got a msgctxt) must leave the list.
    assert sorted(set(KNOWN_CLASHES) - set(clashes)) == []


#: Deliberate German wordings that differ from Wagtail's for the same msgid, each with its way out.
KNOWN_CLASHES = {}


def test_plural_forms_are_chosen_by_count():
    message = "The search text is too long: please use at most %(limit)d characters."
    with translation.override("de"):
        assert translation.ngettext("%(counter)s result", "%(counter)s results", 1) % {"counter": 1} == "1 Ergebnis"
        assert translation.ngettext("%(counter)s result", "%(counter)s results", 0) % {"counter": 0} == "0 Ergebnisse"
        assert translation.ngettext("%(counter)s result", "%(counter)s results", 7) % {"counter": 7} == "7 Ergebnisse"
        text = translation.ngettext(message.replace("characters", "character"), message, 200) % {"limit": 200}
    assert text == "Der Suchtext ist zu lang: bitte höchstens 200 Zeichen verwenden."


# --- Up to date with the source ---------------------------------------------------------------------


def test_makemessages_finds_no_new_strings(po, tmp_path, monkeypatch):
    """makemessages on a copy of the package adds no entry and drops none: every source string is translated."""
    if not all(shutil.which(tool) for tool in ("xgettext", "msgmerge", "msguniq")):
        missing_service("GNU gettext", "makemessages needs xgettext, msgmerge and msguniq")
    _, entries = po
    copy = tmp_path / "bibnetz_wagtail"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo"))
    # A control string, so that a makemessages run that silently scans nothing cannot pass.
    control = "Control string of test_translations, not in the package."
    (copy / "zz_translation_control.py").write_text(
        f"from django.utils.translation import gettext as _\n\n_({control!r})\n", encoding="utf-8"
    )
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["de"], no_obsolete=True, verbosity=0)
    _, fresh = read_po(copy / "locale" / "de" / "LC_MESSAGES" / "django.po")
    assert control in {entry.msgid for entry in fresh}, "makemessages did not scan the copy"
    fresh = [entry for entry in fresh if entry.msgid != control]

    current = {entry.key for entry in entries}
    new = sorted(entry.msgid for entry in fresh if entry.key not in current)
    gone = sorted(key[1] for key in current - {entry.key for entry in fresh})
    untranslated = sorted(
        entry.msgid for entry in fresh if "fuzzy" in entry.flags or not all(t.strip() for t in entry.translations)
    )
    assert new == [], "run makemessages in bibnetz_wagtail/ and translate these"
    assert gone == [], "run makemessages --no-obsolete in bibnetz_wagtail/: these are no longer in the source"
    assert untranslated == []


# --- The pages --------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestPagesInGerman:
    def test_listing_page(self, client, world):
        html = client.get("/massnahmen/").content.decode()
        assert "Ergebnisse" in html and "Bibliotheken wie unsere" in html
        for german in ("Suchtext", "Bundesland", "Bayern", "Einwohnerzahl", "Personal (VZÄ)", "Gemeindebibliothek"):
            assert german in html, german
        for english in ("Libraries like ours", "Federal state", "Bavaria", "Municipal library"):
            assert english not in html, english
        assert re.search(r"\d+ results?\b", html) is None

    def test_sort_options_and_chips(self, client, world):
        html = client.get("/massnahmen/?like_population=5000&q=Tablet").content.decode()
        for german in (
            "Ähnlichste zuerst",
            "Neueste zuerst",
            "Beste Treffer",
            "Suche: „Tablet“",
            "Alle Filter entfernen",
        ):
            assert german in html, german

    def test_one_result_is_singular(self, client, world):
        html = client.get("/massnahmen/?topic=maker").content.decode()
        assert "1 Ergebnis" in html and "1 Ergebnisse" not in html

    def test_error_page(self, client, world):
        response = client.get("/massnahmen/?page=0&q=" + "x" * 10000)
        html = response.content.decode()
        assert response.status_code == 400
        assert "Diese Filter lassen sich nicht anwenden:" in html
        assert "Der Suchtext ist zu lang: bitte höchstens 200 Zeichen verwenden." in html
        assert "Die Seitennummer muss eine ganze Zahl von mindestens 1 sein." in html

    def test_detail_page(self, client, world):
        html = client.get(world.tasks["k2"].url).content.decode()
        assert "Aufgabe zum Teilen" in html and "Gesuchte Partnerbibliotheken" in html and "VZÄ" in html
