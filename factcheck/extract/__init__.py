"""Typed facts from one sentence, each a span of the article's text.

Every extractor takes the sentence and the offset of its first character in the
article, and returns facts whose `start`/`end` are offsets into the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from factcheck.extract.attribution import extract_attributions
from factcheck.extract.casualties import extract_casualties
from factcheck.extract.events import extract_event_types
from factcheck.extract.locative import locating
from factcheck.extract.places import extract_places
from factcheck.extract.quantities import extract_quantities
from factcheck.extract.things import extract_things
from factcheck.extract.times import extract_times
from factcheck.types import EventType, Fact, Place, Quantity, Thing

EXTRACTORS = (
    extract_quantities,
    extract_times,
    extract_casualties,
    extract_event_types,
    extract_places,
    extract_attributions,
    extract_things,
)


def extract_facts(text: str, offset: int = 0) -> tuple[Fact, ...]:
    """All facts of one sentence, in text order, quantities given their scope; a sentence
    read lately is not read again, only moved to its offset."""
    facts = _facts(text)
    return tuple(shifted(f, offset) for f in facts) if offset else facts


@lru_cache(maxsize=16384)
def _facts(text: str) -> tuple[Fact, ...]:
    facts = without_name_words([fact for extractor in EXTRACTORS for fact in extractor(text, 0)])
    places = [f for f in facts if isinstance(f, Place)]
    facts = [
        replace(f, scope=scope_of(f, places, text, 0)) if isinstance(f, Quantity) and not f.scope else f
        for f in facts
    ]
    return in_order(facts)


def in_order(facts: Iterable[Fact]) -> tuple[Fact, ...]:
    """Facts in text order; at one span, by type, so that every run lists them alike."""
    return tuple(sorted(facts, key=lambda f: (f.start, f.end, type(f).__name__)))


def shifted(fact: Fact, offset: int) -> Fact:
    """The fact with its spans moved by `offset` characters."""
    moved = {"start": fact.start + offset, "end": fact.end + offset}
    if isinstance(fact, Thing) and fact.name_span:
        moved["name_span"] = (fact.name_span[0] + offset, fact.name_span[1] + offset)
    return replace(fact, **moved)


def without_name_words(facts: list[Fact]) -> list[Fact]:
    """Facts less the types and places that are words of a thing's name.

    "Tanker" in "MV Ocean Tanker" is no tanker and "Delhi" in "the Delhi Express"
    places nothing: they name the ship and the train, whose class the thing carries.
    """
    names = [t.name_span for t in facts if isinstance(t, Thing) and t.name_span]
    return [
        f
        for f in facts
        if not (isinstance(f, (EventType, Place)) and any(s <= f.start and f.end <= e for s, e in names))
    ]


def scope_of(quantity: Quantity, places: list[Place], text: str, offset: int) -> tuple[str, ...]:
    """Places that a count is said to cover: locations named after it, before the clause ends.

    "2,500 troops remain in Iraq and northeast Syria" covers both places; a place
    past a comma or a clause break, or one that only qualifies a noun, does not.
    """
    tail = text[quantity.end - offset :]
    clause_end = quantity.end + (re.search(r"[,;:()]| — | -- ", tail) or re.search(r"$", tail)).start()
    names: list[str] = []
    for place in locating([p for p in places if quantity.end <= p.start and p.end <= clause_end], text, offset):
        if place.name not in names:
            names.append(place.name)
    return tuple(names)


__all__ = [
    "extract_attributions",
    "extract_casualties",
    "extract_event_types",
    "extract_facts",
    "extract_places",
    "extract_quantities",
    "extract_things",
    "extract_times",
    "in_order",
]
