"""Split a folder that mixes several events into events, before claims are aligned.

A wire feed holds reports of many events; comparing a flood's death toll with a
stampede's would flag nonsense, and comparing every claim with every other
grows with the square of the feed. So articles are grouped first: by what they
say as a whole (the mean of their claims' embeddings) and by where they say it
happened (a shared city joins; other countries, or publication far apart in
time, part). Average linkage keeps one broad story from chaining distinct
events together; it runs only inside the components of the thresholded graph,
which contain its clusters, so its quadratic cost stays per event, not per feed. An
article then left alone joins the event it is clearly most alike on weaker evidence: a
lone report is compared with nothing, the costliest mistake for an editor's folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from factcheck.disjoint import DisjointSets
from factcheck.extract.cities import RULE as GEONAMES
from factcheck.language import language_of
from factcheck.types import Article, Claim, Place, Quantity, TimeRef

LEAD = 3
"""Sentences of an article that date its story when it carries no publication time."""
NEVER = 10.0
"""Subtracted from the similarity of articles that cannot be one event: no score reaches a threshold after it."""
BLOCK = 1024
"""Articles per block of the similarity matrix, to keep memory bounded."""


@dataclass(frozen=True)
class ClusterSettings:
    same_event: float = 0.55
    """Average similarity (with the place and time terms) at which articles report one event.

    Low on purpose: splitting one event's reports hides every finding between them,
    while joining two events costs little, since claims are still aligned one by one.
    Two short reports of one mine collapse, one saying seven died and one that no
    one died, score about 0.68 with the default model.
    """
    shared_place: float = 0.15
    """Added when two articles name a place (below a country) in common."""
    shared_figure: float = 0.15
    """Added per distinctive figure two articles both give (2,059 injured; magnitude 6.8), up to
    two: a figure says "this event" in any language, where the embedding model reads English only."""
    other_language: float = 0.50
    """What two articles score before places, figures and dates when either is not in English: the
    default model reads English only (it scores a French and an English report of one quake far
    apart, and any two Spanish texts close), so what they name decides."""
    other_country: float = 0.30
    """Subtracted when both name countries and none in common (both in English: the gazetteer
    names countries in English)."""
    days_apart: float = 4.0
    """Publication times further apart than this many days..."""
    other_time: float = 0.30
    """...subtract this: reports days apart are less likely one event."""
    lone: float = 0.40
    """Average similarity at which an article alike to no other joins the event it is most alike:
    a lone report is compared with nothing, so it joins on weaker evidence than two reports
    found alike."""
    lone_margin: float = 0.10
    """...and when it is this much more alike to that event than to any other."""
    never_apart: float = 90.0
    """Dates further apart than this many days (a season) are never one event, however alike the
    stories: one region's strikes of last year are not this year's."""


@dataclass(frozen=True)
class Profiles:
    """What is compared of each article, one row per article."""

    unit: np.ndarray
    """The mean of its claims' embeddings, unit length."""
    named: np.ndarray
    """Indicator of the places below a country it names (a country has many events; a city few)."""
    national: np.ndarray
    """Indicator of the countries it names or that its places lie in."""
    figures: np.ndarray
    """Indicator of the distinctive figures it gives (`distinctive`)."""
    english: np.ndarray
    """Whether it is written in English, or in no language `factcheck.language` knows."""
    days: np.ndarray
    """Publication time in days, else the latest date its text gives (NaN when neither)."""


def distinctive(q: Quantity) -> bool:
    """A figure few other events share: three significant digits or more, or a fraction (632, 2,059,
    11,300, 6.8; not 300, 1,500 or 12), and not a range."""
    if q.modifier == "range":
        return False
    return q.value % 1 != 0 or (q.value >= 100 and len(str(int(q.value)).rstrip("0")) >= 3)


def profile(articles: list[Article], claims: list[Claim], vectors: np.ndarray) -> Profiles:
    """Article profiles from their claims; background claims count only when an article has nothing else."""
    rows = {a.id: n for n, a in enumerate(articles)}
    sums = np.zeros((len(articles), vectors.shape[1]), dtype=np.float32)
    background = np.zeros_like(sums)
    names: dict[str, int] = {}
    countries: dict[str, int] = {}
    numbers: dict[float, int] = {}
    marks: list[tuple[int, int, bool]] = []
    figures: list[tuple[int, int]] = []
    for claim, vector in zip(claims, vectors):
        row = rows[claim.article]
        (background if claim.background else sums)[row] += vector
        for q in [] if claim.background else claim.of_type(Quantity):
            if distinctive(q):
                figures.append((row, numbers.setdefault(q.value, len(numbers))))
        for place in [] if claim.background else claim.of_type(Place):
            if place.kind != "country":
                marks.append((row, names.setdefault(place.name, len(names)), False))
            if place.country and place.rule != GEONAMES:
                marks.append((row, countries.setdefault(place.country, len(countries)), True))
    sums = np.where(np.any(sums, axis=1, keepdims=True), sums, background)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    named = np.zeros((len(articles), max(len(names), 1)), dtype=np.float32)
    national = np.zeros((len(articles), max(len(countries), 1)), dtype=np.float32)
    for row, column, is_country in marks:
        (national if is_country else named)[row, column] = 1
    given = np.zeros((len(articles), max(len(numbers), 1)), dtype=np.float32)
    for row, column in figures:
        given[row, column] = 1
    days = np.array([a.published.timestamp() / 86400 if a.published else np.nan for a in articles], dtype=np.float32)
    for row, day in text_dates(claims, rows).items():
        if np.isnan(days[row]):
            days[row] = day
    english = np.array([language_of(a.text) in ("en", None) for a in articles])
    return Profiles(sums / np.where(norms == 0, 1, norms), named, national, given, english, days)


def text_dates(claims: list[Claim], rows: dict[str, int]) -> dict[int, float]:
    """For each article, the latest date its lead (first three sentences) gives with a year and a
    month (the 15th when no day): when an article carries no publication time, its text dates
    it. Only the lead: further down, reports recall old dates ("since the attacks of 2001")."""
    latest: dict[int, float] = {}
    for claim in claims:
        if claim.background or claim.index >= LEAD or claim.part != "body":
            continue
        for t in claim.of_type(TimeRef):
            if t.year is not None and t.month is not None:
                day = datetime(t.year, t.month, t.day or 15, tzinfo=UTC).timestamp() / 86400
                row = rows[claim.article]
                latest[row] = max(latest.get(row, day), day)
    return latest


def similarity(rows: slice | np.ndarray, columns: slice | np.ndarray, p: Profiles, settings: ClusterSettings) -> np.ndarray:
    """A block of the article similarity matrix: cosine, plus a shared place, minus another country or time.

    Built in place in one scratch matrix: a block may span a large event's every article."""
    score = p.unit[rows] @ p.unit[columns].T
    unreadable = ~(p.english[rows, None] & p.english[None, columns])
    score[unreadable] = settings.other_language
    scratch = p.named[rows] @ p.named[columns].T
    np.minimum(scratch, 1, out=scratch)
    scratch *= settings.shared_place
    score += scratch
    np.matmul(p.figures[rows], p.figures[columns].T, out=scratch)
    np.minimum(scratch, 2, out=scratch)
    scratch *= settings.shared_figure
    score += scratch
    has_country = p.national.any(axis=1)
    np.matmul(p.national[rows], p.national[columns].T, out=scratch)
    apart = scratch == 0
    apart &= has_country[rows, None]
    apart &= has_country[None, columns]
    # countries are read by their English names: in other languages ("Marruecos") a country
    # not found in common says nothing
    apart &= ~unreadable
    score -= np.multiply(apart, settings.other_country, out=scratch)
    np.subtract(p.days[rows, None], p.days[None, columns], out=scratch)
    with np.errstate(invalid="ignore"):
        np.greater(np.abs(scratch, out=scratch), settings.days_apart, out=apart)
    score -= np.multiply(apart, settings.other_time, out=scratch)
    np.subtract(p.days[rows, None], p.days[None, columns], out=scratch)
    with np.errstate(invalid="ignore"):
        np.greater(np.abs(scratch, out=scratch), settings.never_apart, out=apart)
    score -= np.multiply(apart, NEVER, out=scratch)
    return score


def cluster_events(
    articles: list[Article], claims: list[Claim], vectors: np.ndarray, settings: ClusterSettings = ClusterSettings()
) -> list[tuple[str, ...]]:
    """Article ids grouped by event, each group and the list in the order the articles came."""
    if len(articles) < 2 or len(vectors) == 0:
        return [(a.id,) for a in articles]
    profiles = profile(articles, claims, vectors)
    sets = DisjointSets(len(articles))
    for start in range(0, len(articles), BLOCK):
        block = similarity(slice(start, start + BLOCK), slice(None), profiles, settings)
        for i, j in zip(*np.nonzero(block >= settings.same_event)):
            sets.union(start + int(i), int(j))
    components: dict[int, list[int]] = {}
    for i in range(len(articles)):
        components.setdefault(sets.find(i), []).append(i)
    events = []
    for members in components.values():
        events.extend(split_by_average_linkage(members, profiles, settings))
    return [tuple(articles[i].id for i in event) for event in sorted(join_lone(events, profiles, settings), key=min)]


def join_lone(events: list[list[int]], profiles: Profiles, settings: ClusterSettings) -> list[list[int]]:
    """Each lone article added to the event of several articles it is most alike, on average,
    when that reaches `settings.lone` and no other event comes within `settings.lone_margin`
    (an article the model cannot read scores alike with every event, and joins none). Each is
    judged against the events as the thresholds made them, a block of lone articles at a time."""
    groups = [e for e in events if len(e) > 1]
    lone = [e[0] for e in events if len(e) == 1]
    if not groups or not lone:
        return events
    grouped = np.array([i for g in groups for i in g])
    starts = np.cumsum([0] + [len(g) for g in groups[:-1]])
    sizes = np.array([len(g) for g in groups], dtype=np.float32)
    joined: dict[int, list[int]] = {}
    for start in range(0, len(lone), BLOCK):
        rows = np.array(lone[start : start + BLOCK])
        means = np.add.reduceat(similarity(rows, grouped, profiles, settings), starts, axis=1) / sizes
        ranked = np.sort(means, axis=1)
        second = ranked[:, -2] if len(groups) > 1 else np.full(len(rows), -NEVER)
        for row, best, top, runner in zip(rows, means.argmax(axis=1), ranked[:, -1], second):
            if top >= settings.lone and top - runner >= settings.lone_margin:
                joined.setdefault(int(best), []).append(int(row))
    merged = [sorted(g + joined.get(n, [])) for n, g in enumerate(groups)]
    placed = {i for extra in joined.values() for i in extra}
    return merged + [[i] for i in lone if i not in placed]


def split_by_average_linkage(members: list[int], profiles: Profiles, settings: ClusterSettings) -> list[list[int]]:
    """A connected component cut where the average similarity between its parts falls below the threshold."""
    if len(members) < 3:
        return [members]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    index = np.array(members)
    distance = similarity(index, index, profiles, settings)
    np.subtract(1 + settings.shared_place, distance, out=distance)
    np.clip(distance, 0, None, out=distance)
    np.fill_diagonal(distance, 0)
    condensed = squareform(distance, checks=False)
    del distance  # a large event's square matrix is not kept beside its condensed copy
    labels = fcluster(
        linkage(condensed, method="average"),
        t=1 + settings.shared_place - settings.same_event,
        criterion="distance",
    )
    parts: dict[int, list[int]] = {}
    for member, label in zip(members, labels):
        parts.setdefault(int(label), []).append(member)
    return list(parts.values())


def lone_notes(events: list[tuple[str, ...]]) -> list[str]:
    """A note for each article that is the only report of its event (its headings and captions are still checked)."""
    return [f"{event[0]} is the only report of its event: no other report to compare it with." for event in events if len(event) == 1]
