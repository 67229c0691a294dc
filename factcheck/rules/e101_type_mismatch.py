"""Two sources name different kinds of weapon, vehicle, event or cause for the same thing.

What it flags: aligned claims where each names an event, weapon, vehicle or
cause (what exploded or burned) type that the other's types do not cover: not the same node of the taxonomy, not a
broader or narrower one. "Missile" against "ballistic missile" is a difference of
precision and is not flagged; "rocket" against "ballistic missile" is a
difference of kind.

Why an editor cares: the type of weapon or event carries the story (who could
fire it, what it implies); between two versions of one story it is a correction
readers should be told of.

Events of different families (an earthquake and a landslide) may both have
happened and are not flagged; two weapons or two vehicles are always a
difference ("a cargo ship" against "an oil tanker"), two precisions of one are
not ("a launch" against "a ferry").

Vehicles in claims phrased too far apart to be paraphrases are still compared
when the claims tell one scene: they name one event and share a vehicle, and
each names one other ("a ferry collided with a cargo ship and sank" against "a
ferry sank after hitting an oil tanker"): a collision has two parties, so with
one shared the other must be the same. Weapons are not: one attack often mixes
several, and sentences about different strikes share words.

Causes are compared, paraphrased or phrased apart, when both claims tell one
current explosion or fire (they name one event, neither is background) and
each states exactly one cause the other's do not cover ("caused by ammonium
nitrate stored in the warehouse" against "caused by a gas cylinder that blew
up"). A cause offered as a possibility ("investigators were examining whether a
gas leak...") is no claim, and the extractor leaves it out.

Example: "a rocket hit the base" against "a ballistic missile hit the base":
conflict. "a missile" against "a ballistic missile", or "a drone" against "an
unmanned aerial vehicle": not flagged. "The fire was caused by a short circuit"
against "a cooking-gas cylinder exploded and started the fire": conflict; "a
gas cylinder" against "an LPG cylinder": not flagged.
"""

from __future__ import annotations

from factcheck.extract.events import THINGS
from factcheck.rules.common import RuleContext, discrepancy, linked_pairs, related, shared_event
from factcheck.types import Claim, ClaimGroup, Discrepancy, EventType

CODE = "E101"
NAME = "type-mismatch"


def covers(x: EventType, others: list[EventType]) -> bool:
    return any(related(x, y) for y in others)


def orphans(mine: list[EventType], theirs: list[EventType]) -> list[EventType]:
    """My types of a category the other side also speaks of, that nothing of theirs covers."""
    categories = {y.category for y in theirs}
    return [x for x in mine if x.category in categories and not covers(x, theirs)]


def check(group: ClaimGroup, context: RuleContext) -> list[Discrepancy]:
    found = []
    for a, b, score in linked_pairs(group):
        types_a, types_b = kinds(a), kinds(b)
        only_a, only_b = orphans(types_a, types_b), orphans(types_b, types_a)
        if score >= context.paraphrase:
            pairs = [
                (x, y)
                for x in only_a
                for y in only_b
                if x.category == y.category and (x.category in THINGS or same_family(x, y))
            ]
        else:
            pairs = lone_differences(types_a, types_b, only_a, only_b)
        found.extend(finding(a, x, b, y, context) for x, y in pairs)
        if difference := differing_causes(a, b):
            found.append(finding(a, difference[0], b, difference[1], context, of=difference[2]))
    return found


def kinds(claim: Claim) -> list[EventType]:
    """The claim's types but its causes, which `differing_causes` compares on its own terms."""
    return [t for t in claim.of_type(EventType) if t.category != "cause"]


def differing_causes(a: Claim, b: Claim) -> tuple[EventType, EventType, str] | None:
    """The one cause each claim states that the other's do not cover, with the event they
    both tell, when both tell one current event.

    "A gas explosion" and "a gas cylinder" are one cause told at two precisions.
    With two or more differing causes a side ("a short circuit ignited leaking
    fuel"), which answers which is unknown, and nothing is flagged.
    """
    if a.background or b.background:
        return None
    causes_a = [t for t in a.of_type(EventType) if t.category == "cause"]
    causes_b = [t for t in b.of_type(EventType) if t.category == "cause"]
    xs = [x for x in causes_a if not covers(x, causes_b)]
    ys = [y for y in causes_b if not covers(y, causes_a)]
    if len(xs) != 1 or len(ys) != 1:
        return None
    event = shared_event(a, b)
    return (xs[0], ys[0], event) if event else None


def lone_differences(
    types_a: list[EventType], types_b: list[EventType], only_a: list[EventType], only_b: list[EventType]
) -> list[tuple[EventType, EventType]]:
    """In claims phrased apart, the one vehicle each names differently, when they tell one scene.

    Two claims tell one scene when they name one event and share a vehicle
    besides the one they differ on: "a ferry collided with a cargo ship and
    sank" and "a ferry sank after hitting an oil tanker" differ only in what the
    ferry hit. With two or more differing vehicles a side, which answers which
    is unknown, and nothing is flagged.
    """
    xs = [x for x in only_a if x.category == "vehicle"]
    ys = [y for y in only_b if y.category == "vehicle"]
    if len(xs) == len(ys) == 1 and shares(types_a, types_b, "event") and shares(types_a, types_b, "vehicle"):
        return [(xs[0], ys[0])]
    return []


def shares(types_a: list[EventType], types_b: list[EventType], category: str) -> bool:
    return any(related(x, y) for x in types_a for y in types_b if x.category == category)


def same_family(x: EventType, y: EventType) -> bool:
    """Events under one root of the taxonomy: one replaces the other. Across families
    (an earthquake and the landslide it set off) both may hold."""
    return (x.ancestors[-1:] or (x.label,)) == (y.ancestors[-1:] or (y.label,))


def indefinite(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def finding(
    a: Claim, x: EventType, b: Claim, y: EventType, context: RuleContext, of: str | None = None
) -> Discrepancy:
    """A conflict of two types; `of` names the event when they are two causes of it."""
    name = lambda t: t.label.replace("_", " ")
    name_a, name_b = context.name_sides(a, b)
    if of:
        topic = f"cause of the {of.replace('_', ' ')}: {name(x)} or {name(y)}"
        setting = f"as the cause of the {of.replace('_', ' ')}: {name(x)} and {name(y)} are different causes."
    else:
        topic = f"{x.category} type: {name(x)} or {name(y)}"
        setting = f"in otherwise matching accounts: {indefinite(name(x))} and {indefinite(name(y))} are different things."
    return discrepancy(
        CODE,
        "event_type",
        status="conflict",
        severity="high",
        topic=topic,
        explanation=f"{name_a} says “{x.text}”, {name_b} says “{y.text}”, {setting}",
        sides=[(a, x, x.text), (b, y, y.text)],
        context=context,
    )
