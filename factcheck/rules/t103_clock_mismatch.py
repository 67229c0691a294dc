"""Two sources give clock times for the same event that no time zone reconciles.

What it flags: aligned claims that time the same event (the event each time phrase
dates) by the clock, where the two times, told in one zone, are further apart than
their approximations ("around", "shortly after") and a rounding margin allow. Each
outlet may write in its own newsroom's zone or in the zone where the event
happened (a zone stated in the text, "GMT", "local time", wins). When only
different zones reconcile the two, the finding is `explained`, with the zones.

Why an editor cares: the hour of an attack, a quake or a crash is checked by
readers against their own memory and by other outlets against their logs; "11
p.m. EDT" and "0300 GMT" are one moment, "4.45 a.m." and "9.30 p.m." are not.

Example: "The quake struck at 4.45 a.m." against "struck at 9.30 p.m.", both in
the same zone: conflict. "at 11 pm EDT" against "at 0300 GMT": not flagged.
"""

from __future__ import annotations

from factcheck.rules.common import RuleContext, discrepancy
from factcheck.rules.dating import compared_times, day_verdicts
from factcheck.timeline import clock_shift
from factcheck.types import Claim, ClaimGroup, Discrepancy, TimeRef

CODE = "T103"
NAME = "clock-time-mismatch"


def has_clock(time: TimeRef) -> bool:
    return time.clock is not None


def check(group: ClaimGroup, context: RuleContext) -> list[Discrepancy]:
    found = []
    for a, ta, b, tb, event, zones in compared_times(group, context, has_clock):
        # days that no zone reconciles are the weekday rule's finding; days one apart by a zone are not
        if (
            ta.weekday is not None
            and tb.weekday is not None
            and ta.weekday != tb.weekday
            and not {"same", "zone"} & set(day_verdicts(ta, tb, zones).values())
        ):
            continue
        # the offsets in force when it was reported: "7:40 p.m. Eastern" is EDT in March, EST in January
        published = context.articles[a.article].published or context.articles[b.article].published
        verdicts = {(za, zb): clock_shift(ta, za, tb, zb, published) for za, zb in zones}
        if "same" not in verdicts.values() and set(verdicts.values()) != {"unknown"}:
            found.append(finding(a, ta, b, tb, event, verdicts, context))
    return found


def finding(a: Claim, ta: TimeRef, b: Claim, tb: TimeRef, event: str, verdicts: dict, context: RuleContext) -> Discrepancy:
    name_a, name_b = context.name_sides(a, b)
    said = f"{name_a} says “{ta.text}”, {name_b} says “{tb.text}”. "
    explaining = [zones for zones, verdict in verdicts.items() if verdict == "zone"]
    if explaining:
        za, zb = explaining[0]
        status, severity = "explained", "low"
        explanation = said + f"Told in {za} and {zb} respectively, they are the same moment: say which zone your copy uses."
    else:
        status, severity = "conflict", "medium"
        explanation = said + "In no zone either outlet may write in are these the same moment."
    return discrepancy(
        CODE,
        "temporal",
        status=status,
        severity=severity,
        topic=f"time of the {event}",
        explanation=explanation,
        sides=[(a, ta, ta.text), (b, tb, tb.text)],
        context=context,
    )
