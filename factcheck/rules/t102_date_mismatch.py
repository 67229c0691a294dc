"""Two sources date the same event differently.

What it flags: paraphrases (claims that say nearly the same thing) whose calendar dates cannot
both hold, one of them given to the month or part of it (two dates to the day are the
day rule's, T101). A difference of precision is not a difference: "February 25" lies
inside "late February" and inside "February", so those agree.

Why an editor cares: a wrong date misplaces an event in a timeline that readers
and later stories rely on.

Example: "the dam failed in early March" against "the dam failed on March 23":
conflict. "on February 25" against "in late February": not flagged.
"""

from __future__ import annotations

from factcheck.rules.common import RuleContext, discrepancy, linked_pairs, shared_event
from factcheck.timeline import compatible_dates
from factcheck.types import Claim, ClaimGroup, Discrepancy, TimeRef

CODE = "T102"
NAME = "date-mismatch"


def dates(claim: Claim) -> list[TimeRef]:
    return [t for t in claim.of_type(TimeRef) if t.month is not None and not t.relative]


def check(group: ClaimGroup, context: RuleContext) -> list[Discrepancy]:
    found = []
    for a, b, score in linked_pairs(group):
        event = shared_event(a, b)
        if event is None or score < context.paraphrase:
            continue
        name_a, name_b = context.name_sides(a, b)
        for ta in dates(a):
            for tb in dates(b):
                # two dates to the day are the day rule's (T101), told with every source's day
                if ta.day is not None and tb.day is not None:
                    continue
                if not compatible_dates(ta, tb):
                    found.append(
                        discrepancy(
                            CODE,
                            "temporal",
                            status="conflict",
                            severity="high",
                            topic=f"date of the {event.replace('_', ' ')}",
                            explanation=(
                                f"{name_a} dates it “{ta.text}”, {name_b} “{tb.text}”: "
                                "the dates do not overlap at any precision."
                            ),
                            sides=[(a, ta, ta.text), (b, tb, tb.text)],
                            context=context,
                        )
                    )
    return found
