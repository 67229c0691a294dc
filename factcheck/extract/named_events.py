"""Events an article goes on to call by their name alone: "Hurricane Otis", then "Otis".

A named storm is introduced with its kind ("Hurricane Otis", "Storm Daniel") and then
called "Otis" ("Otis' center slammed into the coast at 12:25 a.m."). A sentence that names
the storm only so still speaks of the event, and its times and places date and place it.
So within one article, the name given after a kind marked `named` in
`knowledge/event_types.toml` (or a kind below one) is that kind wherever it stands alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from factcheck.extract import in_order
from factcheck.knowledge import load
from factcheck.types import Claim, EventType

NAME_AFTER = re.compile(r"\s+([A-Z][a-z]+)\b(?!['’]s\s+[a-z])")
"""A capitalised name right after the kind: "Hurricane Otis" (not "Hurricane Center's staff")."""


@cache
def _named_kinds() -> frozenset[str]:
    return frozenset(label for label, node in load("event_types")["event"].items() if node.get("named"))


def named(event: EventType) -> bool:
    return event.category == "event" and bool(_named_kinds() & {event.label, *event.ancestors})


def with_named_events(claims: list[Claim]) -> list[Claim]:
    """The claims of one article, each name alone of a named event typed as that event."""
    kinds: dict[str, EventType] = {}
    for claim in claims:
        for event in claim.of_type(EventType):
            if (
                named(event)
                and event.text[:1].isupper()
                and (m := NAME_AFTER.match(claim.text, event.end - claim.start))
            ):
                kinds.setdefault(m.group(1), event)
    if not kinds:
        return claims
    pattern = re.compile(rf"\b({'|'.join(map(re.escape, kinds))})\b")
    return [with_names(claim, pattern, kinds) for claim in claims]


def with_names(claim: Claim, pattern: re.Pattern[str], kinds: dict[str, EventType]) -> Claim:
    taken = [(f.start, f.end) for f in claim.of_type(EventType)]
    added = []
    for m in pattern.finditer(claim.text):
        start, end = claim.start + m.start(), claim.start + m.end()
        after_kind = any(e <= start and not claim.text[e - claim.start : m.start()].strip() for _, e in taken)
        if after_kind or any(s < end and start < e for s, e in taken):
            continue
        kind = kinds[m.group(1)]
        added.append(replace(kind, start=start, end=end, text=m.group(), rule="event.named"))
    return replace(claim, facts=in_order((*claim.facts, *added))) if added else claim
