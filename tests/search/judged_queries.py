"""Judged queries over the demo network of seed 42: what a searching librarian means by each query.

Each entry is ``Judged(category, kind, query, expected)``. ``expected`` is a human judgment written without the
analyser: a case-insensitive regular expression over a page's raw texts (its listing's text fields as written
and the labels of its public terms, see ``judged_world.page_texts``), or a tuple of them that must all match
(one per word of a multi-word query), or ``None``: the query must find nothing.

A query for a word means the word in all its forms and the compounds it is a part of („Kino“ means
„Bilderbuchkino“ too); a misspelt query means the word it misspells.
"""

from dataclasses import dataclass

MEASURES, LIBRARIES, TASKS = "measures", "libraries", "tasks"

INFLECTION = "inflections"
COMPOUND = "compounds"
SPELLING = "umlauts and accents"
TYPO = "typos"
TERM = "term names"
MULTI = "multi-word"
NONE = "no hits"
CATEGORIES = (INFLECTION, COMPOUND, SPELLING, TYPO, TERM, MULTI, NONE)


@dataclass(frozen=True)
class Judged:
    category: str
    kind: str
    query: str
    expected: str | tuple | None

    @property
    def patterns(self):
        if self.expected is None:
            return ()
        return self.expected if isinstance(self.expected, tuple) else (self.expected,)


# Meanings shared by several queries.
CHILD = r"kind"  # Kind, Kinder, Kindern, Grundschulkinder, Kinderbuchautorin …
SENIOR = r"senior"  # Senioren, Seniorinnen, Seniorenheim, Seniorenbeirat
BOOK = r"b[uü]ch(?!en)"  # Buch, Bücher, Bilderbuch, Bücherei … but not the beeches of „Niederbuchenwalde“
SCHOOL = r"(?<!ge)schul(?!ung)|einschulung"  # Schule, Grundschule, Einschulung, not „geschult“ nor „Schulung“
LANGUAGE = r"(?<!an)sprach"  # Sprache, Sprachcafé, mehrsprachig, but not „Ansprachen“
PLACE = r"\bort(e|en|s)?\b|\w{3,}ort(e|en)?\b"  # Ort, Orte, vor Ort, Lernort, not „Ortschronik“ or „Sport“
ROOM = r"(?<!t)r[aä]um"  # Raum, Räume, Nebenraum, but not „Traum“
YOUTH = r"jugend"  # Jugendliche, Jugendlicher and the youth of „Jugendtreff“, „Jugendecke“, „Jugendbücher“
VOLUNTEER = r"ehrenamt"  # Ehrenamtliche are the people of the Ehrenamt

JUDGED = [
    # Inflections: any form of the word finds every form.
    Judged(INFLECTION, MEASURES, "Kindern", CHILD),
    Judged(INFLECTION, MEASURES, "Kinder", CHILD),
    Judged(INFLECTION, MEASURES, "Kind", CHILD),
    Judged(INFLECTION, MEASURES, "Seniorinnen", SENIOR),
    Judged(INFLECTION, MEASURES, "Senioren", SENIOR),
    Judged(INFLECTION, MEASURES, "Seniorin", SENIOR),
    Judged(INFLECTION, LIBRARIES, "Bibliotheken", r"bibliothek"),
    Judged(INFLECTION, MEASURES, "Familie", r"famili"),
    Judged(INFLECTION, MEASURES, "Jugendlicher", YOUTH),
    Judged(INFLECTION, MEASURES, "Schulen", SCHOOL),
    Judged(INFLECTION, MEASURES, "Ehrenamtlichen", VOLUNTEER),
    Judged(INFLECTION, TASKS, "Veranstaltung", r"veranstaltung"),
    Judged(INFLECTION, MEASURES, "Erwachsenen", r"erwachsen"),
    Judged(INFLECTION, MEASURES, "Zugewanderten", r"zugewandert"),
    Judged(INFLECTION, MEASURES, "Buch", BOOK),
    Judged(INFLECTION, MEASURES, "Büchern", BOOK),
    Judged(INFLECTION, MEASURES, "Spiele", r"(?<!ge)spiel"),  # games and play, not what was „gespielt“
    Judged(INFLECTION, MEASURES, "Workshops", r"workshop"),
    Judged(INFLECTION, MEASURES, "Garten", r"g[aä]rten"),
    Judged(INFLECTION, MEASURES, "Sprachen", LANGUAGE),
    Judged(INFLECTION, TASKS, "Lesungen", r"lesung"),
    # Known limitation: the stemmer removes the -er of agent nouns as it removes plural -er („Kinder“ → „kind“),
    # so „Besucher“ becomes „besuch“ and also finds „Besuch“ and „besuchen“ (precision about 0.5).
    Judged(INFLECTION, MEASURES, "Besucherinnen", r"besucher"),
    Judged(INFLECTION, MEASURES, "Räumen", ROOM),
    Judged(INFLECTION, MEASURES, "Medienkiste", r"medienkist"),
    # Compounds: a word finds the compounds it is the start, the middle or the end of.
    Judged(COMPOUND, MEASURES, "Kino", r"kino"),
    Judged(COMPOUND, MEASURES, "Bilderbuch", r"bilderb[uü]ch"),
    Judged(COMPOUND, MEASURES, "Café", r"caf[ée]"),
    Judged(COMPOUND, MEASURES, "Saatgut", r"saatgut"),
    Judged(COMPOUND, MEASURES, "Club", r"club"),
    Judged(COMPOUND, MEASURES, "Werkstatt", r"werkstatt"),
    Judged(COMPOUND, MEASURES, "Nacht", r"nacht"),
    Judged(COMPOUND, MEASURES, "Treff", r"treff"),
    Judged(COMPOUND, MEASURES, "Förderung", r"förder"),
    Judged(COMPOUND, MEASURES, "Sprechstunde", r"sprechstund"),
    Judged(COMPOUND, MEASURES, "Kisten", r"kist"),
    Judged(COMPOUND, MEASURES, "Abend", r"abend"),
    Judged(COMPOUND, MEASURES, "Robot", r"robot"),
    Judged(COMPOUND, MEASURES, "Ort", PLACE),
    Judged(COMPOUND, MEASURES, "Paten", r"pat(e|en|in|innen)\b"),
    Judged(COMPOUND, LIBRARIES, "Bücherei", r"b[uü]cherei"),
    Judged(COMPOUND, TASKS, "Autorin", r"autor"),
    Judged(COMPOUND, MEASURES, "Schein", r"schein"),
    # Umlauts, ß and accents: written with or without them, or with ae/oe/ue.
    Judged(SPELLING, LIBRARIES, "Bücherei", r"b[uü]cherei"),
    Judged(SPELLING, LIBRARIES, "Buecherei", r"b[uü]cherei"),
    Judged(SPELLING, LIBRARIES, "Bucherei", r"b[uü]cherei"),
    Judged(SPELLING, MEASURES, "Lesecafé", r"lesecaf[ée]"),
    Judged(SPELLING, MEASURES, "Lesecafe", r"lesecaf[ée]"),
    Judged(SPELLING, MEASURES, "Förderung", r"förder"),
    Judged(SPELLING, MEASURES, "Foerderung", r"förder"),
    Judged(SPELLING, MEASURES, "Erzaehlcafe", r"erzählcaf[ée]"),
    Judged(SPELLING, MEASURES, "Oeffentlichkeitsarbeit", r"öffentlichkeitsarbeit"),
    Judged(SPELLING, MEASURES, "Grossdruck", r"großdruck"),
    # Known limitation, as for „Besucher“: „Schüler“ becomes „schul“ and finds every page about a school.
    Judged(SPELLING, MEASURES, "Schueler", r"schüler"),
    Judged(SPELLING, MEASURES, "Tuetchen", r"tütchen"),
    Judged(SPELLING, MEASURES, "Thueringen", r"thüringen"),
    Judged(SPELLING, MEASURES, "Naehmaschine", r"nähmaschin"),
    Judged(SPELLING, TASKS, "Barrierefreiheit pruefen", (r"barrierefrei", r"prüf")),
    # Typos: one edit (a transposition included) in a word of five letters or more.
    Judged(TYPO, MEASURES, "Vorlesn", r"vorles"),
    Judged(TYPO, MEASURES, "Bilderbuchkion", r"bilderbuchkino"),
    Judged(TYPO, MEASURES, "Saatgtu", r"saatgut"),
    Judged(TYPO, MEASURES, "Makrespace", r"makerspace"),
    Judged(TYPO, MEASURES, "Nachaltigkeit", r"nachhaltigkeit"),
    Judged(TYPO, MEASURES, "Bibliothke", r"bibliothek"),
    # The correction „ehrenamtlich“ finds the Ehrenamtliche but not the pages that only say „Ehrenamt“.
    Judged(TYPO, MEASURES, "Ehrenamtlihe", VOLUNTEER),
    Judged(TYPO, MEASURES, "Onleihee", r"onleihe"),
    Judged(TYPO, MEASURES, "Lieferdeinst", r"lieferdienst"),
    Judged(TYPO, MEASURES, "Instagarm", r"instagram"),
    Judged(TYPO, MEASURES, "Spieleabned", r"spieleabend"),
    Judged(TYPO, MEASURES, "Kamishibaj", r"kamishibai"),
    Judged(TYPO, MEASURES, "Nähmashine", r"nähmaschin"),
    Judged(TYPO, MEASURES, "Demokratiebldung", r"demokratiebildung"),
    Judged(TYPO, LIBRARIES, "Gemeindebücherie", r"gemeindeb[uü]cherei"),
    Judged(TYPO, TASKS, "Klimawohcen", r"klimawoche"),
    # Term names: the labels of topics, target groups, toolkit results, states, library types and status.
    Judged(TERM, MEASURES, "Leseförderung", r"leseförderung"),
    # Known limitation: „dritt“ also finds „Drittel“, a longer term it starts (the compound rule).
    Judged(TERM, MEASURES, "Dritter Ort", (r"\bdritte[nrs]?\b", PLACE)),
    Judged(TERM, MEASURES, "Digitale Kompetenz", (r"digital", r"kompetenz")),
    Judged(TERM, MEASURES, "Makerspace", r"makerspace"),
    Judged(TERM, MEASURES, "Demokratiebildung", r"demokratiebildung"),
    Judged(TERM, MEASURES, "Kooperation mit Kitas", (r"kooperation", r"kita")),
    Judged(TERM, MEASURES, "Seniorinnen und Senioren", SENIOR),
    Judged(TERM, MEASURES, "Heimat und Regionalgeschichte", (r"heimat", r"regionalgeschicht")),
    Judged(TERM, MEASURES, "Bayern", r"bayern"),
    Judged(TERM, MEASURES, "Nordrhein-Westfalen", (r"nordrhein", r"westfalen")),
    # Known limitation: „Niedersachsen“ is a compound ending in „Sachsen“ and is found too.
    Judged(TERM, LIBRARIES, "Sachsen", r"\bsachsen\b"),
    Judged(TERM, LIBRARIES, "Schleswig-Holstein", (r"schleswig", r"holstein")),
    Judged(TERM, LIBRARIES, "Fahrbibliothek", r"fahrbibliothek"),
    Judged(TERM, LIBRARIES, "Ehrenamtlich geführte Bibliothek", (r"ehrenamtlich", r"geführt", r"bibliothek")),
    Judged(TERM, LIBRARIES, "Kirchliche öffentliche Bücherei", (r"kirchlich", r"öffentlich", r"b[uü]cherei")),
    Judged(TERM, MEASURES, "Etabliert", r"etabliert"),
    Judged(TERM, MEASURES, "Pilotphase", r"pilotphase"),
    Judged(TERM, TASKS, "Erledigt", r"erledigt"),
    Judged(TERM, TASKS, "Konzept entwickeln", (r"konzept", r"entwickel|entwickl")),
    Judged(TERM, LIBRARIES, "Open Library", (r"\bopen\b", r"library")),
    Judged(TERM, LIBRARIES, "Lokale Netzwerke", (r"lokal", r"netzwerk")),
    Judged(TERM, MEASURES, "Gaming", r"gaming"),
    Judged(TERM, MEASURES, "Grundschulkinder", r"grundschulkind"),
    # Several words: a page must match every one.
    Judged(MULTI, TASKS, "Lesung Kinder", (r"lesung", CHILD)),
    Judged(MULTI, MEASURES, "Saatgut Bücherei", (r"saatgut", r"b[uü]cherei")),
    Judged(MULTI, MEASURES, "Sprechstunde Senioren", (r"sprechstund", SENIOR)),
    Judged(MULTI, MEASURES, "Bilderbuchkino Kita", (r"bilderbuchkino", r"kita")),
    Judged(MULTI, MEASURES, "Makerspace Jugendliche", (r"makerspace", YOUTH)),
    Judged(MULTI, MEASURES, "Erzählcafé Heimat", (r"erzählcaf[ée]", r"heimat")),
    Judged(MULTI, LIBRARIES, "Lesecafé Bayern", (r"lesecaf[ée]", r"bayern")),
    Judged(MULTI, LIBRARIES, "Onleihe Familien", (r"onleihe", r"famili")),
    Judged(MULTI, MEASURES, "Gaming Jugendliche", (r"gaming", YOUTH)),
    Judged(MULTI, MEASURES, "Repair-Café Nachhaltigkeit", (r"repair", r"caf[ée]", r"nachhaltigkeit")),
    Judged(MULTI, MEASURES, "Medienkisten für Schulen", (r"medienkist", SCHOOL)),
    Judged(MULTI, TASKS, "Digitale Sprechstunden", (r"digital", r"sprechstund")),
    Judged(MULTI, MEASURES, "Instagram Redaktionsplan", (r"instagram", r"redaktionsplan")),
    Judged(MULTI, MEASURES, "Vorlesen Sprachen", (r"vorles", LANGUAGE)),
    Judged(MULTI, MEASURES, "Ehrenamt Seniorinnen Bayern", (r"ehrenamt", SENIOR, r"bayern")),
    # No hits: words the network does not contain, not even one edit away.
    Judged(NONE, MEASURES, "Quantenphysik", None),
    Judged(NONE, MEASURES, "Fußballturnier", None),
    Judged(NONE, MEASURES, "Zahnarzt", None),
    Judged(NONE, MEASURES, "Astronomie", None),
    Judged(NONE, MEASURES, "Weihnachtsmarkt", None),
    Judged(NONE, LIBRARIES, "Kryptowährung", None),
    Judged(NONE, TASKS, "Steuererklärung", None),
    Judged(NONE, MEASURES, "Kinder Quantenphysik", None),
    Judged(NONE, MEASURES, "Saatgut Zahnarzt", None),
    Judged(NONE, LIBRARIES, "Xylophon", None),
    Judged(NONE, MEASURES, "Hubschrauber", None),
]
