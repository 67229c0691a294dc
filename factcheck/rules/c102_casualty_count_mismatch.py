"""Tolls of one harm to one group that cannot hold at one time, or that changed over time.

What it flags: the event's slots of harm (people killed, people injured, soldiers
killed, ...): every count of that harm to that group (or to people in general) across
the sources, and the clause that governs it read from the parse, so "twelve workers
died" and "the van carried 14 workers" are two slots. Two counts that cannot both hold
are a conflict when they speak for one moment: one article's two figures (two
officials; a headline against its own text), or two reports of the same day. A toll
that changes across report times, or that a sentence calls an earlier figure, is the
story's timeline (`explained`, the latest figure first). Open lower bounds never
conflict ("at least 8" and "at least 19"). More of one group ("eleven miners") than
another source's toll of people in general ("eight people") is a conflict too. A follow-on event's toll (an aftershock) is
not compared with the main event's. Inside one article, the body's "at least N" is read
as N against its own headline, which may round it down but not raise it.

Why an editor cares: a death toll is the figure every outlet is compared on, and the
one most often out of date.

Example: "Seven miners were killed" against "Twelve miners were killed", both on
Monday: conflict. "At least 18 dead" (Monday) against "61 dead" (Tuesday): explained,
the toll rose. A headline "Bridge collapse kills 40" over "at least 14 people were
killed": conflict.
"""

from __future__ import annotations

from factcheck.extract.casualties import GENERIC_GROUPS
from factcheck.facts.slots import Event, Slot, comparable_parts
from factcheck.rules.common import RuleContext
from factcheck.rules.positions import finding, one_moment, slot_findings
from factcheck.types import Discrepancy

CODE = "C102"
NAME = "casualty-count-mismatch"
ON = "slots"


def check(event: Event, context: RuleContext) -> list[Discrepancy]:
    tolls = [slot for slot in event.slots if slot.casualty]
    found = [d for slot in tolls for d in slot_findings(slot, context, CODE, "casualty")]
    return found + part_above_whole(tolls, context)


def part_above_whole(tolls: list[Slot], context: RuleContext) -> list[Discrepancy]:
    """A group's toll above another source's toll of everyone, of one harm at one moment:
    one finding per group's figure, citing every toll of everyone it exceeds."""
    wholes = {m: None for s in tolls if s.first.fact.group in GENERIC_GROUPS for m in s.members}
    parts = {m: None for s in tolls if s.first.fact.group not in GENERIC_GROUPS for m in s.members}
    found = []
    for p in parts:
        exceeded = [
            w
            for w in wholes
            if w.frame.role == p.frame.role
            and w.fact.high is not None
            and p.fact.low is not None
            and p.fact.low > w.fact.high
            and comparable_parts(w.claim, p.claim)
            and one_moment(w, p, Slot((w, p)), context)
        ]
        if exceeded:
            found.append(finding(Slot((exceeded[0], p)), [*exceeded, p], context, CODE, "casualty", "conflict"))
    return found
