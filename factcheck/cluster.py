"""Split a folder that mixes several events into events, before claims are aligned.

A wire feed holds reports of many events; comparing a flood's death toll with a
stampede's would flag nonsense, and comparing every claim with every other
grows with the square of the feed. So articles are grouped first: by what they
say as a whole (the mean of their claims' embeddings) and by where they say it
happened (a shared place joins, countries that differ part). Average linkage
keeps one broad story from chaining distinct events together; it runs only
inside the components of the thresholded graph, which contain its clusters,
so its quadratic cost stays per event, not per feed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factcheck.types import Article, Claim, Place

BLOCK = 1024
"""Articles per block of the similarity matrix, to keep memory bounded."""


@dataclass(frozen=True)
class ClusterSettings:
    same_event: float = 0.78
    """Average similarity (with the place terms) at which articles report one event."""
    shared_place: float = 0.15
    """Added when two articles name a place (below a country) in common."""
    other_country: float = 0.30
    """Subtracted when both name countries and none in common."""


def article_vectors(articles: list[Article], claims: list[Claim], vectors: np.ndarray) -> np.ndarray:
    """One unit vector per article: the mean of its claims' (background left out when it can be)."""
    rows = {a.id: n for n, a in enumerate(articles)}
    sums = np.zeros((len(articles), vectors.shape[1]), dtype=np.float32)
    background = np.zeros_like(sums)
    for claim, vector in zip(claims, vectors):
        (background if claim.background else sums)[rows[claim.article]] += vector
    sums = np.where(np.any(sums, axis=1, keepdims=True), sums, background)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return sums / np.where(norms == 0, 1, norms)


def place_matrices(articles: list[Article], claims: list[Claim]) -> tuple[np.ndarray, np.ndarray]:
    """Indicator matrices (article × place below a country, article × country) of the places each names.

    A shared country is weak evidence of one event (a country has many); a shared city or region is not.
    """
    rows = {a.id: n for n, a in enumerate(articles)}
    names: dict[str, int] = {}
    countries: dict[str, int] = {}
    marks: list[tuple[int, int, bool]] = []
    for claim in claims:
        if claim.background:
            continue
        for place in claim.of_type(Place):
            if place.kind != "country":
                marks.append((rows[claim.article], names.setdefault(place.name, len(names)), False))
            if place.country:
                marks.append((rows[claim.article], countries.setdefault(place.country, len(countries)), True))
    named = np.zeros((len(articles), max(len(names), 1)), dtype=np.float32)
    national = np.zeros((len(articles), max(len(countries), 1)), dtype=np.float32)
    for row, column, is_country in marks:
        (national if is_country else named)[row, column] = 1
    return named, national


def similarity_rows(
    rows: slice | np.ndarray, unit: np.ndarray, named: np.ndarray, national: np.ndarray, settings: ClusterSettings
) -> np.ndarray:
    """Rows of the article similarity matrix: cosine, plus a shared place, minus different countries."""
    score = unit[rows] @ unit.T
    score += settings.shared_place * ((named[rows] @ named.T) > 0)
    has_country = national.any(axis=1)
    apart = ((national[rows] @ national.T) == 0) & has_country[rows, None] & has_country[None, :]
    return score - settings.other_country * apart


def cluster_events(
    articles: list[Article], claims: list[Claim], vectors: np.ndarray, settings: ClusterSettings = ClusterSettings()
) -> list[tuple[str, ...]]:
    """Article ids grouped by event, each group and the list in the order the articles came."""
    if len(articles) < 2 or len(vectors) == 0:
        return [(a.id,) for a in articles]
    unit = article_vectors(articles, claims, vectors)
    named, national = place_matrices(articles, claims)
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for start in range(0, len(articles), BLOCK):
        block = similarity_rows(slice(start, start + BLOCK), unit, named, national, settings)
        for i, j in zip(*np.nonzero(block >= settings.same_event)):
            a, b = root(start + int(i)), root(int(j))
            if a != b:
                parent[max(a, b)] = min(a, b)
    components: dict[int, list[int]] = {}
    for i in range(len(articles)):
        components.setdefault(root(i), []).append(i)
    events = []
    for members in components.values():
        events.extend(split_by_average_linkage(members, unit, named, national, settings))
    return [tuple(articles[i].id for i in event) for event in sorted(events, key=min)]


def split_by_average_linkage(
    members: list[int], unit: np.ndarray, named: np.ndarray, national: np.ndarray, settings: ClusterSettings
) -> list[list[int]]:
    """A connected component cut where the average similarity between its parts falls below the threshold."""
    if len(members) < 3:
        return [members]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    index = np.array(members)
    score = similarity_rows(index, unit, named, national, settings)[:, index]
    distance = np.clip(1 + settings.shared_place - score, 0, None)
    np.fill_diagonal(distance, 0)
    labels = fcluster(
        linkage(squareform(distance, checks=False), method="average"),
        t=1 + settings.shared_place - settings.same_event,
        criterion="distance",
    )
    parts: dict[int, list[int]] = {}
    for member, label in zip(members, labels):
        parts.setdefault(int(label), []).append(member)
    return list(parts.values())


def lone_notes(events: list[tuple[str, ...]]) -> list[str]:
    """A note for each article that is the only report of its event."""
    return [f"{event[0]} is the only report of its event: nothing to compare with." for event in events if len(event) == 1]
