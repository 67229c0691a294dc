"""The rule table: one module per rule, each with a code, a name, a kind and docs.

A code is a letter for the kind of difference and three digits. A code keeps its
meaning for ever: a retired rule's code is never given to another
(`tests/golden/rules.txt` keeps the table from changing unnoticed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from factcheck.rules import (
    a101_hedged_attribution,
    c101_casualty_contradiction,
    c102_casualty_count_mismatch,
    e101_type_mismatch,
    e102_thing_name_mismatch,
    l101_location_mismatch,
    l102_bearing_mismatch,
    n101_count_mismatch,
    t101_weekday_mismatch,
    t102_date_mismatch,
    t103_clock_mismatch,
    x101_person_name_mismatch,
)
from factcheck.types import Discrepancy

KINDS = {
    "N": "numeric",
    "T": "temporal",
    "E": "event_type",
    "C": "casualty",
    "L": "location",
    "A": "attribution",
    "X": "other",
}
DOC_PARTS = ("What it flags:", "Why an editor cares:", "Example:")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    doc: str
    check: Callable[..., list[Discrepancy]]
    on: str = "groups"
    """What `check` reads: one `ClaimGroup` of aligned sentences, or (`slots`) a whole `facts.slots.Event`."""

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            module.CODE, module.NAME, KINDS[module.CODE[0]], module.__doc__ or "", module.check, getattr(module, "ON", "groups")
        )


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in map(
        Rule.from_module,
        (
            n101_count_mismatch,
            t101_weekday_mismatch,
            t102_date_mismatch,
            t103_clock_mismatch,
            e101_type_mismatch,
            e102_thing_name_mismatch,
            c101_casualty_contradiction,
            c102_casualty_count_mismatch,
            l101_location_mismatch,
            l102_bearing_mismatch,
            a101_hedged_attribution,
            x101_person_name_mismatch,
        ),
    )
}


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """Rules whose code or kind letter is selected and not ignored (codes or letters)."""
    picked = lambda rule, prefixes: any(rule.code.startswith(p.strip().upper()) for p in prefixes)
    return [
        rule
        for rule in RULES.values()
        if (not select or picked(rule, select)) and not (ignore and picked(rule, ignore))
    ]


def unknown_codes(codes: list[str]) -> list[str]:
    """The given codes or letters that name no rule."""
    return [c for c in codes if not any(code.startswith(c.strip().upper()) for code in RULES) or not c.strip()]
