"""Which times in a claim date its event, and in which zones an outlet may write them.

Shared by the temporal rules: a day or a clock time compares only when it dates
an event both claims name, and not when it dates a statement or a deadline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from itertools import combinations

from factcheck.extract.events import happenings
from factcheck.facts.frames import generic_event, weak_predicate
from factcheck.facts.slots import Event
from factcheck.knowledge import load
from factcheck.rules.common import RuleContext, related
from factcheck.timeline import weekday_shift
from factcheck.types import Casualty, Claim, EventType, TimeRef


@cache
def not_event_day() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load("context")["not_event_day"])
    return re.compile(rf"\b({words})\s+$", re.IGNORECASE)


@cache
def after_saying() -> re.Pattern[str]:
    """A verb of saying (and maybe its object and "on") right before a time phrase."""
    verbs = "|".join(re.escape(w) for w in load("context")["speech_verbs"])
    return re.compile(rf"\b({verbs})(\s+(reporters|journalists|the press|[A-Z][\w.]*))?(\s+on)?\s+$")


def event_times(claim: Claim, given: Callable[[TimeRef], bool]) -> list[TimeRef]:
    """Times of the kind `given` that the claim gives for an event: not deadlines or
    spans ("by Monday evening"), nor the time of a statement when the claim also
    dates the event ("the blast on Sunday killed 12, police said Monday"). A day told
    relative to the report ("yesterday") is left out, its clock is not ("00:30 last night")."""
    times = [
        t
        for t in claim.of_type(TimeRef)
        if given(t)
        and (t.clock is not None or not t.relative)
        and not not_event_day().search(claim.text[: t.start - claim.start])
    ]
    said = [bool(after_saying().search(claim.text[: t.start - claim.start])) for t in times]
    # a toll "climbed to 2,946, MAP said on Wednesday": the day of the count, not of the event
    told = all(said) and not claim.of_type(Casualty)
    return [t for t, of_saying in zip(times, said) if not of_saying or told]


def dated_event(claim: Claim, time: TimeRef) -> EventType | None:
    """The event a time phrase dates: the last one named before it, else the first after it.

    In "launched airstrikes ..., the Pentagon said Sunday, in response to drone
    attacks", Sunday dates the airstrikes, not the drone attacks. A time right after
    a verb of saying, with no event before it, dates the statement and nothing else.
    """
    events = happenings(claim.of_type(EventType))
    before = [e for e in events if e.end <= time.start]
    if before:
        return attached(claim, time, before[-1])
    if after_saying().search(claim.text[: time.start - claim.start]):
        return None
    return attached(claim, time, next((e for e in events if e.start >= time.end), None))


def attached(claim: Claim, time: TimeRef, event: EventType | None) -> EventType | None:
    """The event, unless the parse ties the time to another action: "police on Monday arrested
    nine people over the collapse" dates the arrests. A time on a word that says nothing of
    its own ("took place", "was") dates the event the sentence names."""
    frame = next((f for f in claim.frames if f.fact == time), None)
    if event is None or frame is None or not frame.governs or weak_predicate(frame.role):
        return event
    if any(s < event.end and event.start < e for s, e in frame.governs):
        return event
    # "the quake had a magnitude of 6.8 when it hit at 11:11 pm": "it" is the event named before
    words = {claim.text[s - claim.start : e - claim.start].lower() for s, e in frame.governs}
    return event if event.end <= time.start and words & set(load("roles")["time"]["refer_back"]) else None


Dated = tuple[Claim, TimeRef, EventType | None]
"""A time of the event: its claim, the time, and the kind of event it dates when the sentence names one."""


def times_of_event(event: Event, given: Callable[[TimeRef], bool], summaries: bool = False) -> list[Dated]:
    """The body's times of the kind `given` that date the event (and with `summaries` the
    headings' and captions'): its kind named and tied to the time, or a word any event goes by
    ("the accident occurred at 18:40")."""
    found = []
    for claim in event.claims:
        if (claim.part != "body" and not summaries) or claim.background:
            continue
        for time in event_times(claim, given):
            dated = dated_event(claim, time)
            frame = next((f for f in claim.frames if f.fact == time), None)
            if dated is not None or (frame is not None and generic_event(frame)):
                found.append((claim, time, dated))
    return found


def one_event(x: EventType | None, y: EventType | None) -> bool:
    """Whether two times can date one event: kinds related, or one named by a generic word."""
    return x is None or y is None or related(x, y)


def paired(times: list[Dated], compared: Callable[[Claim, Claim], bool]) -> list[tuple[int, int]]:
    """The index pairs of times whose claims are `compared` and that can date one event."""
    return [
        (n, m)
        for n, m in combinations(range(len(times)), 2)
        if compared(times[n][0], times[m][0]) and one_event(times[n][2], times[m][2])
    ]


def writing_zones(claim: Claim, zone: str | None, context: RuleContext) -> list[str | None]:
    """Zones an outlet may have written a time in: its own (None when unknown), then the event's."""
    own = context.articles[claim.article].timezone or context.default_zone
    return list(dict.fromkeys((own, zone) if zone else (own,)))


def day_verdicts(ta: TimeRef, tb: TimeRef, zones: list[tuple[str | None, str | None]]) -> dict:
    """How two named days relate in each zone pair (timeline.weekday_shift).

    When both give a clock the days are judged without it: whether "21:15 GMT on
    Friday" and "6:15 a.m. on Saturday" in Manila can be one day is a question of
    zones; that the hours are one apart is the clock rule's finding, not a day's.
    """
    if ta.clock is not None and tb.clock is not None:
        ta, tb = replace(ta, clock=None), replace(tb, clock=None)
    return {(za, zb): weekday_shift(ta, za, tb, zb) for za, zb in zones}
