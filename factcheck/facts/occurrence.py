"""Whether two claims can speak of one occurrence, for rules that compare harm.

Coverage of a quake reports its aftershocks too; "the aftershock killed two" and
"the quake killed 132" are two events, and a toll or a denial of one says nothing
of the other. The taxonomy marks such follow-on events (`follow_on`).
"""

from __future__ import annotations

from factcheck.extract.events import follow_ons
from factcheck.types import Claim, EventType


def separate_occurrences(a: Claim, b: Claim) -> bool:
    """One claim speaks of a follow-on event the other does not name.

    A claim that names no event speaks of the main one: coverage names an
    aftershock whenever it reports one.
    """
    return follow_ons(a.of_type(EventType)) != follow_ons(b.of_type(EventType))
