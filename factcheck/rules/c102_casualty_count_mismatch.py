"""Tolls of one harm to one group that cannot hold at one time, or that changed over time.

What it flags: the event's slots of harm (people killed, people injured, soldiers
killed, ...): every count of that harm to that group (or to people in general) across
the sources, and the clause that governs it read from the parse, so "twelve workers
died" and "the van carried 14 workers" are two slots. Two counts that cannot both hold
are a conflict when they speak for one moment: one article's two figures (two
officials; a headline against its own text), or two reports of the same day. A toll
that changes across report times, or that a sentence calls an earlier figure, is the
story's timeline (`explained`, the latest figure first). Open lower bounds never
conflict ("at least 8" and "at least 19"). A follow-on event's toll (an aftershock) is
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

from factcheck.rules.positions import slot_findings
from factcheck.facts.slots import Slot
from factcheck.rules.common import RuleContext
from factcheck.types import Discrepancy

CODE = "C102"
NAME = "casualty-count-mismatch"
ON = "slots"


def check(slots: list[Slot], context: RuleContext) -> list[Discrepancy]:
    return [d for slot in slots if slot.casualty for d in slot_findings(slot, context, CODE, "casualty")]
