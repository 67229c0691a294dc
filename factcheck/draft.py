"""Verdicts on an editor's draft, value by value: contradicted, supported or unsupported.

A draft sentence is *supported* only when the sources state each of its checkable values
compatibly, and topic similarity alone is never support:

- a count or toll by its slot: a source's figure in the same slot that the draft's
  allows ("at least 100" is supported by "135"; "four schools" is not by "seven");
- a day or hour of the event by a linked source sentence dating the same event to a
  day or hour that some zone reconciles;
- an event's kind or a place by a linked source sentence naming the same one or one
  that contains it ("missile" for "ballistic missile"), and "no one was killed" by a
  source saying so.

A sentence with no value of these kinds is supported when a source restates it. A
conflict the rules found with the draft makes it *contradicted* (a draft repeating a
figure that a later report or version replaced clashes with that report); a value no
source states leaves it *unsupported*, naming that value.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import product

from factcheck.align import AlignSettings
from factcheck.checkworthy import is_check_worthy
from factcheck.extract.events import happenings
from factcheck.facts.slots import Event
from factcheck.rules.common import RuleContext, event_zone, related
from factcheck.rules.dating import day_verdicts, event_times, writing_zones
from factcheck.rules.positions import clash
from factcheck.rules.t103_clock_mismatch import verdict as clock_verdict
from factcheck.types import Casualty, Claim, ClaimGroup, Discrepancy, DraftVerdict, EventType, Place, TimeRef

Key = tuple[str, int]
Support = dict[str, set[str]]
"""A draft value's text and the source articles that state it compatibly."""


def key(claim: Claim) -> Key:
    return claim.article, claim.start


def draft_verdicts(
    draft_id: str,
    claims: list[Claim],
    groups: list[ClaimGroup],
    events: list[Event],
    found: list[Discrepancy],
    context: RuleContext,
    settings: AlignSettings,
) -> list[DraftVerdict]:
    """A verdict per check-worthy draft claim, in the draft's order."""
    links: dict[Key, list[tuple[Claim, float]]] = {}
    for group in groups:
        for i, j, score in group.links:
            a, b = group.claims[i], group.claims[j]
            for mine, theirs in ((a, b), (b, a)):
                if mine.article == draft_id and theirs.article != draft_id:
                    links.setdefault(key(mine), []).append((theirs, score))
    verdicts = []
    for claim in claims:
        if claim.article != draft_id or not is_check_worthy(claim):
            continue
        conflicts = tuple(n for n, d in enumerate(found) if d.status == "conflict" and against_sources(d, claim, draft_id))
        if conflicts:
            verdicts.append(DraftVerdict(claim, "contradicted", discrepancies=conflicts))
            continue
        linked = [theirs for theirs, score in links.get(key(claim), []) if score >= settings.same_facts]
        support: Support = {}
        for part in (
            count_support(claim, events),
            time_support(claim, linked, context),
            kind_support(claim, linked),
        ):
            for value, sources in part.items():
                support.setdefault(value, set()).update(sources)
        if not support:  # no value to check: the sentence itself must be restated
            restated = {theirs.article for theirs, score in links.get(key(claim), []) if score >= settings.same_text}
            verdict = "supported" if restated else "unsupported"
            verdicts.append(DraftVerdict(claim, verdict, supported_by=tuple(sorted(restated))))
            continue
        missing = tuple(value for value, sources in support.items() if not sources)
        if missing:
            verdicts.append(DraftVerdict(claim, "unsupported", unsupported=missing))
        else:
            backers = set().union(*support.values())
            verdicts.append(DraftVerdict(claim, "supported", supported_by=tuple(sorted(backers))))
    return verdicts


def against_sources(found: Discrepancy, claim: Claim, draft_id: str) -> bool:
    """Whether a conflict sets the claim against a source: a source holds another position
    than the claim's (the draft's other sentences do not contradict it); a finding with no
    positions sets its sides against one another (a source's "no immediate reports" against
    the draft's toll is no conflict: C101 explains it)."""
    held = {s.position for s in found.sides if key(s.claim) == key(claim)}
    return bool(held) and any(
        s.claim.article != draft_id and (None in held or s.position not in held) for s in found.sides
    )


def count_support(claim: Claim, events: Iterable[Event]) -> Support:
    """Each of the claim's counts and tolls, with the sources whose figure in its slot it allows."""
    support: Support = {}
    for event in events:
        for slot in event.slots:
            for member in (m for m in slot.members if m.claim is claim):
                backers = {
                    m.claim.article
                    for m in slot.members
                    if m.claim.article != claim.article and not clash(member, m) and not clash(m, member)
                }
                support.setdefault(member.fact.text, set()).update(backers)
    return support


def time_support(claim: Claim, linked: list[Claim], context: RuleContext) -> Support:
    """Each day or hour the claim gives, with the linked sources giving the same moment: a
    value that equal, in a sentence that close, is taken as the same event's or sub-event's."""
    times = event_times(claim, dated)
    support: Support = {t.text: set() for t in times}
    for other in linked if times else ():
        zone = event_zone([claim, other], context)
        zones = list(product(writing_zones(claim, zone, context), writing_zones(other, zone, context)))
        theirs = event_times(other, dated)
        for time in times:
            if any(same_time(claim, time, other, t, zones, context) for t in theirs):
                support[time.text].add(other.article)
    return support


def has_day(time: TimeRef) -> bool:
    return time.weekday is not None or time.day is not None


def dated(time: TimeRef) -> bool:
    return has_day(time) or time.clock is not None


def same_time(a: Claim, ta: TimeRef, b: Claim, tb: TimeRef, zones: list, context: RuleContext) -> bool:
    """Whether the source's time `tb` gives the draft's `ta`: the same day in some zone pair
    when both name one, and the same hour when the draft gives one."""
    both_days = has_day(ta) and has_day(tb)
    if both_days and not {"same", "zone"} & set(day_verdicts(ta, tb, zones).values()):
        return False
    if ta.clock is not None:
        return tb.clock is not None and clock_verdict((a, ta, None), (b, tb, None), context) in {"same", "zone"}
    return both_days


def kind_support(claim: Claim, linked: list[Claim]) -> Support:
    """The claim's event kinds, places and "no one was killed", with the linked sources stating them."""
    support: Support = {}
    for event in happenings(list(claim.of_type(EventType))):
        support[event.text] = {c.article for c in linked if any(related(event, e) for e in happenings(list(c.of_type(EventType))))}
    for place in claim.of_type(Place):
        support[place.text] = {c.article for c in linked if any(same_place(place, p) for p in c.of_type(Place))}
    for none in (c for c in claim.of_type(Casualty) if c.polarity == "none"):
        support[none.text] = {
            c.article
            for c in linked
            if any(x.polarity == "none" and x.outcome == none.outcome for x in c.of_type(Casualty))
        }
    return support


def same_place(a: Place, b: Place) -> bool:
    names = {a.name.casefold(), (a.within or "").casefold()}
    return b.name.casefold() in names or a.name.casefold() == (b.within or "").casefold()
