"""Two sources place the same statement in different places.

What it flags: paraphrases (claims that say nearly the same thing) that each say
where something happened or stands ("in", "near", "off" a place; a country used as
a modifier, as in "U.S. forces", is not a location), where no country of one side's places is a country of the other's, or
where both name cities and no city is shared. Aliases and transliterations are
one place (the gazetteer normalizes them), and a city inside a named country
agrees with that country.

Why an editor cares: the wrong town or country in a dateline or a casualty report
sends readers, relatives and rescuers to the wrong place.

Example: "The quake struck near Izmir" against "The quake struck near Ankara":
conflict. "in Kyiv" against "in Kiev": not flagged.
"""

from __future__ import annotations

from factcheck.rules.common import RuleContext, discrepancy, linked_pairs, located
from factcheck.types import Claim, ClaimGroup, Discrepancy

CODE = "L101"
NAME = "location-mismatch"


def countries(claim: Claim) -> set[str]:
    return {p.country or p.name for p in located(claim)}


def cities(claim: Claim) -> set[str]:
    return {p.name for p in located(claim) if p.kind == "city"}


def check(group: ClaimGroup, context: RuleContext) -> list[Discrepancy]:
    found = []
    for a, b, score in linked_pairs(group):
        if score < context.paraphrase:
            continue
        ca, cb = countries(a), countries(b)
        ta, tb = cities(a), cities(b)
        if (ca and cb and not ca & cb) or (ta and tb and not ta & tb):
            pa, pb = located(a), located(b)
            name_a, name_b = context.name_sides(a, b)
            found.append(
                discrepancy(
                    CODE,
                    "location",
                    status="conflict",
                    severity="medium",
                    topic="where it happened",
                    explanation=(
                        f"{name_a} names {', '.join(p.text for p in pa)}; "
                        f"{name_b} names {', '.join(p.text for p in pb)}, in otherwise matching accounts."
                    ),
                    sides=[(a, pa[0], ", ".join(p.text for p in pa)), (b, pb[0], ", ".join(p.text for p in pb))],
                    context=context,
                )
            )
    return found
