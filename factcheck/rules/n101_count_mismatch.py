"""Two sources give counts of the same thing that cannot both be true.

What it flags: aligned claims (not one dated as an earlier event and the other
as the current one) whose quantities count the same thing (the same
normalized noun) over overlapping places, with intervals that do not overlap once
each quantifier is read ("about 2,500" is 2,250-2,750; "more than 3,000" is
anything above 3,000; "at least 12" has no upper end). When the places counted
differ (one source counts one country, the other two), the finding says so and
is ranked lower. Two figures one known source gave at different times (two
publication times, two versions) are that source's update (`explained`).
Inside one article, the body's stated "at least N" is read as N against its own
headline or caption: a headline may round the body's figure down, not raise it.

Why an editor cares: a wrong figure is the most quoted and most corrected error
in news; two outlets that disagree on it mean at least one is wrong, or they
count different things and the copy should say which.

Example: "About 400 homes were destroyed in the province" against "More than 900
homes were destroyed in the province": conflict. "At least 12 dead" against "at
least 30 dead" is not flagged: both lower bounds can hold.
"""

from __future__ import annotations

from factcheck.background import dating
from factcheck.extract.quantities import intervals_conflict
from factcheck.rules.common import RuleContext, as_read_against, discrepancy, linked_pairs, update_by_one_source
from factcheck.types import Casualty, Claim, ClaimGroup, Discrepancy, Quantity

MEASURES = ("quantity.measure", "quantity.money", "quantity.implied")
"""Extractor rules whose unit is a measure (km, USD, magnitude), not a counted thing."""

CODE = "N101"
NAME = "count-mismatch"


def comparable(a: Quantity, b: Quantity) -> bool:
    if a.latent or b.latent or not a.unit or a.unit != b.unit:
        return False
    return not (a.scope and b.scope and not set(a.scope) & set(b.scope))


def counts(claim: Claim) -> list[Quantity]:
    """Counts of things; tolls of people harmed are the casualty rules' business."""
    tolls = claim.of_type(Casualty)
    return [
        q
        for q in claim.of_type(Quantity)
        if not q.latent and q.unit and not any(c.start <= q.start < c.end or q.start <= c.start < q.end for c in tolls)
    ]


def check(group: ClaimGroup, context: RuleContext) -> list[Discrepancy]:
    found = []
    for a, b, _ in linked_pairs(group):
        if None not in (dating(a), dating(b)) and dating(a) != dating(b):
            continue
        for qa in counts(a):
            for qb in counts(b):
                if comparable(qa, qb) and intervals_conflict(as_read_against(qa, a, b), as_read_against(qb, b, a)):
                    found.append(finding(a, qa, b, qb, context))
    return found


def finding(a: Claim, qa: Quantity, b: Claim, qb: Quantity, context: RuleContext) -> Discrepancy:
    same_scope = set(qa.scope) == set(qb.scope)
    measured = qa.rule in MEASURES
    topic = qa.unit if measured else f"number of {qa.unit}" + ("" if qa.unit.endswith("s") else "s")
    name_a, name_b = context.name_sides(a, b)
    said = f"{name_a} says “{qa.text}”, {name_b} says “{qb.text}”"
    speaker = update_by_one_source(a, b, context)
    status, severity = "conflict", "high" if same_scope else "medium"
    if speaker:
        status, severity = "explained", "low"
        explanation = f"{said}, both from {speaker} at different times: that source's figure changed, an update."
    else:
        explanation = f"{said}: the two figures cannot both be right."
    if not same_scope:
        explanation += (
            f" The places counted differ ({' and '.join(qa.scope) or 'unstated'} against "
            f"{' and '.join(qb.scope) or 'unstated'}): check whether the gap is only a difference of scope."
        )
    return discrepancy(
        CODE,
        "numeric",
        status=status,
        severity=severity,
        topic=topic,
        explanation=explanation,
        sides=[(a, qa, qa.text), (b, qb, qb.text)],
        context=context,
    )
