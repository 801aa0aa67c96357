"""Plausible German places and people: municipality names, postal codes, phone numbers, names."""

from ..models import FederalState as S

#: Relative number of demo libraries per state: the large territorial states have most rural libraries.
STATE_WEIGHTS = {
    S.BAYERN: 18,
    S.BADEN_WUERTTEMBERG: 13,
    S.NIEDERSACHSEN: 12,
    S.NORDRHEIN_WESTFALEN: 11,
    S.HESSEN: 7,
    S.RHEINLAND_PFALZ: 7,
    S.SACHSEN: 6,
    S.THUERINGEN: 5,
    S.BRANDENBURG: 5,
    S.SACHSEN_ANHALT: 4,
    S.SCHLESWIG_HOLSTEIN: 4,
    S.MECKLENBURG_VORPOMMERN: 4,
    S.SAARLAND: 2,
    S.BERLIN: 1,
    S.HAMBURG: 1,
    S.BREMEN: 1,
}

#: Leading two digits of the postal codes of each state (Postleitregionen, simplified).
POSTAL_PREFIXES = {
    S.SACHSEN: ["01", "02", "04", "08", "09"],
    S.BRANDENBURG: ["03", "14", "15", "16"],
    S.SACHSEN_ANHALT: ["06", "38", "39"],
    S.THUERINGEN: ["07", "36", "37", "98", "99"],
    S.BERLIN: ["10", "12", "13"],
    S.MECKLENBURG_VORPOMMERN: ["17", "18", "19"],
    S.HAMBURG: ["20", "21", "22"],
    S.SCHLESWIG_HOLSTEIN: ["23", "24", "25"],
    S.BREMEN: ["28"],
    S.NIEDERSACHSEN: ["26", "27", "29", "30", "31", "37", "38", "49"],
    S.NORDRHEIN_WESTFALEN: [
        "32",
        "33",
        "40",
        "41",
        "42",
        "44",
        "45",
        "46",
        "47",
        "48",
        "50",
        "51",
        "52",
        "53",
        "57",
        "58",
        "59",
    ],
    S.HESSEN: ["34", "35", "36", "60", "61", "63", "64", "65"],
    S.RHEINLAND_PFALZ: ["54", "55", "56", "57", "66", "67", "76"],
    S.SAARLAND: ["66"],
    S.BADEN_WUERTTEMBERG: ["68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79", "88", "89"],
    S.BAYERN: ["63", "80", "81", "82", "83", "84", "85", "86", "87", "90", "91", "92", "93", "94", "95", "96", "97"],
}

CITY_STATES = {S.BERLIN: "Berlin", S.HAMBURG: "Hamburg", S.BREMEN: "Bremen"}

PREFIXES = [
    "",
    "",
    "",
    "",
    "",
    "",
    "Alt",
    "Neu",
    "Groß",
    "Klein",
    "Ober",
    "Unter",
    "Hohen",
    "Nieder",
    "Wester",
    "Oster",
]
STEMS = [
    "Linden",
    "Eichen",
    "Birken",
    "Buchen",
    "Erlen",
    "Tannen",
    "Hasel",
    "Eschen",
    "Stein",
    "Wald",
    "Rosen",
    "Mühl",
    "Kirch",
    "Berg",
    "Sonnen",
    "Falken",
    "Wolfs",
    "Hirsch",
    "Fuchs",
    "Bären",
    "Adels",
    "Herrn",
    "Reich",
    "Schön",
    "Wiesen",
    "Brunn",
    "Born",
    "Quell",
    "Sand",
    "Moor",
    "Heide",
    "Roth",
    "Weiß",
    "Grün",
    "Blumen",
    "Kloster",
    "Mark",
    "Lauter",
    "Alten",
    "Hagen",
    "Ebers",
    "Günthers",
    "Walters",
    "Ludwigs",
    "Friedrichs",
    "Otters",
    "Wendel",
    "Marien",
    "Peters",
    "Johannis",
    "Schwan",
    "Kranich",
    "Hasen",
    "Wein",
    "Korn",
    "Hopfen",
    "Lerchen",
]
#: Endings typical of each region, so that a Saxon village does not sound like a Frisian one.
SUFFIXES = {
    S.BAYERN: ["ing", "hofen", "kirchen", "bach", "zell", "stetten", "dorf", "reuth", "feld"],
    S.BADEN_WUERTTEMBERG: ["ingen", "weiler", "bach", "hausen", "heim", "stetten", "bronn", "au"],
    S.NIEDERSACHSEN: ["büttel", "hausen", "stedt", "rode", "loh", "horst", "wede", "beck", "dorf"],
    S.NORDRHEIN_WESTFALEN: ["hausen", "kirchen", "scheid", "hagen", "bach", "born", "ohl", "beck", "rath"],
    S.HESSEN: ["hausen", "bach", "heim", "feld", "rod", "born", "roda", "dorf"],
    S.RHEINLAND_PFALZ: ["weiler", "heim", "bach", "scheid", "hausen", "thal", "stein"],
    S.SAARLAND: ["weiler", "bach", "heim", "hausen", "kirchen"],
    S.SACHSEN: ["itz", "witz", "au", "grün", "hain", "walde", "dorf", "stein"],
    S.THUERINGEN: ["roda", "leben", "stedt", "rode", "hausen", "feld", "bach"],
    S.SACHSEN_ANHALT: ["leben", "stedt", "rode", "au", "dorf", "burg", "itz"],
    S.BRANDENBURG: ["ow", "ow", "witz", "walde", "see", "felde", "dorf", "hagen"],
    S.MECKLENBURG_VORPOMMERN: ["ow", "in", "hagen", "hof", "dorf", "witz", "ow"],
    S.SCHLESWIG_HOLSTEIN: ["büttel", "stedt", "feld", "dorf", "hof", "rade", "holm", "wisch"],
    S.BERLIN: ["dorf", "felde", "hof", "au", "ow"],
    S.HAMBURG: ["stedt", "feld", "büttel", "dorf", "horst"],
    S.BREMEN: ["horst", "stedt", "hausen", "lehe", "dorf"],
}
RIVERS = [
    "an der Aue",
    "am See",
    "an der Lahn",
    "im Tal",
    "am Main",
    "an der Ilm",
    "an der Oder",
    "an der Weser",
    "am Rhein",
    "an der Saale",
    "im Wald",
    "an der Elbe",
    "an der Mosel",
    "an der Donau",
]

#: Fictional numbers reserved by the Bundesnetzagentur for film and television ("Drama-Rufnummern"),
#: the nearest block for each state.
PHONE_BLOCKS = {
    "030 23125": [S.BERLIN, S.BRANDENBURG, S.SACHSEN, S.SACHSEN_ANHALT, S.THUERINGEN],
    "040 66969": [S.HAMBURG, S.BREMEN, S.SCHLESWIG_HOLSTEIN, S.NIEDERSACHSEN, S.MECKLENBURG_VORPOMMERN],
    "0221 4710": [S.NORDRHEIN_WESTFALEN, S.RHEINLAND_PFALZ, S.SAARLAND],
    "069 90009": [S.HESSEN],
    "089 99998": [S.BAYERN, S.BADEN_WUERTTEMBERG],
}
PHONE_BLOCK_OF_STATE = {state: block for block, states in PHONE_BLOCKS.items() for state in states}

FIRST_NAMES = [
    "Anna",
    "Katrin",
    "Sabine",
    "Petra",
    "Monika",
    "Claudia",
    "Julia",
    "Lena",
    "Sophie",
    "Miriam",
    "Ute",
    "Birgit",
    "Heike",
    "Anja",
    "Silke",
    "Nadine",
    "Kerstin",
    "Franziska",
    "Elif",
    "Jana",
    "Thomas",
    "Michael",
    "Stefan",
    "Andreas",
    "Jens",
    "Tobias",
    "Markus",
    "Jonas",
    "Lukas",
    "Frank",
    "Uwe",
    "Matthias",
    "Deniz",
    "Paul",
]
SURNAMES = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Braun",
    "Zimmermann",
    "Hartmann",
    "Krüger",
    "Lange",
    "Werner",
    "Lehmann",
    "Köhler",
    "Kaiser",
    "Fuchs",
    "Peters",
    "Jansen",
    "Brandt",
    "Haas",
    "Vogel",
    "Friedrich",
    "Sommer",
    "Winkler",
    "Lorenz",
    "Kuhn",
    "Yılmaz",
    "Kowalski",
    "Nowak",
]


class PlaceNamer:
    """Makes unique municipality names that sound like the region they are in."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def municipality(self, state):
        """A municipality (or, in a city state, a district) name not handed out before."""
        for attempt in range(50):
            name = self._candidate(state, with_addition=attempt >= 10)
            if name not in self.used:
                self.used.add(name)
                return name
        name = f"{self._candidate(state, with_addition=True)} {len(self.used)}"
        self.used.add(name)
        return name

    def _candidate(self, state, with_addition):
        rng = self.rng
        prefix, stem, suffix = rng.choice(PREFIXES), rng.choice(STEMS), rng.choice(SUFFIXES[state])
        if not prefix:
            name = f"{stem}{suffix}"
        elif prefix in ("Groß", "Klein") and rng.random() < 0.3:
            name = f"{prefix} {stem}{suffix}"
        else:
            name = f"{prefix}{stem.lower()}{suffix}"
        if rng.random() < 0.06 and state not in CITY_STATES:
            name = f"Bad {name}"
        if with_addition or rng.random() < 0.05:
            name = f"{name} {rng.choice(RIVERS)}"
        if state in CITY_STATES:
            name = f"{CITY_STATES[state]}-{name}"
        return name


def postal_code(rng, state):
    """A five-digit postal code inside the state's postal regions."""
    return f"{rng.choice(POSTAL_PREFIXES[state])}{rng.randrange(100, 1000):03d}"


def phone_number(rng, state):
    """A fictional German phone number from the ranges kept free for films and books."""
    return f"{PHONE_BLOCK_OF_STATE[state]}-{rng.randrange(1000):03d}"


def person_name(rng):
    """A plausible German first name and surname."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
