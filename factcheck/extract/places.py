"""Places named in a sentence, normalized through the gazetteer's aliases.

Two reports that put one event in "Kiev" and "Kyiv", or in "Irbil" and "Erbil",
agree; two that put it in different countries do not. Each place carries its
canonical name and the country it lies in, so a rule can tell which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.phrases import HYPHENS, phrase_alternatives, phrase_key, phrase_pattern
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
    return sorted(places, key=lambda p: (p.start, p.end))


def _place(text: str, offset: int, start: int, end: int, name: str, country: str | None, kind: str, rule: str) -> Place:
    return Place(
        start=offset + start, end=offset + end, text=text[start:end], rule=rule, name=name, country=country, kind=kind
    )
