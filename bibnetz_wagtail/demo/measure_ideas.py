"""The catalogue of measures (Maßnahmen) the demo libraries report: what they did, why, how and with what effect.

Placeholders: ``{municipality}``, ``{library}``, ``{year}``, ``{n}`` (people reached), ``{partner}``
(a local partner in the dative, e.g. "dem Heimatverein") and ``{weeks}``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class MeasureIdea:
    """One kind of measure, with texts to vary and its classification."""

    titles: tuple
    summary: str
    why: str
    how: str
    tip: str
    outcome: str
    topics: tuple
    groups: tuple
    toolkit: tuple
    cost: str
    effort: str


MEASURE_IDEAS = [
    MeasureIdea(
        ("Sommerleseclub {year}", "Lesesommer für Grundschulkinder", "Ferien-Leseclub mit Abschlussparty"),
        "In den Sommerferien lesen Kinder mindestens drei Bücher, erzählen am Ausleihtresen davon und bekommen "
        "zum Schluss eine Urkunde. Gemeinsam mit {partner} haben wir in {municipality} dafür geworben.",
        "Nach den Ferien berichteten Lehrkräfte jedes Jahr, dass die Kinder viel verlernt hatten.",
        "Wir haben eine eigene Auswahl von 300 neuen Titeln bereitgestellt, ein Logbuch gedruckt und jede "
        "Woche eine kurze Bewertungsrunde angeboten. Die Abschlussparty fand mit Zauberer im Garten statt.",
        "Frühzeitig mit den Schulen sprechen: ein Elternbrief vor den Ferien bringt die meisten Anmeldungen.",
        "{n} Kinder haben mitgemacht, zwei Drittel haben das Ziel erreicht und viele kamen nach den Ferien wieder.",
        ("lesefoerderung", "veranstaltungen"),
        ("grundschulkinder", "jugendliche"),
        ("kooperation-schulen", "veranstaltungsprofil"),
        "low",
        "medium",
    ),
    MeasureIdea(
        ("Bilderbuchkino für Kita-Gruppen", "Bilderbuchkino am Vormittag", "Kamishibai-Erzähltheater"),
        "Einmal im Monat kommen Kita-Gruppen aus {municipality} zum Bilderbuchkino: Die Bilder werden groß "
        "gezeigt, eine Mitarbeiterin liest vor, danach wird gemalt und gespielt.",
        "Viele Kinder kamen erst zur Einschulung das erste Mal in die Bibliothek.",
        "Wir haben einen Beamer und eine Leinwand angeschafft, feste Termine mit den Kitas vereinbart und "
        "zu jedem Buch eine kleine Mitmachaktion vorbereitet.",
        "Termine für das ganze Kita-Jahr auf einmal vereinbaren, dann fallen sie nicht aus.",
        "Rund {n} Kinder im Jahr, dazu spürbar mehr Familien, die am Nachmittag mit den Kindern wiederkommen.",
        ("lesefoerderung", "sprachfoerderung"),
        ("kita-kinder", "familien"),
        ("kooperation-kitas",),
        "low",
        "low",
    ),
    MeasureIdea(
        ("Bibliotheksführerschein für Vorschulkinder", "Bibliotheksführerschein {year}"),
        "Vorschulkinder besuchen die Bibliothek an vier Terminen, lernen Bücher auszuwählen und auszuleihen und "
        "erhalten zum Abschluss ihren eigenen Bibliotheksführerschein.",
        "Wir wollten jedes Kind aus {municipality} vor der Einschulung einmal in der Bibliothek haben.",
        "Zusammen mit {partner} haben wir vier Bausteine entwickelt: Ankommen, Suchen, Ausleihen, Erzählen. "
        "Jedes Kind bekommt einen Stempelpass.",
        "Den Führerschein feierlich überreichen und die Eltern dazu einladen.",
        "{n} Vorschulkinder haben teilgenommen, fast alle Familien haben danach einen Ausweis beantragt.",
        ("lesefoerderung",),
        ("kita-kinder", "grundschulkinder"),
        ("kooperation-kitas", "kooperation-schulen"),
        "low",
        "medium",
    ),
    MeasureIdea(
        (
            "Smartphone-Sprechstunde für Seniorinnen und Senioren",
            "Digital-Café am Dienstag",
            "Handy-Hilfe in der Bücherei",
        ),
        "Jeden Dienstag beantworten Jugendliche und Ehrenamtliche Fragen rund um Smartphone, Tablet und "
        "Onlinebanking. Man kommt ohne Anmeldung, bringt sein Gerät mit und bleibt auf einen Kaffee.",
        "Immer mehr Dienste der Gemeinde {municipality} gibt es nur noch online.",
        "Wir haben mit {partner} Helferinnen und Helfer gewonnen, kurz geschult und einen festen Termin "
        "mit zwei Tischen und Ladekabeln eingerichtet. Typische Fragen sammeln wir in einem Ordner.",
        "Nicht zu viel auf einmal erklären: eine Frage pro Besuch, die richtig sitzt.",
        "Im Schnitt kommen {n} Menschen im Monat, viele davon zum ersten Mal in die Bibliothek.",
        ("digitale-kompetenz",),
        ("senioren",),
        ("ehrenamt", "digitale-angebote"),
        "none",
        "low",
    ),
    MeasureIdea(
        ("Open Library: geöffnet bis 22 Uhr", "Open-Library-Betrieb seit {year}", "Selbstbedienung am Abend"),
        "Mit Bibliotheksausweis kommen Erwachsene seit {year} auch ohne Personal in die Bibliothek: morgens ab "
        "7 Uhr und abends bis 22 Uhr. Die Öffnungszeit hat sich mehr als verdreifacht.",
        "Berufstätige aus {municipality} schafften es nicht zu unseren Öffnungszeiten.",
        "Wir haben Selbstverbuchung, ein Zugangssystem und Kameras installiert, die Hausordnung angepasst und "
        "in einer Pilotphase von {weeks} Wochen Erfahrungen gesammelt.",
        "Datenschutz, Versicherung und Hausrecht früh mit der Verwaltung klären.",
        "Die Ausleihen stiegen um ein Viertel; {n} Personen haben sich für den Zugang freischalten lassen.",
        ("raum-und-aufenthalt",),
        ("erwachsene", "jugendliche"),
        ("open-library", "dritter-ort"),
        "high",
        "high",
    ),
    MeasureIdea(
        ("Makerspace mit 3D-Drucker", "Offene Werkstatt in der Bibliothek", "Maker-Nachmittag für Jugendliche"),
        "In einem umgebauten Nebenraum stehen 3D-Drucker, Plotter, Nähmaschine und Lötstation. Jeden Freitag "
        "zeigen Ehrenamtliche, wie man damit eigene Ideen umsetzt.",
        "Jugendliche fanden in {municipality} kaum Orte, an denen sie etwas ausprobieren konnten.",
        "Mit Fördermitteln und Unterstützung von {partner} haben wir die Geräte gekauft und eine Werkstattordnung "
        "geschrieben. Erste Projekte waren Schlüsselanhänger und Ersatzteile.",
        "Sicherheitseinweisung schriftlich festhalten und klein anfangen: ein Gerät, ein fester Termin.",
        "{n} Jugendliche kommen regelmäßig, einige betreuen inzwischen selbst die Anfängerkurse.",
        ("makerspace", "digitale-kompetenz"),
        ("jugendliche", "grundschulkinder"),
        ("raeume-neu-denken", "lokale-netzwerke"),
        "high",
        "high",
    ),
    MeasureIdea(
        ("Bibliothek der Dinge", "Ausleihen statt kaufen: unsere Bibliothek der Dinge"),
        "Neben Büchern verleihen wir Werkzeug, Nähmaschine, Beamer, Messgeräte und Spiele für Feste. "
        "Die Gegenstände wurden zum Teil von Menschen aus {municipality} gespendet.",
        "Viele Geräte braucht man nur zweimal im Jahr.",
        "Wir haben per Umfrage gesammelt, was gebraucht wird, Spenden geprüft, jeden Gegenstand mit Anleitung "
        "katalogisiert und ein Regal im Eingangsbereich eingerichtet.",
        "Zubehör und Zustand bei der Rückgabe mit einer Checkliste prüfen.",
        "{n} Ausleihen im ersten Jahr; am beliebtesten sind Bohrmaschine, Beamer und Einkochtopf.",
        ("nachhaltigkeit",),
        ("familien", "erwachsene"),
        ("bestandsprofil", "nutzerbeteiligung"),
        "low",
        "medium",
    ),
    MeasureIdea(
        ("Saatgutbibliothek", "Saatgut tauschen in der Bücherei"),
        "In alten Karteikästen bieten wir samenfestes Saatgut zum Mitnehmen an. Wer erntet, bringt im Herbst "
        "Samen zurück. Dazu gibt es Gartenbücher und einen Tauschtag mit {partner}.",
        "Im Ort gibt es viele Gärten und viel Wissen, aber kaum Austausch.",
        "Wir haben Saatgut von einem regionalen Verein bekommen, Tütchen und Etiketten gestaltet und einen "
        "Thementisch aufgebaut.",
        "Nur samenfeste Sorten aufnehmen und die Herkunft dokumentieren.",
        "{n} Tütchen gingen in der ersten Saison über die Theke.",
        ("nachhaltigkeit",),
        ("familien", "senioren"),
        ("lokale-netzwerke",),
        "none",
        "low",
    ),
    MeasureIdea(
        ("Repair-Café in der Bücherei", "Reparieren statt wegwerfen"),
        "Einmal im Monat reparieren Ehrenamtliche in der Bibliothek Toaster, Fahrräder und Kleidung. "
        "Wer wartet, stöbert in Reparaturanleitungen oder trinkt Kaffee.",
        "Ein Verein aus dem Ort suchte einen Raum, wir suchten Angebote für Erwachsene.",
        "Wir stellen Raum, Tische und Fachbücher, der Verein bringt Werkzeug und Fachleute mit. "
        "Die Termine stehen im Gemeindeblatt.",
        "Haftungsfragen vorab mit einem Formular klären.",
        "Bei bisher {n} Besuchen wurde gut die Hälfte der Geräte wieder flott.",
        ("nachhaltigkeit", "makerspace"),
        ("erwachsene", "senioren"),
        ("lokale-netzwerke", "ehrenamt", "dritter-ort"),
        "low",
        "medium",
    ),
    MeasureIdea(
        ("Gaming-Nachmittage für Jugendliche", "Konsolen-Treff am Freitag", "Gaming-Zone"),
        "Freitags ist die Jugendecke Gaming-Zone: Konsolen, Turniere und Spiele mit Altersfreigabe. "
        "Ein Teamer aus {partner} betreut die Runde.",
        "Jugendliche ab zwölf Jahren kamen kaum noch in die Bibliothek {library}.",
        "Wir haben zwei Konsolen und einen Beamer angeschafft, Spiele nach USK-Freigabe ausgewählt und "
        "gemeinsam mit den Jugendlichen Regeln aufgestellt.",
        "Die Jugendlichen das Programm mitbestimmen lassen, nicht nur die Spiele.",
        "Regelmäßig {n} Jugendliche; die Ausleihen von Comics und Jugendbüchern sind gestiegen.",
        ("gaming",),
        ("jugendliche",),
        ("dritter-ort", "veranstaltungsprofil"),
        "medium",
        "medium",
    ),
    MeasureIdea(
        ("Spieleabend für Erwachsene", "Brettspieltreff", "Spielenacht in der Bibliothek"),
        "Jeden ersten Donnerstag im Monat öffnen wir abends für Brett- und Kartenspiele. Neue Spiele aus dem "
        "Bestand werden erklärt, Getränke bringt jeder selbst mit.",
        "In {municipality} fehlte ein Treffpunkt für Erwachsene ohne Verzehrzwang.",
        "Wir haben den Spielebestand auf 150 Spiele erweitert und zwei Ehrenamtliche als Spieleerklärer gewonnen.",
        "Immer ein paar einfache Spiele für Neue bereithalten.",
        "{n} Menschen kommen regelmäßig, die Spieleausleihe hat sich verdoppelt.",
        ("gaming", "veranstaltungen"),
        ("familien", "erwachsene"),
        ("dritter-ort",),
        "low",
        "low",
    ),
    MeasureIdea(
        ("Sprachcafé für Zugewanderte", "Deutsch üben im Sprachcafé", "Internationales Sprachcafé"),
        "Zweimal in der Woche treffen sich Zugewanderte und Menschen aus {municipality}, um Deutsch im Alltag zu "
        "üben. Dazu gibt es Lernmaterial zum Ausleihen.",
        "Die Integrationskurse waren voll, und danach fehlte Gelegenheit zum Sprechen.",
        "Gemeinsam mit {partner} haben wir Ehrenamtliche gewonnen, Gesprächskarten erstellt und Wörterbücher "
        "sowie leichte Lektüren angeschafft.",
        "Feste Tandems bilden, damit Vertrauen entsteht.",
        "Etwa {n} Teilnehmende im Jahr, viele sind inzwischen selbst Ehrenamtliche.",
        ("sprachfoerderung",),
        ("zugewanderte", "erwachsene"),
        ("ehrenamt", "lokale-netzwerke", "dritter-ort"),
        "none",
        "low",
    ),
    MeasureIdea(
        ("Mehrsprachige Vorlesestunde", "Vorlesen in vielen Sprachen"),
        "Eltern lesen in ihrer Muttersprache vor, wir lesen dieselbe Geschichte auf Deutsch. So hören Kinder "
        "beide Sprachen und erleben ihre Familiensprache in der Bibliothek.",
        "In {municipality} wachsen viele Kinder mehrsprachig auf.",
        "Wir haben zweisprachige Bilderbücher angeschafft und Eltern mit Hilfe von {partner} als "
        "Vorleserinnen gewonnen.",
        "Bilderbücher mit wenig Text auswählen, dann klappt der Sprachwechsel.",
        "{n} Kinder und ihre Eltern haben teilgenommen, in sieben Sprachen.",
        ("sprachfoerderung", "lesefoerderung"),
        ("kita-kinder", "familien", "zugewanderte"),
        ("kooperation-kitas", "ehrenamt"),
        "low",
        "low",
    ),
    MeasureIdea(
        ("Medienboxen für Pflegeheime", "Bücher auf Rädern", "Bibliothek kommt ins Seniorenheim"),
        "Alle vier Wochen bringen wir Medienkisten mit Großdruckbüchern, Hörbüchern und Zeitschriften in die "
        "Pflegeeinrichtungen von {municipality}.",
        "Viele ältere Leserinnen konnten nicht mehr selbst in die Bibliothek kommen.",
        "Mit {partner} haben wir Wünsche abgefragt und einen Tourplan aufgestellt; Ehrenamtliche lesen vor Ort vor.",
        "Großdruck und Hörbücher machen den Unterschied, nicht die Menge.",
        "{n} Bewohnerinnen und Bewohner werden regelmäßig erreicht.",
        ("lesefoerderung",),
        ("senioren",),
        ("bibliothek-unterwegs", "ehrenamt"),
        "low",
        "medium",
    ),
    MeasureIdea(
        ("Medienbote: Lieferdienst nach Hause", "Bücher-Lieferdienst mit dem Lastenrad"),
        "Wer nicht mehr mobil ist, bestellt telefonisch, und Ehrenamtliche bringen die Medien nach Hause, "
        "im Sommer mit dem Lastenrad.",
        "Die nächste Bushaltestelle ist für viele Ortsteile von {municipality} weit weg.",
        "Wir haben ein Lastenrad von {partner} bekommen, einen Bestellzettel entworfen und feste "
        "Liefertage eingeführt.",
        "Persönliche Ansprechpersonen sind wichtiger als ein perfektes Bestellsystem.",
        "{n} Haushalte werden regelmäßig beliefert.",
        ("ehrenamt", "lesefoerderung"),
        ("senioren",),
        ("bibliothek-unterwegs", "ehrenamt"),
        "none",
        "medium",
    ),
    MeasureIdea(
        ("Erzählcafé zur Ortsgeschichte", "Erzählcafé: Wie es früher war"),
        "Ältere Menschen aus {municipality} erzählen bei Kaffee und Kuchen von früher, Schülerinnen und Schüler "
        "fragen nach und schreiben mit. Fotos aus Familienalben werden gescannt.",
        "Viel Wissen über den Ort ging verloren, weil es niemand aufschrieb.",
        "Zusammen mit {partner} haben wir Themen geplant – Schule, Arbeit, Feste – und Aufnahmen vorbereitet.",
        "Ein Foto als Gesprächsanfang wirkt besser als jede Frage.",
        "{n} Erzählende, eine kleine Ausstellung und ein Heft für die Ortschronik.",
        ("regionalgeschichte", "veranstaltungen"),
        ("senioren", "erwachsene"),
        ("lokale-netzwerke", "dritter-ort"),
        "none",
        "low",
    ),
    MeasureIdea(
        ("Digitale Ortschronik", "Ortschronik online"),
        "Gemeinsam mit Ehrenamtlichen digitalisieren wir Fotos, Zeitungsartikel und Chroniken und stellen sie "
        "mit Beschreibungen online.",
        "Die Bestände lagen in Kellern und Schubladen verstreut.",
        "Wir haben einen Buchscanner geliehen, mit {partner} Regeln für Rechte und Beschreibung festgelegt und "
        "wöchentlich Scan-Termine angeboten.",
        "Rechtefragen vor dem Scannen klären, nicht danach.",
        "Über {n} Dokumente sind online, die Seite wird auch von Schulen genutzt.",
        ("regionalgeschichte", "digitale-kompetenz"),
        ("erwachsene", "senioren"),
        ("lokale-netzwerke", "digitale-angebote", "ehrenamt"),
        "medium",
        "high",
    ),
    MeasureIdea(
        ("Lesecafé im Eingangsbereich", "Umgestaltung zum Treffpunkt", "Mehr Platz zum Bleiben"),
        "Wir haben Regale umgestellt und im Eingangsbereich ein Lesecafé mit Zeitungen, Sofas und Kaffeeautomat "
        "eingerichtet. Die Bibliothek ist jetzt ein Ort zum Bleiben.",
        "Die Besucherinnen und Besucher holten Medien ab und gingen sofort wieder.",
        "Mit einer Möbelplanung aus dem Toolkit-Workshop und Hilfe von {partner} haben wir in {weeks} Wochen "
        "umgebaut, ohne lange zu schließen.",
        "Vorher mit den Nutzerinnen und Nutzern sprechen: sie wussten genau, was fehlt.",
        "Die Aufenthaltsdauer ist deutlich gestiegen; {n} Menschen kamen allein zur Eröffnung.",
        ("raum-und-aufenthalt",),
        ("erwachsene", "familien"),
        ("dritter-ort", "raeume-neu-denken"),
        "medium",
        "high",
    ),
    MeasureIdea(
        ("Instagram-Kanal der Bibliothek", "Social Media mit Redaktionsplan"),
        "Seit {year} zeigen wir auf Instagram Neuerscheinungen, Veranstaltungen und Blicke hinter die Kulissen. "
        "Zwei Posts pro Woche nach festem Redaktionsplan.",
        "Jüngere Menschen aus {municipality} erreichten wir über das Gemeindeblatt nicht.",
        "Wir haben Zuständigkeiten festgelegt, Bildrechte geklärt und Formate wie „Buch der Woche“ entwickelt.",
        "Lieber regelmäßig und einfach als selten und perfekt.",
        "Nach einem Jahr folgen {n} Accounts; Veranstaltungen sind schneller ausgebucht.",
        ("oeffentlichkeitsarbeit",),
        ("jugendliche", "erwachsene"),
        ("oeffentlichkeitsarbeit",),
        "none",
        "medium",
    ),
    MeasureIdea(
        ("Bücherkolumne im Gemeindeblatt", "Unser Buchtipp im Amtsblatt"),
        "Jede Woche stellen Mitarbeitende und Ehrenamtliche im Gemeindeblatt von {municipality} ein Buch vor, "
        "dazu die nächsten Termine.",
        "Das Gemeindeblatt wird von fast allen Haushalten gelesen.",
        "Wir haben mit der Verwaltung einen festen Platz vereinbart und wechseln uns mit {partner} beim Schreiben ab.",
        "Die Kolumne immer mit einem Anlass im Ort verbinden.",
        "Vorgestellte Titel sind oft wochenlang vorbestellt; {n} Rückmeldungen im ersten Jahr.",
        ("oeffentlichkeitsarbeit",),
        ("erwachsene", "senioren"),
        ("oeffentlichkeitsarbeit", "lokale-netzwerke"),
        "none",
        "low",
    ),
    MeasureIdea(
        ("Lesepaten an der Grundschule", "Lesepatenschaften", "Lesepaten-Team"),
        "Ehrenamtliche Lesepatinnen und -paten lesen einmal pro Woche mit Kindern der Grundschule, in der "
        "Schule oder in der Bibliothek.",
        "Viele Kinder haben zu Hause niemanden, der mit ihnen liest.",
        "Wir haben Paten über die Zeitung gesucht, mit {partner} geschult und feste Tandems gebildet.",
        "Regelmäßige Treffen der Paten halten das Team zusammen.",
        "{n} Kinder werden begleitet, die Lehrkräfte berichten von sichtbaren Fortschritten.",
        ("ehrenamt", "lesefoerderung"),
        ("grundschulkinder",),
        ("ehrenamt", "kooperation-schulen"),
        "low",
        "medium",
    ),
    MeasureIdea(
        ("Wahl-Café vor der Kommunalwahl", "Kandidatenrunde in der Bibliothek"),
        "Vor der Wahl haben wir Kandidierende aller Listen zu einem moderierten Gespräch eingeladen. Dazu gab es "
        "Informationen zur Briefwahl und eine Medienauswahl zur Demokratie.",
        "In {municipality} gab es keinen neutralen Ort für politische Diskussion.",
        "Mit {partner} haben wir ein Format mit festen Redezeiten entwickelt und Fragen vorab gesammelt.",
        "Neutralität sichtbar machen: alle Listen einladen, Regeln vorher veröffentlichen.",
        "{n} Gäste; viele wünschten sich weitere Gesprächsabende.",
        ("demokratiebildung", "veranstaltungen"),
        ("erwachsene", "jugendliche"),
        ("lokale-netzwerke", "veranstaltungsprofil"),
        "low",
        "medium",
    ),
    MeasureIdea(
        ("Fake-News-Workshop für Schulklassen", "Nachrichtenkompetenz für die 8. Klasse"),
        "In einem Workshop untersuchen Schulklassen Falschmeldungen, prüfen Quellen und erstellen selbst eine "
        "Nachrichtenseite.",
        "Lehrkräfte in {municipality} wünschten sich Unterstützung beim Thema Desinformation.",
        "Wir haben mit {partner} ein Modul für 90 Minuten entwickelt, mit Tablets und Beispielen aus dem Netz.",
        "Aktuelle Beispiele aus der Region wirken am stärksten.",
        "{n} Schülerinnen und Schüler haben das Modul besucht.",
        ("demokratiebildung", "digitale-kompetenz"),
        ("jugendliche", "lehrkraefte"),
        ("kooperation-schulen",),
        "none",
        "medium",
    ),
    MeasureIdea(
        ("Lernort in der Prüfungszeit", "Lange Lernnacht vor den Abschlussprüfungen"),
        "Vor den Abschlussprüfungen ist die Bibliothek bis in den Abend Lernort mit Gruppentischen, "
        "Steckdosen, WLAN und Nervennahrung.",
        "Zu Hause fehlte vielen Jugendlichen ein ruhiger Platz.",
        "Wir haben Tische umgestellt, Prüfungsliteratur ergänzt und Lernpaten von {partner} eingeladen.",
        "Die Jugendlichen selbst über Schulsozialarbeit einladen lassen.",
        "An {weeks} Wochen kamen insgesamt {n} Jugendliche.",
        ("raum-und-aufenthalt",),
        ("jugendliche",),
        ("dritter-ort", "open-library"),
        "low",
        "medium",
    ),
    MeasureIdea(
        ("Programmieren mit Robotern", "Robotik-AG mit Calliope und Bee-Bots", "Coding für Kinder"),
        "Grundschulkinder steuern Bee-Bots über Spielfelder und programmieren Calliope-Minicomputer. Lehrkräfte "
        "können die Sets für den Unterricht ausleihen.",
        "Die Schulen in {municipality} hatten keine eigenen Geräte.",
        "Wir haben Klassensätze angeschafft, mit {partner} Unterrichtsideen entwickelt und Einführungen angeboten.",
        "Kurze Aufgaben mit sichtbarem Ergebnis motivieren am meisten.",
        "{n} Kinder haben programmiert, die Sets sind über Monate ausgeliehen.",
        ("makerspace", "digitale-kompetenz"),
        ("grundschulkinder", "lehrkraefte"),
        ("kooperation-schulen", "digitale-angebote"),
        "medium",
        "medium",
    ),
    MeasureIdea(
        ("Nutzerbefragung und Wunschbuch", "Was wünschen Sie sich von Ihrer Bibliothek?"),
        "Wir haben alle Menschen in {municipality} gefragt, was sie von der Bibliothek erwarten – auf Papier, "
        "online und am Marktstand. Ein Wunschbuch am Tresen bleibt dauerhaft.",
        "Wir wollten unsere Angebote nicht mehr aus dem Bauch heraus planen.",
        "Mit {partner} haben wir einen Fragebogen entwickelt und die Ergebnisse öffentlich vorgestellt.",
        "Ergebnisse sichtbar umsetzen, sonst macht beim nächsten Mal niemand mit.",
        "{n} ausgefüllte Fragebögen; drei Wünsche sind schon umgesetzt.",
        ("oeffentlichkeitsarbeit", "raum-und-aufenthalt"),
        ("erwachsene", "familien"),
        ("nutzerbeteiligung", "bestandsprofil"),
        "none",
        "medium",
    ),
    MeasureIdea(
        ("Themenkisten für Lehrkräfte", "Medienkisten für den Unterricht"),
        "Lehrkräfte bestellen online Themenkisten mit Büchern, Spielen und Materialien zu Unterrichtsthemen, "
        "wir packen und liefern sie an die Schule.",
        "Die Schulbibliotheken in {municipality} sind klein und veraltet.",
        "Wir haben zwanzig Themen mit den Schulen abgestimmt und den Bestand gezielt ergänzt.",
        "Kisten nach Lehrplan benennen, nicht nach Bibliothekssystematik.",
        "{n} Kisten im Schuljahr.",
        ("lesefoerderung",),
        ("lehrkraefte", "grundschulkinder"),
        ("kooperation-schulen", "bestandsprofil"),
        "low",
        "medium",
    ),
    MeasureIdea(
        ("Medienkurier mit der Nachbargemeinde", "Gemeinsamer Bestand im Verbund"),
        "Zusammen mit der Nachbargemeinde teilen wir Bestand und Katalog; ein Kurier tauscht zweimal pro Woche "
        "bestellte Medien aus.",
        "Beide Bibliotheken hatten zu wenig Etat für aktuelle Sachbücher.",
        "Wir haben die Kataloge zusammengeführt, Erwerbungsschwerpunkte abgesprochen und mit {partner} die "
        "Fahrten organisiert.",
        "Schwerpunkte absprechen: jede Bibliothek kauft, was die andere nicht hat.",
        "{n} Medien wurden im ersten Jahr zwischen den Orten ausgetauscht.",
        ("lesefoerderung",),
        ("erwachsene",),
        ("interkommunale-zusammenarbeit", "bibliothek-unterwegs"),
        "medium",
        "medium",
    ),
    MeasureIdea(
        ("Pop-up-Bibliothek im Freibad", "Sommerbibliothek am See"),
        "Im Sommer stehen Bücherregale, Liegestühle und Zeitschriften im Freibad von {municipality}. Ausleihen "
        "geht ohne Ausweis gegen ein Lächeln.",
        "Im Sommer ist die Bibliothek leer und das Freibad voll.",
        "Mit {partner} haben wir wetterfeste Regale gebaut und ausgesonderte Bücher zum Mitnehmen angeboten.",
        "Eine einfache Ausleihliste genügt, nicht alles muss zurückkommen.",
        "{n} Bücher wurden gelesen oder mitgenommen, viele Familien haben danach einen Ausweis beantragt.",
        ("lesefoerderung", "veranstaltungen"),
        ("familien", "jugendliche"),
        ("bibliothek-unterwegs", "oeffentlichkeitsarbeit"),
        "low",
        "medium",
    ),
    MeasureIdea(
        ("Onleihe-Sprechstunde", "E-Book-Sprechstunde"),
        "Wir helfen beim Einrichten von E-Book-Readern, Tablets und der Onleihe-App, mit Geräten zum Ausprobieren.",
        "Viele kannten die Onleihe nicht oder scheiterten an der Anmeldung.",
        "Wir haben Anleitungen in großer Schrift erstellt und mit {partner} feste Sprechstunden eingerichtet.",
        "Geräte zum Ausprobieren senken die Hemmschwelle enorm.",
        "Die digitalen Ausleihen stiegen um ein Drittel; {n} Beratungen im Jahr.",
        ("digitale-kompetenz",),
        ("erwachsene", "senioren"),
        ("digitale-angebote",),
        "none",
        "low",
    ),
]

#: Local partners, in the dative ("gemeinsam mit …").
PARTNERS = [
    "der Grundschule",
    "dem Familienzentrum",
    "der Volkshochschule",
    "dem Heimatverein",
    "der Kirchengemeinde",
    "dem Jugendtreff",
    "dem Seniorenbeirat",
    "dem Förderverein",
    "der Gemeindeverwaltung",
    "dem Landfrauenverein",
    "der Kita am Markt",
    "dem Mehrgenerationenhaus",
    "der Oberschule",
    "dem Kreisjugendring",
    "der Sparkasse",
]
