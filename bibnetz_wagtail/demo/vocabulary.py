"""The curated demo vocabularies: toolkit results, topics and target groups, and how they are stored."""

from ..models import TargetGroup, ToolkitResult, Topic

#: (slug, name, description): results a library takes home from the toolkit workshop.
TOOLKIT_RESULTS = [
    (
        "dritter-ort",
        "Dritter Ort",
        "Die Bibliothek wird zum nichtkommerziellen Treffpunkt zwischen Zuhause und Arbeit: "
        "Aufenthaltsqualität, Sitzplätze, WLAN, Kaffee, Raum für Begegnung.",
    ),
    (
        "kooperation-schulen",
        "Kooperation mit Schulen",
        "Feste Vereinbarungen mit Grund- und weiterführenden Schulen: Klassenführungen, Medienkisten, "
        "Leseprojekte, Bibliotheksführerschein.",
    ),
    (
        "kooperation-kitas",
        "Kooperation mit Kitas",
        "Frühe Leseförderung gemeinsam mit Kindertagesstätten: Bilderbuchkinos, Kita-Ausweise, "
        "Sprachförderung, Elternabende.",
    ),
    (
        "ehrenamt",
        "Ehrenamt einbinden",
        "Ehrenamtliche gewinnen, einarbeiten und halten – mit klaren Aufgaben, Ansprechpersonen und Anerkennung.",
    ),
    (
        "open-library",
        "Open Library",
        "Erweiterte Öffnungszeiten ohne Personal durch Selbstverbuchung, Zugangskontrolle und Videoüberwachung.",
    ),
    (
        "digitale-angebote",
        "Digitale Angebote ausbauen",
        "Onleihe, Streaming, E-Learning und digitale Sprechstunden als fester Teil des Angebots.",
    ),
    (
        "bibliothek-unterwegs",
        "Bibliothek unterwegs",
        "Die Bibliothek kommt zu den Menschen: Medienboxen, Lieferdienst, Bücherbus, Pop-up-Bibliothek.",
    ),
    (
        "lokale-netzwerke",
        "Lokale Netzwerke",
        "Vereine, Verwaltung, Kirchengemeinden und Unternehmen vor Ort als Partner für Angebote und Räume.",
    ),
    (
        "oeffentlichkeitsarbeit",
        "Öffentlichkeitsarbeit stärken",
        "Sichtbarkeit in Gemeindeblatt, Presse und sozialen Medien mit festem Redaktionsplan.",
    ),
    (
        "veranstaltungsprofil",
        "Veranstaltungsprofil schärfen",
        "Wenige, wiederkehrende Veranstaltungsformate mit klarer Zielgruppe statt vieler Einzeltermine.",
    ),
    (
        "raeume-neu-denken",
        "Räume neu denken",
        "Umgestaltung mit wenig Geld: flexible Möbel, Zonen für Ruhe und Austausch, Präsentation statt Regalreihen.",
    ),
    (
        "bestandsprofil",
        "Bestandsprofil schärfen",
        "Den Bestand konsequent auf die Zielgruppen vor Ort ausrichten, aussondern, Schwerpunkte setzen.",
    ),
    (
        "interkommunale-zusammenarbeit",
        "Interkommunale Zusammenarbeit",
        "Mit Nachbargemeinden Personal, Bestand, Technik oder Veranstaltungen teilen.",
    ),
    (
        "nutzerbeteiligung",
        "Nutzerinnen und Nutzer beteiligen",
        "Befragungen, Wunschbuch und Beiräte: die Menschen vor Ort entscheiden mit.",
    ),
]

#: (slug, name, description): what measures and calls are about.
TOPICS = [
    ("lesefoerderung", "Leseförderung", "Freude am Lesen wecken, vom Bilderbuch bis zum Jugendroman."),
    ("digitale-kompetenz", "Digitale Kompetenz", "Smartphone, Internet, Datenschutz und Desinformation verstehen."),
    ("veranstaltungen", "Veranstaltungen", "Lesungen, Workshops, Spieleabende und Feste in der Bibliothek."),
    ("makerspace", "Makerspace", "3D-Druck, Robotik, Nähen und Reparieren: selbst machen mit Anleitung."),
    ("sprachfoerderung", "Sprache und Integration", "Deutsch lernen, mehrsprachige Angebote, Ankommen im Ort."),
    ("nachhaltigkeit", "Nachhaltigkeit", "Bibliothek der Dinge, Saatgut, Repair-Café und Klimabildung."),
    ("oeffentlichkeitsarbeit", "Öffentlichkeitsarbeit", "Presse, soziale Medien und Auftritte im Ort."),
    ("ehrenamt", "Ehrenamt", "Gewinnen, begleiten und halten von freiwillig Engagierten."),
    ("regionalgeschichte", "Heimat und Regionalgeschichte", "Ortschroniken, Erzählcafés und Archive vor Ort."),
    ("gaming", "Gaming", "Konsolen, Brettspiele und Spielenachmittage für alle Generationen."),
    ("demokratiebildung", "Demokratiebildung", "Diskussionsabende, Wahlinformationen und Nachrichtenkompetenz."),
    ("raum-und-aufenthalt", "Raum und Aufenthalt", "Lernplätze, Leseecken, Café und Öffnungszeiten."),
]

#: (slug, name, description): whom measures are for.
TARGET_GROUPS = [
    ("kita-kinder", "Kita-Kinder", "Kinder von drei bis sechs Jahren und ihre Erzieherinnen und Erzieher."),
    ("grundschulkinder", "Grundschulkinder", "Kinder von sechs bis zehn Jahren."),
    ("jugendliche", "Jugendliche", "Jugendliche und junge Erwachsene von zwölf bis einundzwanzig."),
    ("familien", "Familien", "Eltern, Großeltern und Kinder gemeinsam."),
    ("erwachsene", "Berufstätige Erwachsene", "Erwachsene, die abends und am Wochenende kommen."),
    ("senioren", "Seniorinnen und Senioren", "Ältere Menschen, auch in Pflegeeinrichtungen."),
    ("zugewanderte", "Zugewanderte", "Menschen, die neu in Deutschland und im Ort sind."),
    ("lehrkraefte", "Lehrkräfte und Fachkräfte", "Lehrerinnen und Lehrer, Erzieherinnen, Sozialarbeit."),
]


def sync_vocabularies():
    """Create or update the demo vocabularies; return ``{"topics"|"target_groups"|"toolkit_results": {slug: pk}}``."""
    return {
        "toolkit_results": _sync(ToolkitResult, TOOLKIT_RESULTS, with_order=False),
        "topics": _sync(Topic, TOPICS),
        "target_groups": _sync(TargetGroup, TARGET_GROUPS),
    }


def _sync(model, entries, with_order=True):
    ids = {}
    for order, (slug, name, description) in enumerate(entries, start=1):
        defaults = {"name": name, "description": description}
        if with_order:
            defaults["sort_order"] = order
        term, _created = model.objects.update_or_create(slug=slug, defaults=defaults)
        ids[slug] = term.pk
    return ids


def delete_vocabularies():
    """Delete every toolkit result, topic and target group (used by ``--reset``)."""
    for model in (ToolkitResult, Topic, TargetGroup):
        model.objects.all().delete()
