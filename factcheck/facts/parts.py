"""Counts a sentence splits place by place: "four sites in the north and one in the south".

A report that swaps the parts ("one in the north and four in the south") holds the same
bag of numbers and disagrees twice, and a total ("five sites") is neither part. So where
one sentence gives two or more counts of one thing, each followed by a place of its own
("in Odesa", "in the north"), each count's frame names its part, and slots keep counts of
two parts apart; a count of that thing with no place of its own is the total ("the three
sites — two in Syria and one in Iraq"). A number whose noun is left out counts the noun of
the count it goes with: coordinated ("and one in the south"), placed ("along with one in
Iraq") or partitive ("two of the three sites were in Iraq").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from factcheck.extract.casualties import group_of
from factcheck.extract.quantities import number_value
from factcheck.knowledge import load
from factcheck.types import Casualty, Claim, Frame, Place, Quantity

LOCATING = {"in", "at", "near", "across", "inside", "outside", "around", "throughout"}
"""Prepositions that say where a count lies."""
INCLUDING = re.compile(r"\b(?:including|among them|of them|of whom)\s+$", re.IGNORECASE)
"""Words that make the count after them a part of the count before."""
HARMED = "dead|killed|deceased|victims|injured|wounded"
"""Words for the harmed that a breakdown of them names ("of the dead", "of the injured")."""
MEASURED = ("quantity.measure", "quantity.implied", "quantity.money")
NUMBER_OF_A_NOUN = {"nummod", "quantmod", "compound", "amod"}
"""A number in these relations counts or qualifies its head: it stands for no left-out noun."""


@cache
def _compass() -> dict[str, str]:
    """Compass words as the part they name: "north" and "northern" are "the north"."""
    words = [w for w in load("gazetteer")["compass"] if " " not in w and w not in ("upper", "lower")]
    nouns = {w for w in words if not w.endswith("ern") and w != "central"}
    named = {w: "the " + (w.removesuffix("ern") if w.removesuffix("ern") in nouns else w) for w in words}
    return named | dict.fromkeys(("central", "centre", "center"), "the centre")


def split_by_place(claim: Claim, doc, frames: list[Frame]) -> list[Frame]:
    """The claim's frames, each count the sentence splits by place with its part, and the
    counts whose noun is left out added."""
    counts = [f for f in frames if countable(f)]
    whole_of = {token.i: w for token in doc if (w := partitive_whole(claim, token, counts)) is not None}
    counts += [f for f in (elided(claim, doc, token, counts, whole_of.get(token.i)) for token in doc) if f is not None]
    counts.sort(key=lambda f: f.fact.start)
    wholes = {id(f) for f in whole_of.values()}
    parted: dict[int, str] = {}
    split = False
    for kind in {key(f) for f in counts}:
        same = [f for f in counts if key(f) == kind and id(f) not in wholes]
        ends = [f.fact.start for f in same[1:]] + [claim.end]
        parts = {id(f): p for f, end in zip(same, ends) if (p := part_after(claim, doc, f.fact.end, end))}
        if len(parts) >= 2 and len(set(parts.values())) == len(parts):
            parted.update(parts)
            split = True
        elif len(same) >= 2:
            # "22 deaths, including 19 in the capital": a part of the count before it, even alone
            included = [f for f in same[1:] if INCLUDING.search(claim.text, 0, f.fact.start - claim.start)]
            parted.update({id(f): parts[id(f)] for f in included if id(f) in parts})
    if not parted:
        return frames
    known = {id(f) for f in frames}
    # a sentence split place by place counts its left-out nouns; a lone included part is only itself
    added = [f for f in counts if id(f) not in known and (split or id(f) in parted)]
    return [replace(f, part=parted.get(id(f), "")) for f in [*frames, *added]]


def countable(frame: Frame) -> bool:
    fact = frame.fact
    if isinstance(fact, Casualty):
        return True
    return isinstance(fact, Quantity) and bool(fact.unit) and fact.rule not in MEASURED


def key(frame: Frame) -> tuple:
    """What a count counts, for finding the counts of one thing in a sentence."""
    fact = frame.fact
    return ("toll", frame.role, fact.group) if isinstance(fact, Casualty) else ("count", fact.unit, frame.role)


def elided(claim: Claim, doc, token, counts: list[Frame], whole: Frame | None) -> Frame | None:
    """A number standing for a count's noun, as a count of that noun in the same role: one
    coordinated with the count ("four sites ... and one in the south", "killing 12 in Kharkiv
    and three in Odesa"), one placed after it ("two in Syria", "along with one in Iraq"), or
    a part of `whole` ("two of the three sites")."""
    if not (token.like_num or token.pos_ == "NUM") or token.dep_ in NUMBER_OF_A_NOUN:
        return None
    start = claim.start + token.idx
    if any(f.fact.start <= start < f.fact.end for f in counts):
        return None
    value = number_value(token.text)
    first = None
    if token.dep_ == "conj":
        anchor = token.head if token.head.dep_ != "prep" else token.head.head
        first = next((f for f in counts if f.fact.start < start and touches(claim, doc, f, anchor)), None)
    if first is None and (whole is not None or placed(token)):
        first = whole or next((f for f in reversed(counts) if f.fact.end <= start), None)
    if value is None or first is None:
        return None
    span = {"start": start, "end": start + len(token.text), "text": token.text, "low": value, "high": value}
    if isinstance(first.fact, Quantity):
        span |= {"value": value, "modifier": None, "scope": (), "latent": False}
    return replace(first, fact=replace(first.fact, **span))


def placed(token) -> bool:
    """Whether a number is given a place: "two in Syria", or as a subject, "one was in Syria"."""
    holders = [token, token.head] if token.dep_ in ("nsubj", "nsubjpass") else [token]
    return any(child.lower_ in LOCATING for holder in holders for child in holder.children)


def partitive_whole(claim: Claim, token, counts: list[Frame]) -> Frame | None:
    """The count a number takes part of ("two of the three sites"), if it does."""
    if not (token.like_num or token.pos_ == "NUM"):
        return None
    objects = [claim.start + o.idx for of in token.children if of.lower_ == "of" for o in of.children if o.dep_ == "pobj"]
    return next((f for f in counts if any(f.fact.start <= at < f.fact.end for at in objects)), None)


def touches(claim: Claim, doc, frame: Frame, anchor) -> bool:
    """Whether `anchor` (the word a left-out count hangs from) is the count's noun or its predicate."""
    words = [t for t in doc if frame.fact.start <= claim.start + t.idx < frame.fact.end]
    heads = {t.i for t in words} | {t.head.i for t in words} | {t.head.head.i for t in words}
    return anchor.i in heads


def part_after(claim: Claim, doc, start: int, end: int) -> str:
    """The first place a locating word names between `start` and `end` (article offsets):
    a place the claim names, or a compass part ("in the north")."""
    places = [p for p in claim.of_type(Place) if start <= p.start < end]
    for token in doc:
        at = claim.start + token.idx
        if not (start <= at < end) or token.lower_ not in LOCATING:
            continue
        for word in token.children:
            if word.dep_ != "pobj":
                continue
            # "in the capital Nairobi", "in the city of Galveston": the place may stand beside the noun
            beside = [c for c in word.children if c.dep_ == "appos"]
            beside += [o for c in word.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
            words = [word, *beside]
            named = next((p for p in places for w in words if p.start <= claim.start + w.idx < p.end), None)
            if named is not None:
                return named.name
            compass = _compass().get(word.lower_) or next((_compass()[c.lower_] for c in word.children if c.lower_ in _compass()), None)
            if compass:
                return compass
    return ""


SUBGROUP = re.compile(
    rf"^(?:(?:of|among)\s+(?P<back>these|them|those|the (?:{HARMED}))\s*,?\s+)?"
    rf"(?P<count>\d[\d,]*|[a-z]+)\s+(?:of\s+(?P<whole>the (?:{HARMED}))\s+)?"
    r"(?:were|are)\s+(?P<noun>[a-z]+)\b",
    re.IGNORECASE,
)
"""A sentence that splits a toll by group: "Of these, 12 were children", "19 of the victims are men"."""


def harm_of(word: str) -> str:
    """The harm a word of `HARMED` names."""
    return "injured" if word.lower() in ("injured", "wounded") else "killed"


def subgroups(claims: list[Claim]) -> list[Claim]:
    """The claims, a sentence that splits a toll by group given that count, of the harm of the
    toll it splits: "the dead", "the injured", or the first toll of the sentence before it."""
    out = list(claims)
    for n, claim in enumerate(claims):
        m = SUBGROUP.match(claim.text)
        if m is None or not (m["back"] or m["whole"]):
            continue
        word = (m["back"] or m["whole"]).lower()
        if word in ("these", "them", "those"):
            before = claims[n - 1] if n and claims[n - 1].article == claim.article else None
            harm = next((f.role for f in before.frames if isinstance(f.fact, Casualty)), None) if before else None
        else:
            harm = harm_of(word.removeprefix("the "))
        value, group = number_value(m["count"].replace(",", "")), group_of(m["noun"])
        if value is None or group is None or harm not in ("killed", "injured"):
            continue
        span = (claim.start + m.start("count"), claim.start + m.end("noun"))
        toll = Casualty(*span, claim.text[m.start("count") : m.end("noun")], "frames.subgroup", harm, "asserted", value, value, group)
        noun = m["noun"].lower()
        out[n] = replace(claim, frames=(*claim.frames, Frame(fact=toll, role=harm, entity=noun, phrase=noun)))
    return out


AMONG_THE_HARMED = re.compile(
    rf"\b(?:of|among)\s+(?:the|those)\s+(?:[\w-]+\s+){{0,3}}?(?P<harm>{HARMED})\b",
    re.IGNORECASE,
)
"""A sentence that breaks the harmed down: "of the people reported dead, 24 are females"."""


def included_tolls(claim: Claim, frames: list[Frame]) -> list[Frame]:
    """A count of a harmed group that the sentence includes in a toll before it ("killing 77
    people, including 12 children") or counts among the harmed ("of the people reported dead,
    ... 13 children") is a toll of that group, of that harm."""
    out = []
    for f in frames:
        fact = f.fact
        group = group_of(fact.unit) if isinstance(fact, Quantity) and fact.unit and fact.rule not in MEASURED else None
        before = claim.text[: fact.start - claim.start]
        toll = next((t for t in frames if isinstance(t.fact, Casualty) and t.fact.end <= fact.start), None)
        among = AMONG_THE_HARMED.search(before)
        if group is not None and toll is not None and INCLUDING.search(before):
            harm = toll.role
        elif group is not None and among is not None:
            harm = harm_of(among["harm"])
        else:
            out.append(f)
            continue
        toll_fact = Casualty(fact.start, fact.end, fact.text, "frames.included", harm, "asserted", fact.low, fact.high, group)
        out.append(replace(f, fact=toll_fact, role=harm))
    return out
