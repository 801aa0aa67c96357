"""Demo library profiles: German places, library types and key figures that fit together."""

import math
from decimal import Decimal

from ..conf import get_setting
from ..models import FederalState, LibraryProfilePage, LibraryType
from .places import CITY_STATES, STATE_WEIGHTS, PlaceNamer, person_name, phone_number, postal_code
from .text import german_slug, number_de
from .tree import PageSpec

T = LibraryType

#: (upper population bound, {library type: weight}): small places have volunteer and church libraries,
#: towns have town libraries, districts run mobile libraries.
TYPE_WEIGHTS = [
    (5000, {T.VOLUNTEER: 35, T.CHURCH: 25, T.MUNICIPAL: 30, T.JOINT: 10}),
    (20000, {T.MUNICIPAL: 55, T.JOINT: 15, T.CHURCH: 8, T.VOLUNTEER: 10, T.TOWN: 12}),
    (100000, {T.TOWN: 75, T.MUNICIPAL: 17, T.MOBILE: 8}),
    (math.inf, {T.TOWN: 85, T.MOBILE: 15}),
]
TITLES = {
    T.MUNICIPAL: ["Gemeindebücherei {m}", "Gemeindebibliothek {m}", "Bücherei {m}"],
    T.TOWN: ["Stadtbibliothek {m}", "Stadtbücherei {m}"],
    T.JOINT: ["Schul- und Gemeindebibliothek {m}", "Gemeinde- und Schulbücherei {m}"],
    T.CHURCH: [
        "Katholische öffentliche Bücherei {m}",
        "Evangelische Gemeindebücherei {m}",
        "Bücherei St. Marien {m}",
        "Pfarrbücherei St. Georg {m}",
    ],
    T.MOBILE: ["Fahrbibliothek {m}", "Kreisfahrbücherei {m}"],
    T.VOLUNTEER: ["Bürgerbibliothek {m}", "Dorfbücherei {m}", "Bücherstube {m}"],
}
#: How floor area and paid staff of a type compare with a municipal library serving as many people.
TYPE_FACTORS = {
    T.MUNICIPAL: (1.0, 1.0),
    T.TOWN: (1.1, 1.1),
    T.JOINT: (1.2, 0.9),
    T.CHURCH: (0.6, 0.25),
    T.MOBILE: (0.35, 0.6),
    T.VOLUNTEER: (0.7, 0.1),
}
DESCRIPTIONS = [
    "Die {title} versorgt rund {population} Menschen mit Büchern, Medien und Veranstaltungen.",
    "Auf {area} m² bietet die {title} Medien für alle Generationen, Arbeitsplätze und WLAN.",
    "Die {title} ist Treffpunkt für Familien, Schulklassen und Lesekreise in {municipality}.",
]
DESCRIPTION_EXTRAS = [
    "Ein engagiertes Team aus Haupt- und Ehrenamtlichen organisiert Lesungen, Spielenachmittage und Kurse.",
    "Mit der Onleihe sind E-Books und Hörbücher rund um die Uhr verfügbar.",
    "Schulen und Kitas aus der Umgebung kommen regelmäßig zu Führungen und Vorlesestunden.",
    "Im Lesecafé treffen sich Nachbarinnen und Nachbarn zu Zeitung, Kaffee und Gespräch.",
    "Medienkisten für Kitas, Schulen und Pflegeeinrichtungen können online bestellt werden.",
    "Seit der Umgestaltung gibt es eine Jugendecke mit Konsole und gemütliche Leseplätze.",
]


def population_bands():
    """The configured population bands as ``(low, high)`` pairs of plausible populations."""
    bands = []
    for band in get_setting("BANDS")["population"]:
        low, _dash, high = band.partition("-")
        low = max(int(low or 0), 300)
        high = int(high) if high else low * 3
        bands.append((low, high))
    return bands


def generate_libraries(rng, count, timeline, toolkit_ids):
    """``count`` library profile specs; the same ``rng`` state always gives the same libraries."""
    namer = PlaceNamer(rng)
    forced_states = _state_order(rng)
    bands = population_bands()
    libraries = []
    for index in range(count):
        state = forced_states[index] if index < len(forced_states) else _weighted(rng, STATE_WEIGHTS)
        band = bands[index] if index < len(bands) else None
        libraries.append(_library(rng, state, band, namer, timeline, toolkit_ids))
    return libraries


def _state_order(rng):
    """Every state once, shuffled, city states last so that the forced population bands meet real towns."""
    states = list(FederalState)
    rng.shuffle(states)
    return sorted(states, key=lambda state: state in CITY_STATES)


def _library(rng, state, band, namer, timeline, toolkit_ids):
    municipality = namer.municipality(state)
    population = _population(rng, state, band)
    library_type = T.TOWN if state in CITY_STATES else _type_for(rng, population)
    title = _title(rng, state, library_type, municipality)
    floor_area, staff_fte = _figures(rng, population, library_type)
    toolkit = rng.sample(list(toolkit_ids), rng.randint(2, 6)) if rng.random() < 0.85 else []
    values = {"title": title, "municipality": municipality, "population": number_de(population), "area": floor_area}
    fields = {
        "municipality": municipality,
        "postal_code": postal_code(rng, state),
        "state": state.value,
        "library_type": library_type.value,
        "population": population,
        "floor_area_m2": floor_area,
        "staff_fte": staff_fte,
        "description": _description(rng, values),
        **_contact(rng, state, municipality),
        "toolkit_results_public": rng.random() < 0.5,
    }
    return PageSpec(
        model=LibraryProfilePage,
        title=title,
        slug=german_slug(title),
        # Most libraries joined the network early; their measures follow over the years.
        published_at=timeline.moment(0.0, rng.random() ** 1.5 * 0.7 + 0.01),
        fields=fields,
        relations={"toolkit_results": [toolkit_ids[result] for result in toolkit]},
    )


def _title(rng, state, library_type, municipality):
    if state in CITY_STATES:
        return f"Stadtteilbibliothek {municipality}"
    return rng.choice(TITLES[library_type]).format(m=municipality)


def _contact(rng, state, municipality):
    """Website and contact details (reserved ``.example`` domains, fictional phone numbers)."""
    domain = f"{german_slug(municipality)}.example"
    return {
        "website": f"https://www.{domain}/bibliothek",
        "contact_person": person_name(rng),
        "contact_email": f"bibliothek@{domain}",
        "contact_phone": phone_number(rng, state),
    }


def _population(rng, state, band):
    """Inhabitants: log-uniform inside a forced band, else log-normal around a small town."""
    if band is not None:
        low, high = band
        return int(math.exp(rng.uniform(math.log(low), math.log(high - 1))))
    median, sigma = (45000, 0.5) if state in CITY_STATES else (11000, 1.05)
    return int(min(max(rng.lognormvariate(math.log(median), sigma), 250), 600000))


def _type_for(rng, population):
    for upper, weights in TYPE_WEIGHTS:
        if population < upper:
            return _weighted(rng, weights)
    raise AssertionError("the last bound is infinite")


def _figures(rng, population, library_type):
    """Floor area (m²) and staff (FTE) that grow with the population, with noise and a type factor."""
    area_factor, staff_factor = TYPE_FACTORS[library_type]
    thousands = population / 1000
    floor_area = 28 * thousands**0.85 * area_factor * rng.lognormvariate(0, 0.3)
    staff = 0.28 * thousands**0.95 * staff_factor * rng.lognormvariate(0, 0.3)
    # Staff plans are made in quarter, half or whole positions; round to the nearest 0.05.
    staff_fte = Decimal(round(staff * 20) / 20).quantize(Decimal("0.01"))
    return max(12, round(floor_area)), max(Decimal("0.00"), staff_fte)


def _description(rng, values):
    """Three sentences of rich text about the library."""
    sentences = [rng.choice(DESCRIPTIONS), *rng.sample(DESCRIPTION_EXTRAS, 2)]
    return "".join(f"<p>{sentence.format(**values)}</p>" for sentence in sentences)


def _weighted(rng, weights):
    choices = list(weights)
    return rng.choices(choices, weights=[weights[choice] for choice in choices])[0]
