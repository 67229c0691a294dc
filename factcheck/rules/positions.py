"""A slot's positions and its verdict: what cannot hold at one time, and what is a timeline.

A position is a set of mutually compatible values ("at least 134" and "135"); a slot
with one position has no finding. Two values that cannot both hold are a conflict when
they speak for one moment: the same article (two officials, a headline and its text),
two reports of the same day (or of unknown days), or any two reports of a figure that
does not change (how many were aboard, a bridge's length), or a toll that a later report
puts lower than an earlier one did. An editor's draft speaks for now: its toll is set
against the latest reports only. A toll that changes across report days, a figure a
sentence gives as superseded ("earlier reports said"), or one known source quoted at two
publication times is the story's timeline: `explained`, the newest figure first when the
report times show which it is. A slot yields at most two findings: its timeline, and its
conflict at one moment.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date
from functools import cache
from itertools import combinations

from factcheck.extract.quantities import common_unit
from factcheck.facts.frames import MEASURES, reporting
from factcheck.facts.slots import Member, Slot, exact_units
from factcheck.knowledge import load
from factcheck.rules.common import RuleContext, as_read_against, between, update_by_one_source
from factcheck.types import Casualty, Discrepancy, Interval, Quantity, Side, TimeRef


@cache
def cue_pattern(table: str) -> re.Pattern:
    cues = load("roles")[table]["cues"]
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


def superseded(member: Member) -> bool:
    """Whether the sentence gives its figure as an earlier one ("initially", "earlier reports said")."""
    return bool(cue_pattern("superseded").search(member.claim.text))


def running(member: Member) -> bool:
    """Whether the sentence gives a toll as a count still going on ("recovered so far")."""
    return isinstance(member.fact, Casualty) and bool(cue_pattern("running").search(member.claim.text))


def reported_on(member: Member, context: RuleContext) -> date | None:
    """The day (UTC) the member's article went out: one calendar for outlets in any zone."""
    published = context.articles[member.claim.article].published
    return published.astimezone(UTC).date() if published else None


def interval(member: Member, against: Member) -> Interval:
    """The values a member allows, as read against another; an exact measure stands for its
    rounding interval ("230 m" is 225-235 m, so it agrees with "233 m")."""
    fact = as_read_against(member.fact, member.claim, against.claim)
    if running(member):
        return Interval(fact.low, None)
    low, high = fact.low, fact.high
    if fact.rule in MEASURES and low is not None and low == high and fact.unit not in exact_units():
        half = rounding_step(low, fact.text) / 2
        low, high = low - half, high + half
    # measures of one dimension meet in one unit: "165 mph" is 264.7-266.3 km/h
    factor = common_unit(fact.unit)[1] if fact.rule in MEASURES else 1.0
    return Interval(None if low is None else low * factor, None if high is None else high * factor)


def rounding_step(value: float, written: str = "") -> float:
    """The place of a figure's last significant digit as written: 230 -> 10, 233 -> 1,
    1.25 -> 0.01, "7.0" -> 0.1."""
    # a dot or comma before the last digits is a decimal point only if the value reads so ("7,2"; not "2.059" people)
    decimals = re.search(r"(\d+)[.,](\d+)", written)
    if decimals and abs(float(".".join(decimals.groups())) - value) > 1e-9:
        decimals = None
    digits = f"0.{decimals.group(2)}" if decimals else f"{value:.6f}".rstrip("0").rstrip(".")
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1])
    whole = digits.lstrip("-")
    return 10.0 ** (len(whole) - len(whole.rstrip("0"))) if whole.strip("0") else 1.0


def clash(a: Member, b: Member) -> bool:
    if spans(a) and spans(b):
        return (a.fact.low, a.fact.high) != (b.fact.low, b.fact.high)
    return not interval(a, b).overlaps(interval(b, a))


def spans(member: Member) -> bool:
    """Whether a member gives a group's span ("ages ranged from 14 to 75"): both ends are facts."""
    fact = member.fact
    if not isinstance(fact, Quantity) or fact.modifier != "range":
        return False
    prefixes = load("units")["measure"].get(fact.unit, {}).get("span", [])
    return any(" ".join(fact.text.lower().split()).startswith(p) for p in prefixes)


def one_moment(a: Member, b: Member, slot: Slot, context: RuleContext) -> bool:
    """Whether two values speak for the same time: see the module docstring.

    A developing figure speaks for its report's time: two reports of different days, a
    figure the sentence calls earlier, sentences dated to different weekdays, or one known
    source quoted at two publication times are a timeline, unless the later figure fell.
    Reports whose time is unknown are taken as of one time: nothing says the figure moved
    between them. A draft is of now: its toll meets only the latest reports' figures, and no
    figure meets a version of a story that a later version replaced."""
    if superseded(a) or superseded(b) or update_by_one_source(a.claim, b.claim, context):
        return False
    if drafted(a, context) != drafted(b, context):
        source = a if drafted(b, context) else b
        if replaced(source, slot, context):
            return False
        if slot.developing:
            return newest(source, slot, context)
    if not slot.developing or a.claim.article == b.claim.article:
        return True
    days_a, days_b = said_on(a), said_on(b)
    if days_a and days_b:
        return bool(days_a & days_b)
    first, second = reported_on(a, context), reported_on(b, context)
    if first is None or second is None or first == second:
        return True
    earlier, later = (a, b) if first < second else (b, a)
    return fell(earlier, later)


def fell(earlier: Member, later: Member) -> bool:
    """Whether a later report's figure is below all an earlier one allows: a toll rises as
    bodies are found, so one that falls is a correction or a mistake, not a timeline."""
    high, low = interval(later, earlier).high, interval(earlier, later).low
    return high is not None and low is not None and high < low


def newest(member: Member, slot: Slot, context: RuleContext) -> bool:
    """Whether a source's figure is of the slot's latest report day (or of an unknown one):
    what a draft, written now, must agree with; an earlier day's toll is the timeline."""
    day = reported_on(member, context)
    days = [reported_on(m, context) for m in slot.members if not drafted(m, context)]
    return day is None or day == max(d for d in days if d is not None)


def replaced(member: Member, slot: Slot, context: RuleContext) -> bool:
    """Whether a later version of the member's story gives the slot a figure: a draft, written
    now, must agree with that version, not with what it replaced."""
    article = context.articles[member.claim.article]
    later = (context.articles[m.claim.article] for m in slot.members)
    return article.version is not None and any(
        other.outlet == article.outlet and other.role == "source" and (other.version or 0) > article.version
        for other in later
    )


def drafted(member: Member, context: RuleContext) -> bool:
    return context.articles[member.claim.article].role == "draft"


def said_on(member: Member) -> set[int]:
    """The weekdays the sentence dates its report to: a weekday on a verb of reporting or
    of a tally moving ("on Sunday said 3,283", "had reached 294 as of Sunday"), not on the
    event ("struck on Friday, killing 95")."""
    return {
        f.fact.weekday
        for f in member.claim.frames
        if isinstance(f.fact, TimeRef) and f.fact.weekday is not None and reporting(f.role)
    }


def positions(members: list[Member], clashes: Callable[[Member, Member], bool] = clash) -> list[list[Member]]:
    """Members grouped into sets of mutually compatible values, each set in member order."""
    groups: list[list[Member]] = []
    for member in members:
        home = next((g for g in groups if not any(clashes(member, other) for other in g)), None)
        if home is None:
            groups.append([member])
        else:
            home.append(member)
    return groups


def slot_findings(slot: Slot, context: RuleContext, rule: str, kind: str) -> list[Discrepancy]:
    members = list(slot.members)
    if len({(m.fact.low, m.fact.high) for m in members}) < 2:
        return []
    clashes = [(a, b) for a, b in combinations(members, 2) if clash(a, b)]
    at_once = [(a, b) for a, b in clashes if one_moment(a, b, slot, context)]
    found = []
    involved = [m for m in members if any(m in pair for pair in at_once)]
    if at_once:
        cited = involved if slot.developing else members
        found.append(finding(slot, cited, context, rule, kind, "conflict"))
    days = {reported_on(m, context) for m in members} - {None}
    # a toll's lower bounds that differ ("at least 32", then "at least 68") are its timeline too,
    # told beside a conflict of some of its figures when others are not in it
    rising = len({m.fact.low for m in members if m.fact.high is None}) > 1
    timeline = slot.developing and (len(days) > 1 or rising) and len(involved) < len(members)
    if len(clashes) > len(at_once) or timeline:
        found.append(finding(slot, members, context, rule, kind, "explained"))
    return found


def chronological(members: list[Member], context: RuleContext) -> list[Member]:
    """Earliest report first; undated reports after dated ones, a superseded figure before its update."""
    return sorted(
        members,
        key=lambda m: (not superseded(m), reported_on(m, context) or date.max, m.claim.article, m.claim.start),
    )


def finding(slot: Slot, members: list[Member], context: RuleContext, rule: str, kind: str, status: str) -> Discrepancy:
    ordered = chronological(members, context)
    groups = positions(ordered)
    number = {id(m): n for n, group in enumerate(groups, 1) for m in group}
    inside = len({m.claim.article for m in members}) == 1
    held = " · ".join(holders(group, context, inside) for group in groups)
    if status == "conflict":
        explanation = f"{slot.label}: {held}. These cannot all be right at one time."
        severity = "high"
    else:
        latest = ordered[-1]
        known = [reported_on(m, context) for m in ordered[:-1]]
        if len(groups) == 1:
            highest = max(ordered, key=lambda m: m.fact.low or 0)
            explanation = (
                f"{slot.label}: {held}. The figures agree, but the lower bound rose as the toll was counted: "
                f"give the highest, {held_by(highest, context, inside)}, and say whose it is."
            )
            ordered = [highest, *(m for m in ordered if m is not highest)]
        elif reported_on(latest, context) and all(day and day < reported_on(latest, context) for day in known):
            explanation = (
                f"{slot.label}: latest {held_by(latest, context, inside)}; the figure changed as the story "
                f"developed ({held}). Use the latest figure and say whose it is."
            )
            ordered = [latest, *ordered[:-1]]
        else:
            explanation = (
                f"{slot.label}: {held}. The figures are of different report times or given as earlier ones: "
                "a developing figure, not a contradiction. Give the newest with its source and time."
            )
        severity = "low"
    sides = tuple(Side(claim=m.claim, fact=m.fact, value=m.said, position=number[id(m)]) for m in ordered)
    return Discrepancy(
        rule=rule,
        kind=kind,
        status=status,
        severity=severity,
        between=between([m.claim for m in ordered], context),
        topic=slot.label,
        explanation=explanation,
        sides=sides,
    )


def held_by(member: Member, context: RuleContext, inside: bool) -> str:
    return f"“{member.said}” ({source(member, context, inside)})"


def source(member: Member, context: RuleContext, inside: bool) -> str:
    """Who holds a value: the outlet, its report's day, or inside one article the part ("its headline")."""
    if inside:
        return context.part_name(member.claim)
    article = context.articles[member.claim.article]
    day = reported_on(member, context)
    return article.label + (f", {day:%d %b}" if day else "") + (", earlier figure" if superseded(member) else "")


def holders(group: list[Member], context: RuleContext, inside: bool) -> str:
    values = list(dict.fromkeys(m.said for m in group))
    sources = list(dict.fromkeys(source(m, context, inside) for m in group))
    return f"“{' / '.join(values)}” ({'; '.join(sources)})"

