"""StreamField bodies (heading, paragraph, quote blocks) for demo measures and task-share calls."""

from .text import block_id, fill

SITUATIONS = [
    "Wie viele kleine Bibliotheken arbeiten wir mit wenig Personal und einem knappen Etat.",
    "Bei der Auswertung unserer Ausleihzahlen fiel uns eine Lücke auf.",
    "Im Toolkit-Workshop haben wir unsere Stärken und Lücken gemeinsam mit dem Träger angesehen.",
    "Die Anregung kam aus dem Gemeinderat und von Eltern, die uns direkt ansprachen.",
    "Bei einem Treffen mit anderen Bibliotheken der Region haben wir die Idee kennengelernt.",
    "Unsere Nutzerbefragung hatte deutlich gezeigt, was fehlt.",
]
HOW_HEADINGS = ["So sind wir vorgegangen", "Die Umsetzung", "Schritt für Schritt", "Wie wir es gemacht haben"]
START_HEADINGS = ["Ausgangslage", "Warum wir das gemacht haben", "Der Anlass"]
TIP_HEADINGS = ["Tipps zum Nachmachen", "Was wir anderen raten", "Worauf es ankommt"]
GENERAL_TIPS = [
    "Den Träger früh einbinden und Ergebnisse regelmäßig berichten.",
    "Mit einem kleinen Testlauf beginnen und danach nachbessern.",
    "Zuständigkeiten im Team klar verteilen, auch für Vertretungen.",
    "Fotos und Zahlen von Anfang an sammeln – für Presse und Förderanträge.",
    "Die Lokalpresse zum Start einladen.",
    "Ehrenamtliche nicht überfordern: feste, überschaubare Aufgaben.",
    "Förderprogramme des Landes und der Bibliotheksfachstelle prüfen.",
]
QUOTES = [
    "„Seitdem kommen Familien, die wir vorher nie gesehen haben.“ – Leiterin der Bibliothek",
    "„Ich wusste gar nicht, dass es so etwas bei uns im Ort gibt.“ – eine Besucherin",
    "„Der Aufwand war kleiner als gedacht, die Wirkung größer.“ – Mitarbeiterin der Bibliothek",
    "„Jetzt ist die Bücherei wieder ein Ort, über den man spricht.“ – Bürgermeister",
    "„Meine Kinder fragen jede Woche, wann wir wieder hingehen.“ – ein Vater",
    "„Hier fühle ich mich willkommen, auch wenn ich noch nicht gut Deutsch spreche.“ – eine Teilnehmerin",
    "„Ohne das Team der Ehrenamtlichen wäre das nicht möglich gewesen.“ – Leiter der Bibliothek",
    "„Wir haben gelernt, erst zu fragen und dann zu planen.“ – Bibliotheksteam",
]
TASK_HEADINGS = ["Worum es geht", "Die Aufgabe", "Unser Vorhaben"]
PARTNER_WISHES = [
    "etwa zwei Stunden Zeit im Monat für Abstimmungen",
    "Erfahrungen aus der eigenen Bibliothek",
    "Bereitschaft, Kosten anteilig zu tragen",
    "eine feste Ansprechperson",
    "Räume für ein gemeinsames Treffen",
    "Kontakte zu Schulen oder Vereinen vor Ort",
]
TASK_QUOTES = [
    "„Allein schaffen wir das nicht – zusammen schon.“ – Leiterin der Bibliothek",
    "„Wir müssen das Rad nicht in jedem Ort neu erfinden.“ – Bibliotheksteam",
    "„Die besten Ideen kamen bisher immer aus dem Austausch.“ – Leiter der Bibliothek",
]


def measure_body(rng, idea, values):
    """The story of a measure: situation, how it was done, a voice from the library, tips."""
    tips = [fill(idea.tip, values), *rng.sample(GENERAL_TIPS, 2)]
    blocks = [
        ("heading", rng.choice(START_HEADINGS)),
        ("paragraph", _p(f"{rng.choice(SITUATIONS)} {fill(idea.why, values)}")),
        ("heading", rng.choice(HOW_HEADINGS)),
        ("paragraph", _p(fill(idea.how, values))),
    ]
    if rng.random() < 0.7:
        blocks.append(("quote", rng.choice(QUOTES)))
    blocks += [("heading", rng.choice(TIP_HEADINGS)), ("paragraph", _ul(tips))]
    return _stream(rng, blocks)


def task_body(rng, idea, values):
    """The body of a task-share call: the task, what partners bring, the timetable."""
    blocks = [
        ("heading", rng.choice(TASK_HEADINGS)),
        ("paragraph", _p(fill(idea.what, values))),
        ("heading", "Was wir mitbringen"),
        ("paragraph", _p(fill(idea.offer, values))),
        ("heading", "Was wir uns von Partnern wünschen"),
        ("paragraph", _ul(rng.sample(PARTNER_WISHES, 3))),
        ("heading", "Zeitplan"),
        (
            "paragraph",
            _p(
                fill(
                    "Start mit einem Online-Treffen im {month}; Ergebnisse wollen wir nach etwa "
                    "{months} Monaten vorstellen.",
                    values,
                )
            ),
        ),
    ]
    if rng.random() < 0.4:
        blocks.append(("quote", rng.choice(TASK_QUOTES)))
    return _stream(rng, blocks)


def _p(text):
    return f"<p>{text}</p>"


def _ul(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _stream(rng, blocks):
    return [{"type": kind, "value": value, "id": block_id(rng)} for kind, value in blocks]
