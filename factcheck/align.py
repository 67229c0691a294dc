"""Align claims across articles: which sentences speak of the same thing.

Similarity alone misses pairs phrased differently that report the same fact
(a death toll against "no casualties were reported"), and alone it joins pairs
that merely share vocabulary. So a pair is linked when its embeddings are close,
or when they are moderately close and carry facts of a comparable type.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from factcheck.disjoint import DisjointSets
from factcheck.extract.events import happenings
from factcheck.types import Casualty, Claim, ClaimGroup, EventType, Quantity, TimeRef

BLOCK_CELLS = 1 << 22
"""Similarities computed at once (16 MB of float32): bounds memory for events of any size."""


@dataclass(frozen=True)
class AlignSettings:
    same_text: float = 0.70
    """Cosine similarity at which two sentences are taken to say the same thing."""
    same_facts: float = 0.45
    """Lower similarity that suffices when both carry comparable facts."""
    current_event: float = 0.20
    """Casualty reports and clock times of the current event are compared even when phrased apart:
    a lead's toll against a later "no casualties", a lead's hour against a later sentence's."""


def comparable_facts(a: Claim, b: Claim) -> bool:
    """Whether two claims carry facts of one type that a rule could compare."""
    units_a = {q.unit for q in a.of_type(Quantity) if q.unit and not q.latent}
    units_b = {q.unit for q in b.of_type(Quantity) if q.unit and not q.latent}
    if units_a & units_b:
        return True
    dated = lambda c: any(t.weekday is not None or t.day is not None or t.clock is not None for t in c.of_type(TimeRef))  # noqa: E731
    if dated(a) and dated(b):
        return True
    return bool(happenings(a.of_type(EventType)) and happenings(b.of_type(EventType)))


def reports_casualties(claim: Claim) -> bool:
    return not claim.background and any(c.polarity != "uncertain" for c in claim.of_type(Casualty))


def clocks_event(claim: Claim) -> bool:
    """Whether a claim gives the hour of something that happened in the current event."""
    return (
        not claim.background
        and any(t.clock is not None for t in claim.of_type(TimeRef))
        and bool(happenings(claim.of_type(EventType)))
    )


def link_pairs(claims: list[Claim], vectors: np.ndarray, settings: AlignSettings) -> list[tuple[int, int, float]]:
    """Pairs (i, j, similarity), i < j, of aligned claims: body claims of different
    articles, or a caption or heading and the body of its own article.

    The similarity matrix is computed a block of rows at a time, so memory stays
    bounded however large an event is; the pairs come out in row-major order.
    """
    if len(claims) < 2:
        return []
    codes: dict[str, int] = {}
    articles = np.array([codes.setdefault(c.article, len(codes)) for c in claims])
    body = np.array([c.part == "body" for c in claims])
    scope = paragraph_scopes(claims)
    columns = np.arange(len(claims))
    rows_per_block = max(1, BLOCK_CELLS // len(claims))
    links = []
    for start in range(0, len(claims), rows_per_block):
        rows = columns[start : start + rows_per_block]
        similarity = vectors[rows] @ vectors.T
        candidate = (
            (columns[None, :] > rows[:, None])
            & comparable_parts(articles, body, scope, rows)
            & (similarity >= settings.current_event)
        )
        for r, j in zip(*np.nonzero(candidate)):
            score = float(similarity[r, j])
            if aligned(claims[start + r], claims[j], score, settings):
                links.append((start + int(r), int(j), score))
    return links


def paragraph_scopes(claims: list[Claim]) -> np.ndarray:
    """Which body paragraph each claim speaks for: a body claim its own; a heading the first
    body paragraph after it, the lead it sums up (-1 when no body follows); a caption 0, all.

    A body may give an earlier figure or an update further down; a headline answers for its lead.
    """
    bodies: dict[str, list[tuple[int, int]]] = {}
    for c in claims:
        if c.part == "body":
            bodies.setdefault(c.article, []).append((c.start, c.paragraph))
    for starts in bodies.values():
        starts.sort()
    scope = []
    for c in claims:
        if c.part == "heading":
            starts = bodies.get(c.article, [])
            first = bisect_left(starts, (c.end, 0))
            scope.append(starts[first][1] if first < len(starts) else -1)
        else:
            scope.append(c.paragraph if c.part == "body" else 0)
    return np.array(scope)


def comparable_parts(articles: np.ndarray, body: np.ndarray, scope: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Which (row, column) claims may be compared: bodies across articles; a caption or a
    heading only with its own article's body (never with another caption or heading), and
    a heading only with the paragraph it leads into (`paragraph_scopes`)."""
    same_article = articles[None, :] == articles[rows, None]
    both_body = body[None, :] & body[rows, None]
    other_scope = np.where(body[rows, None], scope[None, :], scope[rows, None])
    body_scope = np.where(body[rows, None], scope[rows, None], scope[None, :])
    in_scope = (other_scope == 0) | (other_scope == body_scope)
    return (~same_article & both_body) | (same_article & (body[None, :] != body[rows, None]) & in_scope)


def aligned(a: Claim, b: Claim, score: float, settings: AlignSettings) -> bool:
    if score >= settings.same_text:
        return True
    if score >= settings.same_facts and comparable_facts(a, b):
        return True
    return (reports_casualties(a) and reports_casualties(b)) or (clocks_event(a) and clocks_event(b))


def align_claims(claims: list[Claim], vectors: np.ndarray, settings: AlignSettings = AlignSettings()) -> list[ClaimGroup]:
    """Groups of linked claims (connected through their links), in order of first claim."""
    links = link_pairs(claims, vectors, settings)
    sets = DisjointSets(len(claims))
    for i, j, _ in links:
        sets.union(i, j)
    members: dict[int, set[int]] = {}
    for i, j, _ in links:
        members.setdefault(sets.find(i), set()).update((i, j))
    by_root: dict[int, list[tuple[int, int, float]]] = {}
    for link in links:
        by_root.setdefault(sets.find(link[0]), []).append(link)
    groups = []
    for root in sorted(members):
        indices = sorted(members[root])
        position = {k: n for n, k in enumerate(indices)}
        own = tuple((position[i], position[j], s) for i, j, s in by_root[root])
        groups.append(ClaimGroup(claims=tuple(claims[k] for k in indices), links=own))
    return groups


def by_event(claims: list[Claim], events: Iterable[tuple[str, ...]]) -> list[list[int]]:
    """Each event's claim positions, in order: claims of different events are never compared."""
    by_article: dict[str, list[int]] = {}
    for n, claim in enumerate(claims):
        by_article.setdefault(claim.article, []).append(n)
    return [sorted(n for article in event for n in by_article.get(article, [])) for event in events]
