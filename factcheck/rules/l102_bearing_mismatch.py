"""One distance from one place, given in directions that cannot both be right.

What it flags: a slot's distances from one reference place ("250 kilometers southeast of
Athens") whose compass directions are a right angle or more apart ("southeast" against
"southwest"), in different articles. Neighbouring directions ("south", "southwest") are one
bearing rounded and are not flagged; the distances themselves are the count rule's business.

Why an editor cares: a town put on the wrong side of a capital, or an epicentre on the wrong
side of a city, sends readers and relatives the wrong way on a map.

Example: "Kalamata, 250 kilometers southeast of Athens" against "Kalamata, about 240
kilometres, southwest of Athens": conflict, and against "155 miles southwest of Athens"
too (units apart). "72 km south of Marrakesh" against "70 km southwest of Marrakesh": not
flagged.
"""

from __future__ import annotations

from itertools import combinations

from factcheck.facts.slots import Event, Member
from factcheck.rules.common import RuleContext, discrepancy
from factcheck.rules.positions import chronological, holders, positions
from factcheck.types import Discrepancy

CODE = "L102"
NAME = "bearing-mismatch"
ON = "slots"

BEARINGS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135,
    "south": 180, "southwest": 225, "west": 270, "northwest": 315,
}  # fmt: skip


def apart(a: Member, b: Member) -> bool:
    """Whether two distances' directions are a right angle or more apart."""
    angle = abs(BEARINGS[a.frame.bearing] - BEARINGS[b.frame.bearing]) % 360
    return min(angle, 360 - angle) >= 90


def check(event: Event, context: RuleContext) -> list[Discrepancy]:
    """One finding per reference place: its distances' slots may differ by unit (km, miles)."""
    by_reference: dict[str, list[Member]] = {}
    for slot in event.slots:
        for m in slot.members:
            if m.frame.bearing:
                by_reference.setdefault(m.frame.role, []).append(m)
    found = []
    for reference, pointed in by_reference.items():
        pairs = [(a, b) for a, b in combinations(pointed, 2) if a.claim.article != b.claim.article and apart(a, b)]
        if pairs:
            found.append(finding(reference, [m for m in pointed if any(m in pair for pair in pairs)], context))
    return found


def finding(reference: str, members: list[Member], context: RuleContext) -> Discrepancy:
    groups = positions(chronological(members, context), apart)
    number = {id(m): n for n, group in enumerate(groups, 1) for m in group}
    held = " · ".join(holders(group, context, inside=False) for group in groups)
    return discrepancy(
        CODE,
        "location",
        status="conflict",
        severity="medium",
        topic=f"direction of the {reference}",
        explanation=f"{reference}: {held}. Directions a right angle or more apart cannot both be right: check a map.",
        sides=[(m.claim, m.fact, m.said, number[id(m)]) for group in groups for m in group],
        context=context,
    )
