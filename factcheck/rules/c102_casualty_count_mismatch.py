"""Two sources give tolls of the same harm to the same group that cannot both hold.

What it flags: claims about the event being reported that count the same harm
(killed, injured) among the same group (or with no group stated), with intervals
that do not overlap, or that count more of one group ("eleven workers") than
another claim counts of people in general ("nine people"). Open lower bounds never conflict ("at least 8", later "at
least 19" is an update); between two versions of one story a changed toll is
reported as a revision; when one known source (the same ministry, the same police
chief) gave both figures at different times (two publication times, two versions),
the finding is `explained` as that source's update. A toll of a follow-on event (an aftershock) is not compared
with the main event's. Inside one article, the body's stated "at least N" is read
as N against its own headline or caption, which may round it down but not raise it.

Why an editor cares: a death toll is the figure every outlet is compared on.

Example: "Seven miners were killed" against "Twelve miners were killed":
conflict; "Twelve miners" against "Nine people were killed" too, not against
"Fifteen people". "At least 8 dead" against "at least 19 dead": not flagged. A headline
"Bridge collapse kills 40" over "at least 14 people were killed": conflict.
"""

from __future__ import annotations

from factcheck.extract.casualties import GENERIC_GROUPS, same_group
from factcheck.rules.common import RuleContext, as_read_against, discrepancy, linked_pairs, update_by_one_source
from factcheck.rules.occurrence import separate_occurrences
from factcheck.types import Casualty, Claim, ClaimGroup, Discrepancy, Interval

CODE = "C102"
NAME = "casualty-count-mismatch"


def counted(c: Casualty) -> bool:
    return c.polarity == "asserted" and c.low is not None


def conflicting(x: Casualty, y: Casualty) -> bool:
    """Tolls of one harm that cannot both hold: of one group, intervals that do not
    overlap; of a group and of people in general, more of the group than of everyone
    ("eleven workers were killed" against "nine people were killed")."""
    if x.outcome != y.outcome:
        return False
    if same_group(x.group, y.group):
        return not Interval(x.low, x.high).overlaps(Interval(y.low, y.high))
    part, whole = (x, y) if y.group in GENERIC_GROUPS else (y, x)
    return whole.group in GENERIC_GROUPS and whole.high is not None and part.low > whole.high


def check(group: ClaimGroup, context: RuleContext) -> list[Discrepancy]:
    found = []
    for a, b, _ in linked_pairs(group):
        if a.background or b.background or separate_occurrences(a, b):
            continue
        for x in filter(counted, a.of_type(Casualty)):
            for y in filter(counted, b.of_type(Casualty)):
                if conflicting(as_read_against(x, a, b), as_read_against(y, b, a)):
                    found.append(finding(a, x, b, y, context))
    return found


def finding(a: Claim, x: Casualty, b: Claim, y: Casualty, context: RuleContext) -> Discrepancy:
    name_a, name_b = context.name_sides(a, b)
    said = f"{name_a} says “{x.text}”, {name_b} says “{y.text}”"
    speaker = update_by_one_source(a, b, context)
    if speaker:
        status, severity = "explained", "low"
        explanation = f"{said}, both from {speaker} at different times: that source's figure changed, an update."
    else:
        status, severity = "conflict", "high"
        explanation = f"{said}: the tolls cannot both be right at one time."
    return discrepancy(
        CODE,
        "casualty",
        status=status,
        severity=severity,
        topic=f"people {x.outcome}" if x.group in GENERIC_GROUPS else f"{x.outcome}: {x.group}",
        explanation=explanation,
        sides=[(a, x, x.text), (b, y, y.text)],
        context=context,
    )
