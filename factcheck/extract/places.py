"""Places named in a sentence, normalized through the gazetteer's aliases.

Two reports that put one event in "Kiev" and "Kyiv", or in "Irbil" and "Erbil",
agree; two that put it in different countries do not. Each place carries its
canonical name and the country it lies in, so a rule can tell which.

Districts, villages and industrial zones are too many for any list, and real
coverage names them more often than cities; they are read from their cue ("the
district of X", "X industrial zone") with their name folded to ASCII, so that
"Karaçay" and "Karacay" are one place.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from factcheck.extract.cities import RULE as GEONAMES
from factcheck.extract.cities import cities
from factcheck.extract.phrases import HYPHENS, UPPER, phrase_alternatives, phrase_key, phrase_pattern, plural
from factcheck.knowledge import load
from factcheck.types import Place

_DASHES = HYPHENS.replace("\\", "")
# A name hyphenated to a lower-case word: "Iran-backed", "pro-Iran".
_LOWER_AFTER = re.compile(rf"[{HYPHENS}][a-z]")
_LOWER_BEFORE = re.compile(rf"(?<!\w)[a-z]+[{HYPHENS}]$")


@dataclass(frozen=True)
class _Entry:
    name: str
    country: str | None
    kind: str


@dataclass(frozen=True)
class _Gazetteer:
    names: re.Pattern[str]
    entries: dict[str, _Entry]
    demonyms: re.Pattern[str]
    countries_by_demonym: dict[str, str]
    territory_after: re.Pattern[str]
    border_after: re.Pattern[str]
    compass_before: re.Pattern[str]
    organisation_after: re.Pattern[str]
    city_before: re.Pattern[str]
    sub_city: _SubCity


@dataclass(frozen=True)
class _SubCity:
    after: re.Pattern[str]
    """Name, then cue: "the Karacay district"."""
    before: re.Pattern[str]
    """Cue, "of", then name: "the district of Yazikoy"."""
    kinds: dict[str, str]
    not_names: frozenset[str]
    institution_after: re.Pattern[str]
    cue_of_before: re.Pattern[str]
    """A cue and "of" right before a name, singular or plural ("the villages of"): the name is
    that kind of place, not a GeoNames city of the same name."""
    letters: dict[int, str]


# A capitalised word of a name, in any Latin, Greek or Cyrillic script: "Karaçay",
# "al-Tabbaneh" (a lower-case particle bound by a hyphen), "N'Djamena" (not a
# possessive "'s", which ends the name).
_WORD = rf"(?:[a-z]{{1,3}}[{HYPHENS}])?[{UPPER}]\w*(?:['’](?!s\b)\w+)*(?:[{HYPHENS}]\w+)*"
_NAME = rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}})"
# Before a cue, as few words as reach it, so a cue's own capitalised words stay
# the cue's ("Atatürk Organised Industrial Zone" is the Atatürk zone).
_NAME_BEFORE_CUE = _NAME.removesuffix(")") + "?)"
# Where a sub-city place is said to lie: "Adana's Karacay district", "the Karacay district of Adana".
_POSSESSIVE = re.compile(r"['’]s\s+")
_WITHIN_AFTER = re.compile(r"(?:,\s*|\s+)(?:in|of)\s+(?:the\s+)?|,\s*")


@cache
def _gazetteer() -> _Gazetteer:
    table = load("gazetteer")
    entries: dict[str, _Entry] = {}
    demonyms: dict[str, str] = {}
    for kind in ("country", "city", "region"):
        for name, info in table[kind].items():
            country = name if kind == "country" else info.get("country")
            for written in [name, *info.get("aliases", [])]:
                entries.setdefault(phrase_key(written), _Entry(name, country, kind))
            for demonym in info.get("demonyms", []):
                demonyms[phrase_key(demonym)] = name
    return _Gazetteer(
        names=phrase_pattern(entries, hyphen_joins=False, flags=0),
        entries=entries,
        demonyms=phrase_pattern(demonyms, hyphen_joins=False, flags=0),
        countries_by_demonym=demonyms,
        territory_after=re.compile(rf"\s+(?:{phrase_alternatives(table['territory_nouns'], fold_case=True)})\b", re.I),
        border_after=re.compile(rf"\s+(?:{phrase_alternatives(table['border_nouns'], fold_case=True)})\b", re.I),
        compass_before=re.compile(rf"(?<![\w{HYPHENS}])(?:{phrase_alternatives(table['compass'], fold_case=True)})\s+$", re.I),
        organisation_after=re.compile(rf"\s+(?:{phrase_alternatives(table['organisation_words'], fold_case=False)})\b"),
        city_before=re.compile(
            rf"(?<!\w)(?:{phrase_alternatives(table['city_before'], fold_case=True)})\s+(?:the\s+)?$", re.IGNORECASE
        ),
        sub_city=_sub_city(table["sub_city"]),
    )


def _sub_city(table: dict) -> _SubCity:
    after, before = table["after"], table["before"]
    return _SubCity(
        after=re.compile(rf"(?<![\w{HYPHENS}]){_NAME_BEFORE_CUE}\s+(?P<cue>(?i:{phrase_alternatives(after, fold_case=True)}))\b"),
        before=re.compile(
            rf"(?<![\w{HYPHENS}])(?P<cue>(?i:{phrase_alternatives(before, fold_case=True)}))\s+of\s+(?:the\s+)?{_NAME}(?!\w)"
        ),
        kinds={phrase_key(cue.lower()): kind for cue, kind in (*after.items(), *before.items())},
        not_names=frozenset(table["not_names"]),
        institution_after=re.compile(rf"\s+{phrase_pattern(table['institution_words']).pattern}", re.IGNORECASE),
        cue_of_before=re.compile(
            rf"(?<!\w)(?:{phrase_alternatives([*before, *map(plural, before)], fold_case=True)})\s+of\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
        letters=str.maketrans(table["letters"]),
    )


def _is_modifier(text: str, start: int, end: int) -> bool:
    """A name hyphenated to a lower-case word ("Iran-backed", "pro-Iran") modifies; it names no place."""
    return bool(_LOWER_AFTER.match(text, end) or _LOWER_BEFORE.search(text, 0, start))


def _border_pairs(text: str, spans: list[tuple[int, int]], gaz: _Gazetteer) -> set[int]:
    """Indexes of names that form "X-Y border": two names joined by a hyphen before a border noun."""
    paired: set[int] = set()
    for i in range(len(spans) - 1):
        (_, end1), (start2, end2) = spans[i], spans[i + 1]
        if len(joint := text[end1:start2].strip()) == 1 and joint in _DASHES and gaz.border_after.match(text, end2):
            paired.update((i, i + 1))
    return paired


def extract_places(text: str, offset: int = 0) -> list[Place]:
    """Countries, cities and regions named in one sentence, with their country."""
    gaz = _gazetteer()
    matches = [
        m
        for m in gaz.names.finditer(text)
        if not _is_modifier(text, m.start(), m.end()) and not gaz.organisation_after.match(text, m.end())
    ]
    spans = [m.span() for m in matches]
    borders = _border_pairs(text, spans, gaz)
    places: list[Place] = []
    for i, m in enumerate(matches):
        entry = gaz.entries[phrase_key(m.group())]
        start, kind, rule = m.start(), entry.kind, "place.gazetteer"
        compass = gaz.compass_before.search(text, 0, m.start())
        if i in borders:
            kind, rule = "border", "place.border"
        elif compass and entry.kind != "region":
            start, kind, rule = compass.start(), "region", "place.compass"
        places.append(_place(text, offset, start, m.end(), entry.name, entry.country, kind, rule))
    for m in gaz.demonyms.finditer(text):
        noun = gaz.territory_after.match(text, m.end())
        if noun and not any(s < noun.end() and m.start() < e for s, e in spans):
            country = gaz.countries_by_demonym[phrase_key(m.group())]
            kind = "border" if gaz.border_after.match(text, m.end()) else "country"
            places.append(_place(text, offset, m.start(), noun.end(), country, country, kind, "place.demonym"))
    places.extend(_sub_city_places(text, offset, places, gaz))
    places.extend(_city_places(text, offset, places, gaz))
    return sorted(places, key=lambda p: (p.start, p.end))


_NAME_RUN = re.compile(rf"(?<![\w{HYPHENS}]){_NAME}(?![\w{HYPHENS}])")
_CAPITALISED_BEFORE = re.compile(rf"[{UPPER}][\w.]*\s+$")
_COMMA = re.compile(r",\s*")
# A name goes on through a lower-case particle: "Cofradia del Puerto", "Bank of America".
_NAME_GOES_ON = re.compile(rf"\s+(?:de|del|de la|des|du|di|da|do|dos|of|the|von|van|al|el|la|le)\s+[{UPPER}]")
# A name of a longer name: "Bank of Jackson", "Duke of York" (a lower-case cue, "the city of", is no name).
_OF_A_NAME = re.compile(rf"[{UPPER}]\w*\s+of\s+(?:the\s+)?$")
# A person who speaks: "..., Austin said", "Jackson told reporters".
_SPEAKS = re.compile(r"\s+(?:said|says|told|tells|added|adds|stated|wrote|announced)\b")
_LIST_JOIN = re.compile(r"^(?:,|,?\s+(?:and|or|y|et|e|und))\s+$")


def _city_places(text: str, offset: int, known: list[Place], gaz: _Gazetteer) -> list[Place]:
    """GeoNames cities and US states the gazetteer lacks, where the sentence uses them as places:
    after a preposition, before a comma and another place, or listed after a place; not as a
    word of a longer name, nor where a cue says it is a village or district of that name."""
    taken = [(p.start - offset, p.end - offset) for p in known]
    runs = []
    for m in _NAME_RUN.finditer(text):
        start, name = _trimmed_name(m, gaz.sub_city.not_names)
        spoken = name and not _overlaps(start, start + len(name), taken) and text.startswith(name, start)
        if spoken and (found_as := _city(name, gaz)) is not None:
            runs.append((start, start + len(name), *found_as))
    place_ends = [e for _, e in taken]
    found = []
    for n, (start, end, city, rule) in enumerate(runs):
        after_preposition = gaz.city_before.search(text, 0, start) is not None
        comma = _COMMA.match(text, end)
        placed = (
            after_preposition
            or any(_LIST_JOIN.match(text[e:start]) for e in place_ends if e <= start)
            or (comma is not None and any(s == comma.end() for s, _ in taken))
            or (comma is not None and n + 1 < len(runs) and runs[n + 1][0] == comma.end())
        )
        longer_name = (
            (_CAPITALISED_BEFORE.search(text, 0, start) and not after_preposition)
            or _NAME_GOES_ON.match(text, end)
            or _OF_A_NAME.search(text, 0, start)
            or _SPEAKS.match(text, end)
            or gaz.sub_city.cue_of_before.search(text, 0, start)
        )
        if placed and not longer_name:
            found.append(_place(text, offset, start, end, city.name, city.country, city.kind, rule))
            place_ends.append(end)
    return found


@cache
def _folded_entries() -> dict[str, _Entry]:
    return {fold(key): entry for key, entry in _gazetteer().entries.items()}


def _city(name: str, gaz: _Gazetteer) -> tuple[_Entry, str] | None:
    """A gazetteer name written with other accents ("México"), else a GeoNames city or US state,
    its country under the gazetteer's name ("Czechia" -> "Czech Republic"); with the rule it is
    read by."""
    key = fold(name)
    if key in _folded_entries():
        return _folded_entries()[key], "place.gazetteer"
    city = cities().get(key)
    if city is None:
        return None
    country = gaz.entries.get(phrase_key(city.country)) if city.country else None
    return _Entry(city.name, country.name if country else city.country, city.kind), GEONAMES


def fold(name: str) -> str:
    """A name in ASCII, one space between words: "Karaçay" -> "Karacay", "Yazıköy" -> "Yazikoy"."""
    letters = _gazetteer().sub_city.letters
    decomposed = unicodedata.normalize("NFKD", name.translate(letters))
    return phrase_key("".join(c for c in decomposed if not unicodedata.combining(c)))


def sub_city_kinds() -> frozenset[str]:
    """The kinds of place read from a cue (district, village, zone ...), below the gazetteer's."""
    return frozenset(_gazetteer().sub_city.kinds.values())


def _sub_city_places(text: str, offset: int, known: list[Place], gaz: _Gazetteer) -> list[Place]:
    """Districts, villages, towns, neighbourhoods and zones named with their cue.

    The span covers the cue and a compass word before it ("southern district of
    Yazikoy"), so that the preposition before it says whether it is a location.
    """
    sub = gaz.sub_city
    taken = [(p.start - offset, p.end - offset) for p in known]
    found: list[Place] = []
    for pattern, rule in ((sub.after, "place.cue-after"), (sub.before, "place.cue-before")):
        for m in pattern.finditer(text):
            name_start, name = _trimmed_name(m, sub.not_names)
            end = m.end() if rule == "place.cue-after" else name_start + len(name)
            start = m.start("cue") if rule == "place.cue-before" else name_start
            if not name or sub.institution_after.match(text, end) or _overlaps(start, end, taken):
                continue
            compass = gaz.compass_before.search(text, 0, start)
            start = compass.start() if compass else start
            within = _within(text, offset, start, end, known)
            kind = sub.kinds[phrase_key(m.group("cue").lower())]
            found.append(
                Place(
                    start=offset + start,
                    end=offset + end,
                    text=text[start:end],
                    rule=rule,
                    name=fold(name),
                    country=within.country if within else None,
                    kind=kind,
                    within=within.name if within else None,
                )
            )
            taken.append((start, end))
    return found


def _trimmed_name(m: re.Match[str], not_names: frozenset[str]) -> tuple[int, str]:
    """The name's start and words, less the capitalised words before it that name nothing
    ("On Monday Karacay district"); none when its last word names nothing ("The district")
    or a word is in capitals (in a headline in capitals, every word looks like a name)."""
    words = list(re.finditer(r"\S+", m.group("name")))
    while words and words[0].group() in not_names:
        words.pop(0)
    if not words or words[-1].group() in not_names or any(len(w.group()) > 1 and w.group().isupper() for w in words):
        return m.start("name"), ""
    base = m.start("name")
    return base + words[0].start(), m.group("name")[words[0].start() : words[-1].end()]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _within(text: str, offset: int, start: int, end: int, known: list[Place]) -> Place | None:
    """The gazetteer place a sub-city place is said to lie in: "Adana's Karacay district",
    "the Karacay district of Adana", "the village of Amatrice, Italy"."""
    for place in known:
        s, e = place.start - offset, place.end - offset
        if e <= start and (m := _POSSESSIVE.match(text, e)) and m.end() == start:
            return place
        if s >= end and (m := _WITHIN_AFTER.match(text, end)) and m.end() == s:
            comma_only = not m.group().strip(", \t\n")
            if not comma_only or re.match(r"\s*(?:[,.;]|$)", text[e:]):
                return place
    return None


def _place(text: str, offset: int, start: int, end: int, name: str, country: str | None, kind: str, rule: str) -> Place:
    return Place(
        start=offset + start, end=offset + end, text=text[start:end], rule=rule, name=name, country=country, kind=kind
    )
