"""Two sources put the same event on different days of the week.

What it flags: aligned claims that put the same event (the event each time phrase
dates: the last one named before it) on different weekdays.
Before calling it a conflict the rule asks whether one instant could fall on both
days: each outlet may write in its own newsroom's zone or in the zone where the
event happened (inferred from the places named, through the time-zone table),
and a part of day ("evening", "before dawn") narrows the hours. When such an
instant exists the finding is `explained`, with the zones that explain it.

Why an editor cares: "Sunday" in Washington and "Monday before dawn" in Baghdad
are the same night; an editor needs to know which day their copy means, and to
catch the real error when two days cannot be reconciled.

Example: "The ferry sank on Tuesday night" (a European outlet) against "sank early
Wednesday" (an Asian outlet) for a sinking off Indonesia: explained by the zones.
"Collapsed on Tuesday" against "collapsed on Thursday": conflict.
"""

from __future__ import annotations

from factcheck.rules.common import RuleContext, discrepancy
from factcheck.rules.dating import compared_times, day_verdicts
from factcheck.types import Claim, ClaimGroup, Discrepancy, TimeRef

CODE = "T101"
NAME = "weekday-mismatch"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def is_weekday(time: TimeRef) -> bool:
    return time.weekday is not None


def check(group: ClaimGroup, context: RuleContext) -> list[Discrepancy]:
    found = []
    for a, ta, b, tb, event, zones in compared_times(group, context, is_weekday):
        if ta.weekday == tb.weekday:
            continue
        verdicts = day_verdicts(ta, tb, zones)
        if "same" not in verdicts.values():
            found.append(finding(a, ta, b, tb, event, verdicts, context))
    return found


def finding(a: Claim, ta: TimeRef, b: Claim, tb: TimeRef, event: str, verdicts: dict, context: RuleContext) -> Discrepancy:
    day_a, day_b = WEEKDAYS[ta.weekday], WEEKDAYS[tb.weekday]
    name_a, name_b = context.name_sides(a, b)
    said = f"{name_a} says {day_a} (“{ta.text}”), {name_b} says {day_b} (“{tb.text}”). "
    explaining = [zones for zones, verdict in verdicts.items() if verdict == "zone"]
    status, severity = "explained", "low"
    if explaining and explaining[0][0] == explaining[0][1]:
        explanation = said + "The part of day runs across midnight, so one moment fits both days."
    elif explaining:
        za, zb = explaining[0]
        explanation = said + (
            f"The same moment can be {day_a} in {za} and {day_b} in {zb}: the difference is a time zone. "
            "Say which zone your copy's day is in."
        )
    elif "unknown" in verdicts.values():
        explanation = said + (
            "One moment fits both days if one of them is written in a zone far from the other's; the articles "
            "do not say which zone they write in (give `timezone` in front matter or the manifest to decide)."
        )
    else:
        status, severity = "conflict", "high"
        explanation = said + "No time zone puts one moment on both days."
    return discrepancy(
        CODE,
        "temporal",
        status=status,
        severity=severity,
        topic=f"day of the {event}",
        explanation=explanation,
        sides=[(a, ta, ta.text), (b, tb, tb.text)],
        context=context,
    )
