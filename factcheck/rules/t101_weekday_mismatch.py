"""The day of the event, as the sources give it: weekdays and dates no time zone reconciles.

What it flags: the event's slot of days: every body sentence of every source that dates
the event to a day ("sank early on Wednesday", "capsized on June 14", "on Tuesday, June
13th"), compared pairwise: two dates by the calendar, a weekday against a day of either
kind by the week (a date's weekday from its year, or from the year the report went out).
Before calling two days a conflict the rule asks whether one instant could fall on both:
each outlet may write in its own newsroom's zone or in the zone where the event happened
(inferred from the places named, through the time-zone table), and a part of day
("evening", "before dawn") narrows the hours. One finding lists every day that cannot be
the others'; when only zones reconcile two, it is `explained`, with the zones.

Why an editor cares: "Sunday" in Washington and "Monday before dawn" in Baghdad are the
same night; an editor needs to know which day their copy means, and to catch the real
error when two days cannot be reconciled.

Example: "The ferry sank on Tuesday night" (a European outlet) against "sank early
Wednesday" (an Asian outlet) for a sinking off Indonesia: explained by the zones.
"Collapsed on Tuesday" against "collapsed on Thursday": conflict.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import product

from factcheck.facts.slots import Event, comparable_parts
from factcheck.rules.common import RuleContext, between, event_zone
from factcheck.rules.dating import Dated, day_verdicts, paired, times_of_event, writing_zones
from factcheck.types import Claim, Discrepancy, Side, TimeRef

CODE = "T101"
NAME = "weekday-mismatch"
ON = "slots"


def has_day(time: TimeRef) -> bool:
    return time.weekday is not None or (time.day is not None and time.month is not None)


def dated(claim: Claim, time: TimeRef, context: RuleContext) -> TimeRef:
    """The time with its year: as written, else the year its report went out (a date later
    than the report by more than a month is of the year before)."""
    published = context.articles[claim.article].published
    if time.year is not None or time.day is None or time.month is None or published is None:
        return time
    year = published.year
    if (time.month, time.day) > (published.month, published.day) and time.month - published.month > 1:
        year -= 1
    return replace(time, year=year)


def calendar(time: TimeRef) -> date | None:
    if time.year is None or time.month is None or time.day is None:
        return None
    try:
        return date(time.year, time.month, time.day)
    except ValueError:
        return None


def verdict(a: Dated, b: Dated, context: RuleContext) -> tuple[str, tuple[str | None, str | None] | None]:
    """`same`, `zone` (with the zones that reconcile the two) or `conflict`."""
    (ca, ta, _), (cb, tb, _) = a, b
    ta, tb = dated(ca, ta, context), dated(cb, tb, context)
    da, db = calendar(ta), calendar(tb)
    if da is not None and db is not None:
        if da == db:
            return "same", None
        if abs((da - db).days) > 1:
            return "conflict", None
    elif ta.weekday is None and tb.weekday is None and da is None and db is None:
        # two dates of no known year: one is the other's only if month and day agree
        return ("same" if (ta.month, ta.day) == (tb.month, tb.day) else "conflict"), None
    zone = event_zone([ca, cb], context)
    zones = list(product(writing_zones(ca, zone, context), writing_zones(cb, zone, context)))
    verdicts = day_verdicts(ta, tb, zones)
    if "same" in verdicts.values():
        return "same", None
    explaining = next((z for z, v in verdicts.items() if v == "zone"), None)
    if explaining is not None:
        return "zone", explaining
    # a day only a zone no outlet is known to write in could reconcile is not worth a finding
    return ("same" if "unknown" in verdicts.values() else "conflict"), None


def compared(a: Claim, b: Claim) -> bool:
    """Bodies of two articles, or a heading or caption with its own article's body."""
    return comparable_parts(a, b) and not (a.article == b.article and a.part == b.part)


def check(event: Event, context: RuleContext) -> list[Discrepancy]:
    """One finding per status among the outlets, and one per article whose heading or caption
    gives another day than its text."""
    times = times_of_event(event, has_day, summaries=True)
    pairs = {(n, m): verdict(times[n], times[m], context) for n, m in paired(times, compared)}
    scopes: dict[str | None, dict] = {}
    for (n, m), result in pairs.items():
        a, b = times[n][0], times[m][0]
        scopes.setdefault(a.article if a.article == b.article else None, {})[(n, m)] = result
    found = []
    for scoped in scopes.values():
        for status in ("conflict", "zone"):
            involved = sorted({k for pair, (v, _) in scoped.items() if v == status for k in pair})
            if involved:
                zones = next((z for v, z in scoped.values() if v == status and z is not None), None)
                found.append(finding([times[k] for k in involved], status, zones, context))
    return found


def finding(members: list[Dated], status: str, zones: tuple | None, context: RuleContext) -> Discrepancy:
    label = next((e.label.replace("_", " ") for _, _, e in members if e is not None), "event")
    said = " · ".join(f"“{t.text}” ({context.articles[c.article].label})" for c, t, _ in members)
    severity = "low"
    if status == "conflict":
        explanation = f"day of the {label}: {said}. No time zone puts one moment on these days."
        severity = "high"
    elif zones is not None and zones[0] == zones[1]:
        explanation = f"day of the {label}: {said}. The part of day runs across midnight, so one moment fits these days."
    else:
        explanation = (
            f"day of the {label}: {said}. One moment can fall on these days in {zones[0]} and in {zones[1]}: "
            "the difference is a time zone. Say which zone your copy's day is in."
        )
    return Discrepancy(
        rule=CODE,
        kind="temporal",
        status="conflict" if status == "conflict" else "explained",
        severity=severity,
        between=between([c for c, _, _ in members], context),
        topic=f"day of the {label}",
        explanation=explanation,
        sides=tuple(Side(claim=c, fact=t, value=t.text) for c, t, _ in members),
    )
