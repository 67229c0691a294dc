"""Which claims are worth checking: those that state something a source can contradict."""

from __future__ import annotations

from factcheck.types import Attribution, Casualty, Claim, EventType, Place, Quantity, TimeRef


def is_check_worthy(claim: Claim) -> bool:
    """States a number, a time, a casualty, a weapon or event type, a place or an attribution.

    A caption is checked only against its own article's body, never against sources.
    """
    if claim.part != "body":
        return False
    for fact in claim.facts:
        if isinstance(fact, Quantity) and not fact.latent:
            return True
        if isinstance(fact, Casualty) and fact.polarity != "uncertain":
            return True
        if isinstance(fact, (TimeRef, EventType, Place, Attribution)):
            return True
    return False
