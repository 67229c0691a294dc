"""Slots: the frames of one event that speak of one quantity, across sources.

A slot is "people killed", "people on the bridge", "length of the bridge": frames join
one when they count the same thing (the same harm to the same group; the same unit) in
the same role. Where both frames name a role (`knowledge/roles.toml`), the roles must be
equal; where one does not, their phrases (the value left out) must be close in the
embedding model. A slot is complete-linked: a frame joins only a slot all of whose frames
it matches, so no chain of near matches merges two quantities. A heading or caption is
compared only with its own article's text, as everywhere in the tool.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np

from factcheck.background import dating
from factcheck.extract.casualties import same_group
from factcheck.extract.quantities import common_unit
from factcheck.facts.frames import MEASURES, developing
from factcheck.facts.occurrence import separate_occurrences
from factcheck.knowledge import load
from factcheck.types import Casualty, Claim, Frame, Quantity

SAME_PHRASE = 0.5
"""Cosine similarity of two frame phrases at which frames with no named role count one thing."""

Similarity = Callable[[str, str], float]


@dataclass(frozen=True)
class Member:
    claim: Claim
    frame: Frame

    @property
    def fact(self) -> Casualty | Quantity:
        return self.frame.fact  # type: ignore[return-value]

    @property
    def said(self) -> str:
        """The value as the sentence writes it, with a distance's bearing ("250 kilometers southeast")."""
        end = max(self.fact.end, self.frame.bearing_end)
        return self.claim.text[self.fact.start - self.claim.start : end - self.claim.start]


@dataclass(frozen=True)
class Slot:
    members: tuple[Member, ...]

    @property
    def first(self) -> Member:
        return self.members[0]

    @property
    def casualty(self) -> bool:
        return isinstance(self.first.fact, Casualty)

    @property
    def developing(self) -> bool:
        """Whether the slot's figure is revised as the story unfolds (a toll)."""
        return self.casualty or developing(self.first.frame.role)

    @property
    def label(self) -> str:
        """What the slot counts, as a report names it: "people killed", "people on bridge",
        "number of sites (in the north)"."""
        part = self.first.frame.part
        return f"{self.counted} (in {part})" if part else self.counted

    @property
    def counted(self) -> str:
        fact, frame = self.first.fact, self.first.frame
        if isinstance(fact, Casualty):
            return f"people {frame.role}" if fact.group in (None, "person") else f"{frame.role}: {fact.group}"
        if fact.rule in MEASURES:
            return f"{frame.role} ({fact.unit})" if frame.role and frame.role != fact.unit else str(fact.unit)
        counted = f"number of {fact.unit}" + ("" if str(fact.unit).endswith("s") else "s")
        if frame.role:
            return f"{counted} {frame.role}"
        extra = frame.phrase.removeprefix(frame.entity).strip()
        return f"{counted} ({extra})" if extra else counted


@dataclass(frozen=True)
class Event:
    """What the slot rules read of one event: its claims and the slots of its counts."""

    claims: tuple[Claim, ...]
    slots: tuple[Slot, ...]


def comparable_parts(a: Claim, b: Claim) -> bool:
    """Bodies of any articles; a heading or caption only with its own article's body."""
    if a.part == "body" and b.part == "body":
        return True
    return a.article == b.article and "body" in (a.part, b.part) and a.part != b.part


@cache
def exact_units() -> frozenset[str]:
    """Measures written to a fixed precision and read as given (a magnitude: 7 is 7.0, not
    6.5-7.5); each is of one thing of an event, whatever the words around it."""
    return frozenset(unit for unit, m in load("units")["measure"].items() if m.get("exact"))


def same_slot(a: Member, b: Member, similarity: Similarity) -> bool:
    if a.claim is b.claim or not comparable_parts(a.claim, b.claim):
        return False
    x, y = a.fact, b.fact
    if separate_occurrences(a.claim, b.claim) or a.frame.part != b.frame.part:
        return False  # a count of one part is neither another part's nor the total
    if isinstance(x, Casualty) or isinstance(y, Casualty):
        return (
            isinstance(x, Casualty)
            and isinstance(y, Casualty)
            and a.frame.role == b.frame.role
            and same_group(x.group, y.group)
        )
    if common_unit(x.unit)[0] != common_unit(y.unit)[0] or (x.scope and y.scope and not a.frame.part and not set(x.scope) & set(y.scope)):
        return False
    if a.frame.qualifiers and b.frame.qualifiers and not set(a.frame.qualifiers) & set(b.frame.qualifiers):
        return False  # "five Indian nationals" are not a count of the "ten foreign nationals"
    if a.frame.role == x.unit and b.frame.role == y.unit and not {x.unit, y.unit} <= exact_units():
        # measures no word gives a dimension are one slot when the words around them read
        # alike: "winds of 165 mph" and "250 km/h winds", not "intensified by 110 mph" or
        # "1.5 km" and "500 feet"; a bare figure ("145 mph") joins its own unit's
        if not (a.frame.phrase and b.frame.phrase):
            return x.unit == y.unit
        return similarity(a.frame.phrase, b.frame.phrase) >= SAME_PHRASE
    if a.frame.role and b.frame.role:
        return a.frame.role == b.frame.role
    # a headline sums up its own text: one unit there is one count unless the roles differ
    return a.claim.part != b.claim.part or similarity(a.frame.phrase, b.frame.phrase) >= SAME_PHRASE


def phrase_similarity(claims: list[Claim], encode: Callable[[list[str]], np.ndarray]) -> Similarity:
    """Cosine similarity of two frame phrases of these claims, each phrase encoded once."""
    phrases = sorted({f.phrase for c in claims for f in c.frames if f.phrase})
    vectors = dict(zip(phrases, encode(phrases))) if phrases else {}

    def similarity(a: str, b: str) -> float:
        return float(vectors[a] @ vectors[b]) if a in vectors and b in vectors else float(a == b)

    return similarity


def earlier_event(claim: Claim, frame: Frame) -> bool:
    """Whether a value is of an earlier event: a toll in background (dated so, or in a paragraph
    that is); a count only when its own sentence is dated so ("2,500 troops remain" after a
    paragraph's "in March" is still today's figure)."""
    return claim.background if isinstance(frame.fact, Casualty) else dating(claim) is True


def slots_of(claims: list[Claim], similarity: Similarity) -> list[Slot]:
    """The event's slots, each with its frames in claim order; frames that deny or hedge
    their value state none and join no slot.

    Slots are built from the articles' bodies; a heading's or caption's frame then forms a
    slot of its own with the frames of its article's body that one body slot holds, so a
    headline is judged against its own text only."""
    members = [
        Member(c, f)
        for c in claims
        for f in c.frames
        if f.polarity == "stated" and isinstance(f.fact, (Casualty, Quantity)) and not earlier_event(c, f)
    ]
    slots: list[list[Member]] = []
    for member in (m for m in members if m.claim.part == "body"):
        home = next((s for s in slots if all(same_slot(member, other, similarity) for other in s)), None)
        if home is None:
            slots.append([member])
        else:
            home.append(member)
    summaries: list[list[Member]] = []
    for summary in (m for m in members if m.claim.part != "body"):
        for slot in slots:
            own = [m for m in slot if m.claim.article == summary.claim.article]
            if own and all(same_slot(summary, m, similarity) for m in own):
                summaries.append([summary, *own])
                break
        else:
            summaries.append([summary])  # its own slot: a group's toll may still exceed the text's
    slots += summaries
    return [Slot(tuple(s)) for s in slots]


def event_of(claims: list[Claim], encode: Callable[[list[str]], np.ndarray]) -> Event:
    """One event's claims with their slots, frame phrases compared with `encode`'s embeddings."""
    return Event(tuple(claims), tuple(slots_of(claims, phrase_similarity(claims, encode))))
