"""Event, weapon and vehicle types, normalized to the taxonomy in `knowledge/event_types.toml`.

Reports of one event disagree on what happened ("a rocket attack" against
"ballistic missile attacks") or on what was involved ("a cargo ship" against
"an oil tanker"); a rule can only see that if both phrases land on taxonomy
nodes whose ancestry tells a difference in kind from a difference in precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.phrases import phrase_key, phrase_pattern, with_plurals
from factcheck.knowledge import load
from factcheck.types import EventType

CATEGORIES = ("weapon", "vehicle", "event")
THINGS = ("weapon", "vehicle")
"""Categories whose phrases are names: a shorter type inside one is part of the name."""


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
    """
    return [t for t in types if t.category != "vehicle"]


@cache
def _not_types() -> re.Pattern[str]:
    return phrase_pattern(with_plurals(load("event_types").get("not_types", [])))


def extract_event_types(text: str, offset: int = 0) -> list[EventType]:
    """Weapon, vehicle and event types named in one sentence, longest phrase first.

    A type inside a longer weapon or vehicle phrase ("attack" in "one-way attack
    drone", "car" in "car bomb") is part of that thing's name, not a report of
    its own; an event phrase keeps the things it names ("bus" in "bus crash").
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
    names = [f for category in THINGS for f in found[category]]
    kept = [f for facts in found.values() for f in facts if not any(_inside(f, name) for name in names)]
    return sorted(kept, key=lambda f: (f.start, f.end, f.category))


def _inside(f: EventType, name: EventType) -> bool:
    """`f` lies within the longer phrase `name`."""
    return name.start <= f.start and f.end <= name.end and (name.end - name.start) > (f.end - f.start)
