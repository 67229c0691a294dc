"""Verdicts on an editor's draft: each check-worthy claim contradicted, supported or unsupported."""

from __future__ import annotations

from factcheck.align import AlignSettings, comparable_facts
from factcheck.checkworthy import is_check_worthy
from factcheck.types import Claim, ClaimGroup, Discrepancy, DraftVerdict


def draft_verdicts(
    draft_id: str, claims: list[Claim], groups: list[ClaimGroup], found: list[Discrepancy], settings: AlignSettings
) -> list[DraftVerdict]:
    """A verdict per check-worthy draft claim, in the draft's order.

    Contradicted: a side of a conflict between the draft and a source. Supported:
    a source claim restates it (similar, and carrying facts of the same types) with
    no conflict. Unsupported: no source speaks of it.
    """
    restated: dict[tuple[str, int], set[str]] = {}
    for group in groups:
        for i, j, score in group.links:
            a, b = group.claims[i], group.claims[j]
            if score < settings.same_text and not (score >= settings.same_facts and comparable_facts(a, b)):
                continue
            for mine, theirs in ((a, b), (b, a)):
                if mine.article == draft_id and theirs.article != draft_id:
                    restated.setdefault((mine.article, mine.start), set()).add(theirs.article)
    verdicts = []
    for claim in claims:
        if claim.article != draft_id or not is_check_worthy(claim):
            continue
        key = (claim.article, claim.start)
        conflicts = tuple(
            n
            for n, d in enumerate(found)
            if d.status == "conflict" and any((s.claim.article, s.claim.start) == key for s in d.sides)
        )
        if conflicts:
            verdicts.append(DraftVerdict(claim, "contradicted", discrepancies=conflicts))
        elif key in restated:
            verdicts.append(DraftVerdict(claim, "supported", supported_by=tuple(sorted(restated[key]))))
        else:
            verdicts.append(DraftVerdict(claim, "unsupported"))
    return verdicts
