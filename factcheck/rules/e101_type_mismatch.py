"""Two sources name different kinds of weapon or event for the same thing.

What it flags: aligned claims where each names an event or weapon type that the
other's types do not cover: not the same node of the taxonomy, not a broader or
narrower one. "Missile" against "ballistic missile" is a difference of precision
and is not flagged; "rocket" against "ballistic missile" is a difference of kind.

Why an editor cares: the type of weapon or event carries the story (who could
fire it, what it implies); between two versions of one story it is a correction
readers should be told of.

Events of different families (an earthquake and a landslide) may both have
happened and are not flagged; two weapons are always a difference.

Example: "a rocket hit the base" against "a ballistic missile hit the base":
conflict. "a missile" against "a ballistic missile", or "a drone" against "an
unmanned aerial vehicle": not flagged.
"""

from __future__ import annotations

from factcheck.rules.common import RuleContext, discrepancy, linked_pairs, related
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
        if score < context.paraphrase:
            continue
        types_a, types_b = a.of_type(EventType), b.of_type(EventType)
        only_a, only_b = orphans(types_a, types_b), orphans(types_b, types_a)
        for x in only_a:
            for y in only_b:
                if x.category == y.category and (x.category == "weapon" or same_family(x, y)):
                    found.append(finding(a, x, b, y, context))
    return found


def same_family(x: EventType, y: EventType) -> bool:
    """Events under one root of the taxonomy: one replaces the other. Across families
    (an earthquake and the landslide it set off) both may hold."""
    return (x.ancestors[-1:] or (x.label,)) == (y.ancestors[-1:] or (y.label,))


def finding(a: Claim, x: EventType, b: Claim, y: EventType, context: RuleContext) -> Discrepancy:
    name = lambda t: t.label.replace("_", " ")  # noqa: E731
    return discrepancy(
        CODE,
        "event_type",
        status="conflict",
        severity="high",
        topic=f"{x.category} type: {name(x)} or {name(y)}",
        explanation=(
            f"{context.outlet(a)} says “{x.text}”, {context.outlet(b)} says “{y.text}”, in otherwise matching "
            f"accounts: a {name(x)} and a {name(y)} are different things."
        ),
        sides=[(a, x, x.text), (b, y, y.text)],
        context=context,
    )
