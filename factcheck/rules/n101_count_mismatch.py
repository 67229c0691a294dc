"""Counts or measures of one thing, in one role, that the sources give differently.

What it flags: the event's slots of counts and measures other than tolls: people
aboard, people on the bridge, coaches derailed, a bridge's length, a quake's depth,
money paid. A slot joins the values of one unit whose frames (the counted noun, the
predicate governing it, the phrases tied to them, read from the sentence's parse) name
the same role, or read alike when no role is named. Values whose intervals cannot both
hold ("about 2,500" is 2,250-2,750; "more than 3,000" anything above 3,000) are a
conflict; an exact measure stands for its rounding ("230 m" agrees with "233 m"). Counts
that an event revises as it unfolds (people rescued, arrested) changing across report
times are its timeline (`explained`). When the places counted differ the finding still
stands: check whether the gap is only one of scope.

Why an editor cares: a wrong figure is the most quoted and most corrected error in
news; two outlets that disagree on it mean at least one is wrong, or they count
different things and the copy should say which.

Example: "About 150 people were on the bridge" against "More than 500 people were on
the bridge": conflict. "Nine people were arrested" against "500 people were on the
bridge": two slots, not compared.
"""

from __future__ import annotations

from factcheck.rules.positions import slot_findings
from factcheck.facts.slots import Event
from factcheck.rules.common import RuleContext
from factcheck.types import Discrepancy

CODE = "N101"
NAME = "count-mismatch"
ON = "slots"


def check(event: Event, context: RuleContext) -> list[Discrepancy]:
    return [d for slot in event.slots if not slot.casualty for d in slot_findings(slot, context, CODE, "numeric")]
