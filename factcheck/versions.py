"""Versions of one story: which articles are revisions of which, and what changed.

Two articles from one outlet are versions of one story, ordered by their `version`
key (then by file name). Findings between them are corrections; claims one version
drops or adds are listed too, so an editor sees how the story moved.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from factcheck.checkworthy import is_check_worthy
from factcheck.types import Article, Claim, Revision


def version_chains(articles: list[Article]) -> list[list[Article]]:
    """Each outlet's articles in version order, for outlets with more than one source article."""
    by_outlet: dict[str, list[Article]] = {}
    for article in articles:
        if article.role == "source":
            by_outlet.setdefault(article.outlet, []).append(article)
    return [
        sorted(chain, key=lambda a: (a.version is None, a.version or 0, a.path.name))
        for chain in by_outlet.values()
        if len(chain) > 1
    ]


def superseded(articles: list[Article]) -> set[str]:
    """Ids of articles a later version of the same story replaces."""
    return {a.id for chain in version_chains(articles) for a in chain[:-1]}


def revisions(articles: list[Article], claims: list[Claim], vectors: np.ndarray, same_text: float) -> list[Revision]:
    """For each consecutive pair of versions, the check-worthy claims dropped and added."""
    rows = {id(c): n for n, c in enumerate(claims)}
    found = []
    for chain in version_chains(articles):
        for earlier, later in pairwise(chain):
            old = [c for c in claims if c.article == earlier.id]
            new = [c for c in claims if c.article == later.id]
            found.append(
                Revision(
                    outlet=earlier.outlet,
                    earlier=earlier.id,
                    later=later.id,
                    removed=tuple(unmatched(old, new, vectors, rows, same_text)),
                    added=tuple(unmatched(new, old, vectors, rows, same_text)),
                )
            )
    return found


def unmatched(mine: list[Claim], theirs: list[Claim], vectors: np.ndarray, rows: dict, same_text: float) -> list[Claim]:
    """My check-worthy claims that no claim of theirs restates."""
    if not theirs:
        return [c for c in mine if is_check_worthy(c)]
    other = vectors[[rows[id(c)] for c in theirs]]
    return [c for c in mine if is_check_worthy(c) and float(np.max(other @ vectors[rows[id(c)]])) < same_text]
