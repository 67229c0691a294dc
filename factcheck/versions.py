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


def version_chains(articles: list[Article], events: list[tuple[str, ...]]) -> list[list[Article]]:
    """Each outlet's articles on one event in version order, where it has more than one.

    An outlet's reports of two different events are two stories, not two versions.
    """
    by_id = {a.id: a for a in articles}
    chains: dict[tuple[int, str], list[Article]] = {}
    for n, event in enumerate(events):
        for article in (by_id[i] for i in event):
            if article.role == "source":
                chains.setdefault((n, article.outlet), []).append(article)
    return [
        sorted(chain, key=lambda a: (a.version is None, a.version or 0, a.path.name))
        for chain in chains.values()
        if len(chain) > 1
    ]


def revisions(
    articles: list[Article], events: list[tuple[str, ...]], claims: list[Claim], vectors: np.ndarray, same_text: float
) -> list[Revision]:
    """For each consecutive pair of versions, the check-worthy claims dropped and added."""
    rows = {id(c): n for n, c in enumerate(claims)}
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article, []).append(claim)
    found = []
    for chain in version_chains(articles, events):
        for earlier, later in pairwise(chain):
            old, new = by_article.get(earlier.id, []), by_article.get(later.id, [])
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
