"""Event, weapon, vehicle and cause types, normalized to the taxonomy in `knowledge/event_types.toml`.

Reports of one event disagree on what happened ("a rocket attack" against
"ballistic missile attacks"), on what was involved ("a cargo ship" against
"an oil tanker") or on what exploded or burned ("ammonium nitrate" against "a
gas cylinder"); a rule can only see that if both phrases land on taxonomy
nodes whose ancestry tells a difference in kind from a difference in precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.phrases import clause_around, clause_breaks, phrase_key, phrase_pattern, with_plurals
from factcheck.knowledge import load
from factcheck.types import EventType

CATEGORIES = ("weapon", "vehicle", "event", "cause")
THINGS = ("weapon", "vehicle")
"""Categories whose phrases are names: a shorter type inside one is part of the name."""
HAPPENINGS = ("weapon", "event")
"""Categories that say what happened (see `happenings`)."""
# Where a hedge's reach ends: "a gas cylinder exploded, and it was unclear whether anyone was inside".


@dataclass(frozen=True)
class _Tree:
    """One category's nodes: the matcher, the label of each written form, each label's ancestors."""

    pattern: re.Pattern[str]
    labels: dict[str, str]
    ancestors: dict[str, tuple[str, ...]]


def _ancestry(nodes: dict, label: str) -> tuple[str, ...]:
    chain: list[str] = []
    parent = nodes[label].get("parent")
    while parent:
        chain.append(parent)
        parent = nodes[parent].get("parent")
    return tuple(chain)


@cache
def _tree(category: str) -> _Tree:
    nodes = load("event_types")[category]
    labels: dict[str, str] = {}
    for label, node in nodes.items():
        for phrase in with_plurals(node.get("aliases", [])) + node.get("forms", []):
            labels[phrase_key(phrase.lower())] = label
    return _Tree(phrase_pattern(labels), labels, {label: _ancestry(nodes, label) for label in nodes})


@cache
def _follow_ons() -> frozenset[str]:
    return frozenset(label for label, node in load("event_types")["event"].items() if node.get("follow_on"))


def follow_ons(types: list[EventType]) -> frozenset[str]:
    """The follow-on events named (an aftershock): separate occurrences from the main event."""
    return frozenset(t.label for t in types if t.category == "event" and t.label in _follow_ons())


def happenings(types: list[EventType]) -> list[EventType]:
    """The types that say what happened: events and the weapons that made them.

    Not vehicles: a ferry is there before and after the day it sank, so it dates
    nothing, and ferries, ambulances and helicopters recur through a story's
    sentences, so sharing one is no sign that two sentences state one fact.
    Nor causes, for the same reasons: the gas cylinder or the stored chemicals
    are named in sentences on storage, inspections and blame, not only the blast.
    """
    return [t for t in types if t.category in HAPPENINGS]


@cache
def _not_types() -> re.Pattern[str]:
    return phrase_pattern(with_plurals(load("event_types").get("not_types", [])))


@cache
def _cause_hedges() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Cues that make a cause a possibility (own, casualty uncertainty, attribution distance), and nouns of cause."""
    table = load("event_types")
    cues = table["cause_hedges"] + load("casualties")["uncertain"] + load("attribution")["hedges"]
    return phrase_pattern(cues), phrase_pattern(table["cause_nouns"])


@cache
def _clause_breaks() -> re.Pattern[str]:
    return clause_breaks(load("event_types")["cause_clause_breaks"], after_comma=True)


def _possible(text: str, start: int, end: int) -> bool:
    """Whether the sentence offers the cause at `start:end` as a possibility or denies it.

    A hedge in the cause's own clause ("investigators were examining whether a gas
    leak...") or a clause saying the cause is unknown, anywhere in the sentence
    ("the cause was not yet known, though chemicals stored there caught fire").
    """
    hedges, nouns = _cause_hedges()
    lo, hi = clause_around(text, start, end, _clause_breaks())
    if hedges.search(text, lo, hi):
        return True
    for noun in nouns.finditer(text):
        lo, hi = clause_around(text, noun.start(), noun.end(), _clause_breaks())
        if hedges.search(text, lo, hi):
            return True
    return False


def extract_event_types(text: str, offset: int = 0) -> list[EventType]:
    """Weapon, vehicle, event and cause types named in one sentence, longest phrase first.

    A type inside a longer weapon or vehicle phrase ("attack" in "one-way attack
    drone", "car" in "car bomb") is part of that thing's name, not a report of
    its own; an event phrase keeps the things it names ("bus" in "bus crash"); a
    cause phrase swallows weapons and vehicles ("vessel" in "pressure vessel")
    but keeps its event ("explosion" in "gas explosion"). A cause the sentence
    offers as a possibility ("may have been caused by a gas leak") claims nothing
    and is left out.
    """
    blocked = [m.span() for m in _not_types().finditer(text)]
    found: dict[str, list[EventType]] = {}
    for category in CATEGORIES:
        tree = _tree(category)
        found[category] = [
            EventType(
                start=offset + m.start(),
                end=offset + m.end(),
                text=m.group(),
                rule=f"{category}.taxonomy",
                label=(label := tree.labels[phrase_key(m.group().lower())]),
                ancestors=tree.ancestors[label],
                category=category,
            )
            for m in tree.pattern.finditer(text)
            if not any(s <= m.start() and m.end() <= e for s, e in blocked)
        ]
    names = [f for category in (*THINGS, "cause") for f in found[category]]
    kept = [
        f
        for facts in found.values()
        for f in facts
        if not any(_part_of(f, name) for name in names)
        and not (f.category == "cause" and _possible(text, f.start - offset, f.end - offset))
    ]
    return sorted(kept, key=lambda f: (f.start, f.end, f.category))


def _part_of(f: EventType, name: EventType) -> bool:
    """`f` lies within the longer phrase `name` and belongs to it: all of a thing's
    name, a cause's weapons and vehicles, never a cause's event."""
    inside = name.start <= f.start and f.end <= name.end and (name.end - name.start) > (f.end - f.start)
    return inside and (name.category in THINGS or f.category in THINGS)
