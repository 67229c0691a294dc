"""What every rule shares: the context it reads and how it cites a side."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TypeVar

from factcheck.extract.cities import RULE as GEONAMES
from factcheck.extract.events import happenings
from factcheck.extract.locative import locating
from factcheck.names import identifiable, same_person
from factcheck.timeline import zone_for_places
from factcheck.types import (
    Article,
    Attribution,
    Casualty,
    Claim,
    ClaimGroup,
    Discrepancy,
    EventType,
    Fact,
    Place,
    Quantity,
    Side,
)

SEVERITIES = ("high", "medium", "low")
SUMMARIES = ("heading", "caption")
"""Parts of an article that sum up its own body, and are checked against it only."""

Figure = TypeVar("Figure", Quantity, Casualty)


@dataclass(frozen=True)
class RuleContext:
    """What rules may know beyond the claims: the articles and the run's settings."""

    articles: dict[str, Article]
    default_zone: str | None = None
    paraphrase: float = 0.70
    """Similarity above which two claims are taken to restate one statement."""
    claims: tuple[Claim, ...] = ()
    """Every claim of the run, for rules that look beyond a group (an article's lead)."""

    @cached_property
    def leads(self) -> dict[str, tuple[Claim, ...]]:
        """Each article's first three claims: where a report says where its event happened."""
        leads: dict[str, list[Claim]] = {}
        for claim in self.claims:
            if claim.index < 3:
                leads.setdefault(claim.article, []).append(claim)
        return {article: tuple(claims) for article, claims in leads.items()}

    def name_sides(self, a: Claim, b: Claim) -> tuple[str, str]:
        """What an explanation, which opens with the first, calls two sides: their outlets, or
        with the version when the story has several, or inside one article their parts ("Its
        headline says …, its text says …"): "Valley Courier says …, Valley Courier says …"
        tells an editor nothing."""
        if a.article != b.article:
            return self.articles[a.article].label, self.articles[b.article].label
        first, second = self.part_name(a), self.part_name(b)
        return first[0].upper() + first[1:], second

    def part_name(self, claim: Claim) -> str:
        """ "its headline" (a heading on the article's first line), "a subheading", "a caption" or "its text"."""
        if claim.part == "caption":
            return "a caption"
        if claim.part != "heading":
            return "its text"
        article = self.articles[claim.article]
        start, end = article.headings[0]
        first = not any(s < start for s, _ in (*article.body, *article.captions))
        return "its headline" if first and start <= claim.start < end else "a subheading"


def linked_pairs(group: ClaimGroup) -> Iterator[tuple[Claim, Claim, float]]:
    """The directly aligned pairs of a group, each from two different articles."""
    for i, j, score in group.links:
        yield group.claims[i], group.claims[j], score


def between(claims: list[Claim], context: RuleContext) -> str:
    """Whom a discrepancy is between, from the articles its sides come from."""
    articles = [context.articles[c.article] for c in claims]
    if any(a.role == "draft" for a in articles):
        return "draft"
    if len({c.article for c in claims}) == 1:
        return "article"
    if len({a.outlet for a in articles}) == 1:
        return "versions"
    return "outlets"


def discrepancy(
    rule: str,
    kind: str,
    *,
    status: str,
    severity: str,
    topic: str,
    explanation: str,
    sides: list[tuple[Claim, Fact | None, str]] | list[tuple[Claim, Fact | None, str, int]],
    context: RuleContext,
) -> Discrepancy:
    """A finding from its sides: (claim, fact, value), or with the side's position (the sides
    that agree share one)."""
    return Discrepancy(
        rule=rule,
        kind=kind,
        status=status,
        severity=severity,
        between=between([side[0] for side in sides], context),
        topic=topic,
        explanation=explanation,
        sides=tuple(
            Side(claim=side[0], fact=side[1], value=side[2], position=side[3] if len(side) > 3 else None)
            for side in sides
        ),
    )


def summarizes(summary: Claim, body: Claim) -> bool:
    """Whether `summary` is a heading or caption of the article `body` is the text of."""
    return summary.article == body.article and summary.part in SUMMARIES and body.part == "body"


def as_read_against(figure: Figure, claim: Claim, other: Claim) -> Figure:
    """`figure` (of `claim`) as it is compared with `other`.

    Inside one article, a body's stated open lower bound ("at least 14 were killed")
    is the article's own best figure: its headline or caption may round it down or
    hedge it ("at least 10 dead"), not claim more ("kills 40"). So against its own
    heading or caption, the body's "at least N" (or "more than N") is read as N.
    Anywhere else, and for a vague amount ("dozens"), an open side stays open.
    """
    if figure.low is None or figure.high is not None or not summarizes(other, claim):
        return figure
    stated = [figure] if isinstance(figure, Quantity) else [
        q for q in claim.of_type(Quantity) if figure.start <= q.start and q.end <= figure.end and q.low == figure.low
    ]
    if any(q.modifier == "vague" for q in stated):
        return figure
    return replace(figure, high=figure.low)


def related(x: EventType, y: EventType) -> bool:
    """One type, or one a kind of the other ("ballistic missile" and "missile")."""
    return x.category == y.category and (x.label == y.label or x.label in y.ancestors or y.label in x.ancestors)


def located(claim: Claim) -> tuple[Place, ...]:
    """The places a claim says something happened or stands in ("in Iraq and Syria"),
    remembered on the claim: every rule that needs an event's zone asks again."""
    return claim.remembered(located, lambda: tuple(locating(claim.of_type(Place), claim.text, claim.start)))


def shared_event(a: Claim, b: Claim) -> str | None:
    """An event or weapon type both claims name (or one names a kind of the other's)."""
    for x in happenings(a.of_type(EventType)):
        for y in happenings(b.of_type(EventType)):
            if related(x, y):
                return x.label if x.label in y.ancestors or x.label == y.label else y.label
    return None


def event_zone(claims: list[Claim], context: RuleContext) -> str | None:
    """The zone where the event happened: from where the claims place it, else the articles' leads."""
    def names(cs: list[Claim]) -> list[str]:
        # a GeoNames town's country is a guess (`extract.cities.RULE`): it sets no zone
        return [n for c in cs for p in located(c) if p.rule != GEONAMES for n in (p.name, p.country) if n]

    zone = zone_for_places(names(claims))
    if zone:
        return zone
    articles = dict.fromkeys(c.article for c in claims)
    return zone_for_places(names([lead for article in articles for lead in context.leads.get(article, ())]))


def update_by_one_source(a: Claim, b: Claim, context: RuleContext) -> str | None:
    """The known source both claims quote, when they quote it at two different times
    (two publication times, or two versions of one story): its figure changed."""
    speaker = shared_speaker(a, b)
    first, second = context.articles[a.article], context.articles[b.article]
    apart = (first.published and second.published and first.published != second.published) or (
        first.outlet == second.outlet and first.version != second.version
    )
    return speaker if apart else None


def shared_speaker(a: Claim, b: Claim) -> str | None:
    """A known source both claims are attributed to, under any spelling or title, if any."""
    for x in (x for x in a.of_type(Attribution) if identifiable(x.speaker)):
        if any(same_person(x.speaker, y.speaker) for y in b.of_type(Attribution)):
            return x.speaker
    return None
