"""Clock times of the event that the sources give and no time zone reconciles.

What it flags: the event's slot of clock times: every body sentence of every source
that times the event (the word the time phrase attaches to, read from the parse, is the
event or names it: "collapsed at 6:30 p.m.", "the accident occurred at around 18:40"; not
"police arrested him at 9 a.m."), compared pairwise once told in one zone, widened by
their approximations ("around", "shortly after") and a rounding margin. Each outlet may
write in its own newsroom's zone, in the zone where the event happened, or in a zone the
coverage states ("01:30 (00:30 BST)" elsewhere: a bare "00:30" is that BST figure); a
zone stated beside a time ("GMT", "local time") wins. When some cannot be one moment, one
finding lists every time the sources give for the event, those that agree too; when only
different zones reconcile two, it is `explained`, with the zones.

Why an editor cares: the hour of an attack, a quake or a crash is checked by readers
against their own memory and by other outlets against their logs; "11 p.m. EDT" and
"0300 GMT" are one moment, "4.45 a.m." and "9.30 p.m." are not.

Example: "The quake struck at 4.45 a.m." against "struck at 9.30 p.m.", both in the
same zone: conflict. "at 11 pm EDT" against "at 0300 GMT": not flagged.
"""

from __future__ import annotations

from itertools import product

from factcheck.facts.slots import Event
from factcheck.rules.common import RuleContext, between, event_zone
from factcheck.rules.dating import Dated, day_verdicts, paired, times_of_event, writing_zones
from factcheck.timeline import clock_shift
from factcheck.types import Claim, Discrepancy, Side, TimeRef

CODE = "T103"
NAME = "clock-time-mismatch"
ON = "slots"

def has_clock(time: TimeRef) -> bool:
    return time.clock is not None


def other_articles(a: Claim, b: Claim) -> bool:
    return a.article != b.article


def verdict(a: Dated, b: Dated, context: RuleContext, stated: tuple[str, ...] = ()) -> str:
    """`same`, `zone` or `conflict`. A time with no zone of its own may be in its outlet's zone,
    the event's, or one the coverage states (`stated`: after "01:30 (00:30 BST)", a bare "00:30"
    elsewhere is the BST figure); "local time" is the event's."""
    (ca, ta, _), (cb, tb, _) = a, b
    zone = event_zone([ca, cb], context)

    def candidates(claim: Claim, time: TimeRef) -> list[str | None]:
        own = writing_zones(claim, zone, context)
        return list(dict.fromkeys([*own, *stated])) if time.zone is None else own

    zones = list(product(candidates(ca, ta), candidates(cb, tb)))
    # days that no zone reconciles are the weekday rule's finding
    apart = ta.weekday is not None and tb.weekday is not None and ta.weekday != tb.weekday
    if apart and not {"same", "zone"} & set(day_verdicts(ta, tb, zones).values()):
        return "same"
    # the offsets in force when it was reported: "7:40 p.m. Eastern" is EDT in March, EST in January
    published = context.articles[ca.article].published or context.articles[cb.article].published
    verdicts = {clock_shift(ta, za, tb, zb, published) for za, zb in zones}
    if "same" in verdicts or verdicts == {"unknown"}:
        return "same"
    return "zone" if "zone" in verdicts else "conflict"


def check(event: Event, context: RuleContext) -> list[Discrepancy]:
    times = times_of_event(event, has_clock)
    stated = tuple(sorted({t.zone for c in event.claims for t in c.of_type(TimeRef) if t.zone not in (None, "local")}))
    pairs = {(n, m): verdict(times[n], times[m], context, stated) for n, m in paired(times, other_articles)}
    found = []
    for status in ("conflict", "zone"):
        involved = {k for pair, v in pairs.items() if v == status for k in pair}
        if status == "conflict":
            # a disputed hour is told with every source's time for it, those that agree too
            involved |= {k for pair in pairs if set(pair) & involved for k in pair}
        if involved:
            found.append(finding([times[k] for k in sorted(involved)], status, context))
    return found


def finding(members: list[Dated], status: str, context: RuleContext) -> Discrepancy:
    label = next((e.label.replace("_", " ") for _, _, e in members if e is not None), "event")
    said = " · ".join(f"“{t.text}” ({context.articles[c.article].label})" for c, t, _ in members)
    if status == "zone":
        explanation = f"time of the {label}: {said}. Told in the zones each outlet writes in, they are one moment: say which zone your copy uses."
        status, severity = "explained", "low"
    else:
        explanation = f"time of the {label}: {said}. In no zone the outlets may write in are these all the same moment."
        severity = "medium"
    return Discrepancy(
        rule=CODE,
        kind="temporal",
        status=status,
        severity=severity,
        between=between([c for c, _, _ in members], context),
        topic=f"time of the {label}",
        explanation=explanation,
        sides=tuple(Side(claim=c, fact=t, value=t.text) for c, t, _ in members),
    )
