"""Tell claims about the event being reported from claims about earlier events.

Reports carry background ("an April attack killed a contractor"); comparing it with
the current event's facts would flag non-issues. The cue is how a sentence is
dated (see `knowledge/context.toml`), or a year written before an event's name.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from factcheck.knowledge import load
from factcheck.types import Claim, EventType, TimeRef

YEAR_BEFORE = re.compile(r"\b(?:1[89]|20)\d\d\s+$")
"""A year written just before an event's name ("the 2015 earthquake") names an earlier event."""


@cache
def cues() -> tuple[frozenset[str], frozenset[str]]:
    table = load("context")
    return frozenset(table["background_precisions"]), frozenset(table["background_relative"])


def dating(claim: Claim) -> bool | None:
    """True: dated as an earlier event; False: dated as the current one; None: undated."""
    times = claim.of_type(TimeRef)
    if any(YEAR_BEFORE.search(claim.text, 0, e.start - claim.start) for e in claim.of_type(EventType) if e.category == "event"):
        return True
    if not times:
        return None
    precisions, relative = cues()
    # a relative period dates by its words alone: "last year" is earlier, "this year" is not
    earlier = [t for t in times if (t.relative.lower() in relative if t.relative else t.precision in precisions)]
    # a sentence dated to the day or hour speaks of now; its year dates a thing ("built in 1877")
    now = [t for t in times if t not in earlier and (t.weekday is not None or t.day is not None or t.clock is not None)]
    return bool(earlier) and not now


def mark_background(claims: list[Claim]) -> list[Claim]:
    """The claims with `background` set, undated sentences inheriting within a paragraph."""
    marked: list[Claim] = []
    for claim in claims:
        own = dating(claim)
        if own is None:
            previous = marked[-1] if marked else None
            own = bool(previous and previous.article == claim.article and previous.paragraph == claim.paragraph and previous.background)
        marked.append(replace(claim, background=own))
    return marked
