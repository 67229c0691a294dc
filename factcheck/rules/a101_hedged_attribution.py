"""One source states as fact what another reports only as someone's unverified claim.

What it flags: paraphrases where one side carries an attribution the outlet
distances itself from ("claimed", "without providing evidence", "could not be
independently verified") and the other states the same thing with no
attribution at all.

Why an editor cares: repeating a party's claim as established fact is how
propaganda and rumour get laundered into the record; the copy should say who
claims it and that it is unverified.

Example: "State media said, without providing evidence, that the strike hit a
hospital" against "The strike hit a hospital": flagged.
"""

from __future__ import annotations

from factcheck.rules.common import RuleContext, discrepancy, linked_pairs
from factcheck.types import Attribution, ClaimGroup, Discrepancy

CODE = "A101"
NAME = "hedged-claim-stated-as-fact"


def check(group: ClaimGroup, context: RuleContext) -> list[Discrepancy]:
    found = []
    for a, b, score in linked_pairs(group):
        if score < context.paraphrase:
            continue
        for x, y in ((a, b), (b, a)):
            hedged = [t for t in x.of_type(Attribution) if t.hedged]
            if hedged and not y.of_type(Attribution):
                name_x, name_y = context.name_sides(x, y)
                found.append(
                    discrepancy(
                        CODE,
                        "attribution",
                        status="conflict",
                        severity="low",
                        topic=f"who says it: {hedged[0].speaker}",
                        explanation=(
                            f"{name_x} attributes this to {hedged[0].speaker} and flags it as unverified "
                            f"(“{hedged[0].text}”); {name_y} states it as fact."
                        ),
                        sides=[(x, hedged[0], hedged[0].text), (y, None, "stated as fact")],
                        context=context,
                    )
                )
    return found
