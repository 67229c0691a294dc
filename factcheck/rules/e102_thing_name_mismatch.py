"""Two sources give different names to the train, ship, building, unit or aircraft at the centre of one account.

What it flags: paraphrases (claims that say nearly the same thing) that each name a
thing of one kind (a train, vessel, aircraft, building, facility or military
unit) where no name on one side can be a name of a thing on the other. One thing
under several names is not flagged: case, articles, the class word ("the Eastern
Mail" and "the Eastern Mail express"), ordinals ("4th", "Fourth"), a shortened
name ("4th Brigade") and small spelling differences ("Harbor", "Harbour") are
one name, and a generic mention ("the ferry", "the building") names nothing and
agrees with any name. A thing named as a source ("the 4th Brigade said") is a
speaker, not the thing the event happened to, and is left to the attribution
rules. Claims phrased too far apart to be paraphrases are still compared when
they tell one current event and each names one thing of a kind an event has one
of (`one_per_event` in knowledge/things.toml: a train, a vessel, an aircraft, a
plant, a gate), never buildings, hospitals or units, of which one event has many.

Why an editor cares: the name of the train that derailed, the ship that sank or
the tower that burned is what relatives, owners and investigators act on; two
names for it in otherwise matching accounts is an identity an editor must settle
before publishing.

Example: "The Eastern Mail derailed near the junction" against "The Coastal
Express derailed near the junction": conflict. "MV Sea Lark capsized" against
"The ferry Sea Lark capsized", or against "The ferry capsized": not flagged.
"""

from __future__ import annotations

from factcheck.names import same_thing
from factcheck.knowledge import load
from factcheck.rules.common import RuleContext, discrepancy, linked_pairs, shared_event
from factcheck.types import Attribution, Claim, ClaimGroup, Discrepancy, Thing

CODE = "E102"
NAME = "thing-name-mismatch"


def named(claim: Claim) -> list[Thing]:
    """The things a claim names, less those it quotes as a source."""
    sources = [(a.start, a.end) for a in claim.of_type(Attribution)]
    return [t for t in claim.of_type(Thing) if t.name and not any(s <= t.start and t.end <= e for s, e in sources)]


def unmatched(mine: list[Thing], theirs: list[Thing]) -> list[Thing]:
    """My named things of a kind the other side names too, that none of theirs can be."""
    return [x for x in mine if any(y.kind == x.kind for y in theirs) and not any(same_thing(x, y) for y in theirs)]


def check(group: ClaimGroup, context: RuleContext) -> list[Discrepancy]:
    found = []
    for a, b, score in linked_pairs(group):
        things_a, things_b = named(a), named(b)
        if score < context.paraphrase:
            things_a, things_b = one_scene(a, things_a, b, things_b)
        only_b = unmatched(things_b, things_a)
        for x in unmatched(things_a, things_b):
            y = next((y for y in only_b if y.kind == x.kind), None)
            if y is not None:
                only_b.remove(y)
                found.append(finding(a, x, b, y, context))
    return found


def one_scene(a: Claim, things_a: list[Thing], b: Claim, things_b: list[Thing]) -> tuple[list[Thing], list[Thing]]:
    """In claims phrased apart, the things worth comparing: when both tell one current event,
    the one thing each names of a kind an event has one of (the gate where a crowd crushed)."""
    if a.background or b.background or not shared_event(a, b):
        return [], []
    sa, sb = single(things_a), single(things_b)
    return [sa[k] for k in sa if k in sb], [sb[k] for k in sb if k in sa]


def single(things: list[Thing]) -> dict[str, Thing]:
    """The one thing named of each kind an event has one of."""
    kinds = load("things")["kind"]
    return {
        t.kind: t
        for t in things
        if kinds.get(t.kind, {}).get("one_per_event") and sum(u.kind == t.kind for u in things) == 1
    }


def finding(a: Claim, x: Thing, b: Claim, y: Thing, context: RuleContext) -> Discrepancy:
    name_a, name_b = context.name_sides(a, b)
    return discrepancy(
        CODE,
        "event_type",
        status="conflict",
        severity="high",
        topic=f"which {x.kind}: {x.text} or {y.text}",
        explanation=(
            f"{name_a} names the {x.kind} “{x.text}”, {name_b} “{y.text}”, in otherwise "
            "matching accounts: the names are not one name written two ways."
        ),
        sides=[(a, x, x.text), (b, y, y.text)],
        context=context,
    )
