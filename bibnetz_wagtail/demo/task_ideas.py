"""The catalogue of task-share calls (Aufgaben teilen): work that libraries would rather do together.

Placeholders: ``{municipality}``, ``{library}``, ``{year}``, ``{region}`` and ``{month}`` (the planned start).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class TaskIdea:
    """One kind of shared task, with texts to vary and its classification."""

    titles: tuple
    summary: str
    what: str
    offer: str
    kind: str
    topics: tuple
    toolkit: tuple


TASK_IDEAS = [
    TaskIdea(
        ("Gemeinsame Lesereise mit einer Kinderbuchautorin", "Autorenlesungen auf Tour {year}"),
        "Wir möchten eine Kinderbuchautorin für eine Lesewoche in die Region holen. Zusammen lohnen sich "
        "Honorar und Anreise, und jede Bibliothek bekommt eine Lesung für ihre Schulen.",
        "Eine Woche, fünf Lesungen in fünf Orten, gemeinsame Werbung und ein gemeinsamer Förderantrag.",
        "Wir übernehmen Kontakt zum Verlag und den Antrag; Partner organisieren ihre Lesung vor Ort.",
        "event",
        ("lesefoerderung", "veranstaltungen"),
        ("veranstaltungsprofil", "interkommunale-zusammenarbeit"),
    ),
    TaskIdea(
        ("Veranstaltungsreihe zur Bundestagswahl", "Demokratie-Wochen in der Region"),
        "Vor der Wahl planen wir eine Reihe mit Wahl-O-Mat-Abenden, Diskussionen und Workshops zu "
        "Desinformation – gemeinsam vorbereitet, in jeder Bibliothek durchgeführt.",
        "Ein abgestimmtes Programm mit Materialien, Moderationsleitfaden und gemeinsamen Plakaten.",
        "Wir stellen die Vorlagen für Plakate und Pressetexte; gesucht sind Bibliotheken, die Formate testen.",
        "event",
        ("demokratiebildung", "veranstaltungen"),
        ("veranstaltungsprofil", "oeffentlichkeitsarbeit"),
    ),
    TaskIdea(
        ("Konzept für den Open-Library-Betrieb", "Leitfaden Open Library für kleine Bibliotheken"),
        "Wir wollen gemeinsam ein übertragbares Konzept für erweiterte Öffnungszeiten ohne Personal schreiben: "
        "Technik, Hausordnung, Datenschutz, Versicherung und Kommunikation.",
        "Ein Leitfaden mit Mustertexten, Kostenrahmen und Checkliste für Gespräche mit dem Träger.",
        "Wir bringen Erfahrungen aus der Planung ein; gesucht sind Bibliotheken mit Technik- oder Rechtsfragen.",
        "concept",
        ("raum-und-aufenthalt",),
        ("open-library", "interkommunale-zusammenarbeit"),
    ),
    TaskIdea(
        ("Gemeinsamer Förderantrag Makerspace", "Antrag für mobile Maker-Kisten"),
        "Für ein Förderprogramm suchen wir Partner: Gemeinsam beantragen wir mobile Maker-Kisten mit "
        "3D-Druckern und Robotik-Sets, die zwischen den Bibliotheken wandern.",
        "Ein Antrag, ein Kostenplan, ein Verleihplan zwischen den beteiligten Orten.",
        "Wir schreiben den Antragstext; Partner liefern Zahlen, Kofinanzierung und Projektideen.",
        "concept",
        ("makerspace", "digitale-kompetenz"),
        ("interkommunale-zusammenarbeit", "digitale-angebote"),
    ),
    TaskIdea(
        ("Schulungsreihe für Ehrenamtliche", "Einarbeitung von Ehrenamtlichen gemeinsam organisieren"),
        "Unsere Ehrenamtlichen wünschen sich Fortbildungen zu Ausleihe, Veranstaltungen und Vorlesen. "
        "Allein lohnt sich eine Referentin nicht, zusammen schon.",
        "Vier Online-Abende und ein Präsenztag {region}, mit Teilnahmebescheinigung.",
        "Wir organisieren Referentinnen und Technik; Partner melden Teilnehmende und teilen die Kosten.",
        "event",
        ("ehrenamt",),
        ("ehrenamt", "interkommunale-zusammenarbeit"),
    ),
    TaskIdea(
        ("Gemeinsame Social-Media-Redaktion", "Redaktionsplan für Instagram teilen"),
        "Wir möchten mit anderen Bibliotheken einen Redaktionsplan teilen: Jede Bibliothek erstellt pro Monat "
        "einige Beiträge, alle dürfen sie nutzen.",
        "Ein gemeinsamer Themenplan, geteilte Bildrechte und ein Ordner mit fertigen Vorlagen.",
        "Wir haben Vorlagen und Bildrechte geklärt; gesucht sind Bibliotheken, die regelmäßig Beiträge liefern.",
        "other",
        ("oeffentlichkeitsarbeit",),
        ("oeffentlichkeitsarbeit", "interkommunale-zusammenarbeit"),
    ),
    TaskIdea(
        ("Medienkisten für Kitas im Verbund", "Kita-Kisten gemeinsam bestücken"),
        "Wir wollen thematische Medienkisten für Kitas gemeinsam zusammenstellen und zwischen den Bibliotheken "
        "tauschen, damit jede Kita jedes Quartal neue Kisten bekommt.",
        "Zwölf Themen, je eine Kiste pro Bibliothek, ein Tauschplan für das Kita-Jahr.",
        "Wir stellen die Themenliste und die Kistenbeschriftung; Partner bestücken je zwei Themen.",
        "concept",
        ("lesefoerderung", "sprachfoerderung"),
        ("kooperation-kitas", "bestandsprofil"),
    ),
    TaskIdea(
        ("Gaming-Turnier im Landkreis", "Kreisweites Konsolenturnier in den Bibliotheken"),
        "Wir planen ein Turnier, bei dem Jugendliche in ihrer Bibliothek vor Ort spielen und online gegen andere "
        "Orte antreten. Das Finale findet in {municipality} statt.",
        "Vorrunden in jeder Bibliothek, ein gemeinsamer Spielplan und ein Finaltag mit Preisverleihung.",
        "Wir stellen Turnierplan und Technikliste; Partner brauchen eine Konsole und einen Beamer.",
        "event",
        ("gaming", "veranstaltungen"),
        ("veranstaltungsprofil", "interkommunale-zusammenarbeit"),
    ),
    TaskIdea(
        ("Musterkooperationsvertrag mit Schulen", "Kooperationsvereinbarung Bibliothek und Schule"),
        "Viele von uns arbeiten mit Schulen ohne schriftliche Vereinbarung. Wir möchten gemeinsam einen "
        "Mustervertrag mit Bausteinen für Grund- und weiterführende Schulen entwickeln.",
        "Ein Mustervertrag, eine Liste möglicher Leistungen und ein Leitfaden für das erste Gespräch.",
        "Wir bringen zwei bestehende Vereinbarungen ein; gesucht sind Partner mit Erfahrungen aus Schulgremien.",
        "concept",
        ("lesefoerderung",),
        ("kooperation-schulen",),
    ),
    TaskIdea(
        ("Klimawochen in der Bibliothek", "Gemeinsames Programm zu Nachhaltigkeit"),
        "Mit anderen Bibliotheken möchten wir Klimawochen gestalten: Saatguttausch, Repair-Café, Lesungen und "
        "ein Energiespar-Workshop.",
        "Ein gemeinsames Programmheft und geteilte Referentinnen und Referenten.",
        "Wir koordinieren Programmheft und Presse; Partner übernehmen je ein bis zwei Veranstaltungen.",
        "event",
        ("nachhaltigkeit", "veranstaltungen"),
        ("lokale-netzwerke", "veranstaltungsprofil"),
    ),
    TaskIdea(
        (
            "Barrierefreiheit prüfen: Checkliste für kleine Bibliotheken",
            "Barrierefreie Bibliothek – wo stehen wir?",
        ),
        "Wir möchten eine einfache Checkliste zur Barrierefreiheit erarbeiten und uns gegenseitig besuchen, "
        "um Räume, Website und Angebote zu prüfen.",
        "Eine Checkliste, gegenseitige Begehungen und eine Liste mit günstigen Sofortmaßnahmen.",
        "Wir haben einen Entwurf der Checkliste; gesucht sind Bibliotheken für gegenseitige Besuche.",
        "problem",
        ("raum-und-aufenthalt",),
        ("raeume-neu-denken", "nutzerbeteiligung"),
    ),
    TaskIdea(
        ("Datenschutz bei Veranstaltungsfotos", "Einwilligungen und Fotos: gemeinsame Lösung"),
        "Wie gehen wir mit Fotos von Kindern bei Veranstaltungen um? Wir suchen Partner, um Musterformulare und "
        "eine einfache Vorgehensweise zu erarbeiten.",
        "Musterformulare, ein Aushang und eine kurze Handreichung für Mitarbeitende.",
        "Wir klären die Fragen mit unserer Datenschutzbeauftragten; Partner testen die Formulare.",
        "problem",
        ("oeffentlichkeitsarbeit",),
        ("oeffentlichkeitsarbeit",),
    ),
    TaskIdea(
        ("Bestandsabgleich Sachbücher", "Gemeinsam aussondern und ergänzen"),
        "Unsere Sachbuchbestände sind veraltet und der Etat ist knapp. Wir möchten Bestände abgleichen, "
        "Schwerpunkte verteilen und gemeinsam aussondern.",
        "Eine Bestandsanalyse, abgestimmte Erwerbungsschwerpunkte und ein Fernleih-Weg zwischen den Orten.",
        "Wir liefern die Auswertung unseres Bestands; Partner brauchen einen Export aus ihrem Katalog.",
        "problem",
        ("lesefoerderung",),
        ("bestandsprofil", "interkommunale-zusammenarbeit"),
    ),
    TaskIdea(
        ("Sommerleseclub gemeinsam organisieren", "Regionaler Lesesommer"),
        "Wir möchten den Sommerleseclub mit mehreren Bibliotheken gemeinsam vorbereiten: Logbuch, Werbung, "
        "Abschlussfest und Auswertung.",
        "Gemeinsame Materialien, ein zentrales Abschlussfest und eine Auswertung für die Träger.",
        "Wir gestalten das Logbuch; Partner kaufen je ein Titelpaket und teilen die Druckkosten.",
        "event",
        ("lesefoerderung", "veranstaltungen"),
        ("kooperation-schulen", "interkommunale-zusammenarbeit"),
    ),
    TaskIdea(
        ("Digitale Sprechstunden im Verbund", "Ehrenamtliche Digitallotsen für mehrere Orte"),
        "Wir suchen Bibliotheken, die gemeinsam Digitallotsen ausbilden und Sprechstunden abwechselnd in den "
        "Orten anbieten.",
        "Eine Schulung, ein Einsatzplan und gemeinsame Anleitungen in großer Schrift.",
        "Wir haben eine Referentin der Verbraucherzentrale gewonnen; Partner suchen Ehrenamtliche vor Ort.",
        "concept",
        ("digitale-kompetenz", "ehrenamt"),
        ("ehrenamt", "digitale-angebote"),
    ),
    TaskIdea(
        ("Ortschroniken digitalisieren", "Gemeinsam einen Buchscanner nutzen"),
        "Für die Digitalisierung unserer Ortschroniken möchten wir einen Buchscanner gemeinsam beschaffen und "
        "reihum nutzen.",
        "Ein Nutzungsplan, Regeln für Rechte und Metadaten und eine gemeinsame Online-Sammlung.",
        "Wir kümmern uns um Angebot und Vertrag; Partner teilen Kosten und Scanzeiten.",
        "other",
        ("regionalgeschichte", "digitale-kompetenz"),
        ("digitale-angebote", "lokale-netzwerke"),
    ),
]

#: Regions named in the calls, so that several libraries sound like neighbours.
REGIONS = ["im Landkreis", "in der Region", "im Kreis", "im Bibliotheksverbund", "im Amt", "in der Verbandsgemeinde"]
