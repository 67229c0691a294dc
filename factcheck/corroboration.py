"""How many independent outlets say a thing.

Several outlets often carry one agency's text nearly word for word; counting each
copy as corroboration would overstate how well a claim is sourced. Claims (or
whole articles) that are near-identical across outlets count as one source.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from factcheck.checkworthy import is_check_worthy
from factcheck.disjoint import DisjointSets
from factcheck.types import Agreement, Article, Claim, ClaimGroup

WIRE_COPY = 0.95
"""Cosine similarity at which two sentences are one text, copied."""
WIRE_SHARE = 0.5
"""Share of an article's claims copied from another's at which the article is a copy."""


def wire_copies(
    articles: list[Article], claims: list[Claim], vectors: np.ndarray, events: list[tuple[str, ...]]
) -> list[tuple[str, str]]:
    """Pairs of articles from different outlets of which one mostly repeats the other's sentences."""
    outlet = {a.id: a.outlet for a in articles}
    rows: dict[str, list[int]] = {}
    for n, claim in enumerate(claims):
        rows.setdefault(claim.article, []).append(n)
    pairs = []
    for event in events:
        for a, b in combinations(sorted(event), 2):
            if outlet[a] == outlet[b] or a not in rows or b not in rows:
                continue
            similarity = vectors[rows[a]] @ vectors[rows[b]].T
            near = similarity >= WIRE_COPY
            if max(near.any(axis=1).mean(), near.any(axis=0).mean()) >= WIRE_SHARE:
                pairs.append((a, b))
    return pairs


def independent_outlets(group: ClaimGroup, articles: dict[str, Article], wire: set[frozenset[str]]) -> int:
    """Outlets in a group, counting outlets that copy one text (in this group or wholesale) once."""
    outlets = sorted({articles[c.article].outlet for c in group.claims})
    index = {o: n for n, o in enumerate(outlets)}
    sets = DisjointSets(len(outlets))
    for i, j, score in group.links:
        a, b = group.claims[i].article, group.claims[j].article
        if score >= WIRE_COPY or frozenset((a, b)) in wire:
            sets.union(index[articles[a].outlet], index[articles[b].outlet])
    return len({sets.find(n) for n in range(len(outlets))})


def agreements(
    groups: list[ClaimGroup], articles: dict[str, Article], wire: list[tuple[str, str]], same_text: float, disputed: set
) -> list[Agreement]:
    """Check-worthy statements two or more outlets make alike, with no finding against them."""
    copies = {frozenset(pair) for pair in wire}
    found = []
    for group in groups:
        strong = [(i, j) for i, j, score in group.links if score >= same_text]
        if not strong:
            continue
        members = sorted({k for pair in strong for k in pair})
        claims = tuple(group.claims[k] for k in members)
        outlets = tuple(sorted({articles[c.article].outlet for c in claims}))
        if len(outlets) < 2 or not any(is_check_worthy(c) for c in claims):
            continue
        if any((c.article, c.start) in disputed for c in claims):
            continue
        found.append(Agreement(claims=claims, outlets=outlets, independent=independent_outlets(group, articles, copies)))
    return found
