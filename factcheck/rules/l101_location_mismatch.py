"""Two sources place the same statement in different places.

What it flags: paraphrases (claims that say nearly the same thing) that each say
where something happened or stands ("in", "near", "off" a place; a country used as
a modifier, as in "U.S. forces", is not a location), where no country of one side's places is a country of the other's, or
where both name cities and no city is shared. Aliases and transliterations are
one place (the gazetteer normalizes them), and a city inside a named country
agrees with that country. A GeoNames city is not compared here: it may be a suburb
of the other side's city, or a town of that name elsewhere.

Places below a city (districts, villages, towns, neighbourhoods, industrial
zones, read from their cue) are compared with places of their own kind only:
two named districts differ, but a village and a district, or a district and its
city, may both hold (which lies in which is unknown). Spellings that differ only
in diacritics ("Karaçay", "Karacay") are one name. Claims phrased too far apart to be
paraphrases are still compared when they tell one scene: both name a happening
of the current event (one type, or one a kind of the other) and each places it
in exactly one such place, of one kind. A place in background, or where a
speaker lives ("a resident of X said"), is not where the event happened.

Why an editor cares: the wrong town or country in a dateline or a casualty report
sends readers, relatives and rescuers to the wrong place.

Example: "The quake struck near Izmir" against "The quake struck near Ankara":
conflict. "in Kyiv" against "in Kiev": not flagged. "The blast in the Karacay
district" against "the explosion in the district of Yazikoy": conflict; "the
village of Kaya" against "the Yazikoy district": not flagged.
"""

from __future__ import annotations

from factcheck.extract.cities import RULE as GEONAMES
from factcheck.extract.locative import is_home
from factcheck.extract.phrases import plural
from factcheck.extract.places import sub_city_kinds
from factcheck.rules.common import RuleContext, discrepancy, linked_pairs, located, shared_event
from factcheck.types import Claim, ClaimGroup, Discrepancy, Place

CODE = "L101"
NAME = "location-mismatch"


def certain(claim: Claim) -> list[Place]:
    """The located places whose identity is known: not a GeoNames city, which may be a suburb of
    the same name ("Marshalltown" is in Johannesburg and in Iowa) or lie in the other side's city."""
    return [p for p in located(claim) if p.rule != GEONAMES]


def countries(claim: Claim) -> set[str]:
    """Countries a claim places things in; a place below a city counts only when its country is said."""
    return {p.country or p.name for p in certain(claim) if p.country or p.kind not in sub_city_kinds()}


def cities(claim: Claim) -> set[str]:
    return {p.name for p in certain(claim) if p.kind == "city"}


def scene(claim: Claim) -> list[Place]:
    """The places below a city where a claim says the current event happened."""
    if claim.background:
        return []
    kinds = sub_city_kinds()
    return [p for p in located(claim) if p.kind in kinds and not is_home(p, claim.text, claim.start)]


def other_place(pa: list[Place], pb: list[Place]) -> tuple[Place, Place] | None:
    """A place of each side of one kind, when the sides name that kind and share no name of it."""
    for x in pa:
        ys = [y for y in pb if y.kind == x.kind]
        names_a = {p.name.casefold() for p in pa if p.kind == x.kind}
        if ys and not names_a & {y.name.casefold() for y in ys}:
            return x, ys[0]
    return None


def check(group: ClaimGroup, context: RuleContext) -> list[Discrepancy]:
    found = []
    for a, b, score in linked_pairs(group):
        if score >= context.paraphrase:
            ca, cb = countries(a), countries(b)
            ta, tb = cities(a), cities(b)
            if (ca and cb and not ca & cb) or (ta and tb and not ta & tb):
                found.append(apart(a, b, context))
                continue
            pair = other_place(scene(a), scene(b))
        else:
            pair = one_scene(a, b)
        if pair:
            found.append(below_city(a, pair[0], b, pair[1], context))
    return found


def one_scene(a: Claim, b: Claim) -> tuple[Place, Place] | None:
    """In claims phrased apart, the one place each gives for one happening, when they differ.

    With two places a side, or places of two kinds, which answers which is unknown."""
    pa, pb = scene(a), scene(b)
    if len(pa) == len(pb) == 1 and shared_event(a, b):
        return other_place(pa, pb)
    return None


def apart(a: Claim, b: Claim, context: RuleContext) -> Discrepancy:
    pa, pb = located(a), located(b)
    name_a, name_b = context.name_sides(a, b)
    said_a, said_b = (", ".join(p.text for p in places) for places in (pa, pb))
    explanation = f"{name_a} names {said_a}; {name_b} names {said_b}, in otherwise matching accounts."
    return conflict("where it happened", explanation, [(a, pa[0], said_a), (b, pb[0], said_b)], context)


def below_city(a: Claim, x: Place, b: Claim, y: Place, context: RuleContext) -> Discrepancy:
    name_a, name_b = context.name_sides(a, b)
    explanation = (
        f"{name_a} places it in “{x.text}”, {name_b} in “{y.text}”: two different {plural(x.kind)} "
        "for where one event happened."
    )
    return conflict(f"which {x.kind}", explanation, [(a, x, x.text), (b, y, y.text)], context)


def conflict(topic: str, explanation: str, sides: list, context: RuleContext) -> Discrepancy:
    return discrepancy(
        CODE, "location", status="conflict", severity="medium", topic=topic, explanation=explanation, sides=sides, context=context
    )
