"""The whole check as one plain function: files in, a `CheckResult` out.

The CLI and the tests call `check`; each stage is a function of its own module.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import numpy as np

from factcheck.align import AlignSettings, align_claims, by_event
from factcheck.background import mark_background
from factcheck.cache import CachedEncoder, code_key, remembered
from factcheck.cluster import cluster_events, lone_notes
from factcheck.extract.named_events import with_named_events
from factcheck.corroboration import agreements, wire_copies
from factcheck.disjoint import DisjointSets
from factcheck.draft import draft_verdicts
from factcheck.embed import DEFAULT_MODEL, Encoder, SentenceTransformerEncoder
from factcheck.errors import InputError
from factcheck.extract import extract_facts
from factcheck.facts.frames import with_frames
from factcheck.facts.slots import Event, event_of
from factcheck.ingest import read_article, read_sources, reading_notes
from factcheck.progress import Stages
from factcheck.rules import RULES, select_rules
from factcheck.rules.common import SEVERITIES, RuleContext
from factcheck.segment import segment
from factcheck.types import Article, CheckResult, Claim, ClaimGroup, Discrepancy
from factcheck.versions import revisions

KIND_ORDER = ("casualty", "numeric", "event_type", "temporal", "location", "attribution", "other")
STATUS_ORDER = ("conflict", "explained")
Compared = tuple[list[ClaimGroup], list[Discrepancy], Event]
"""An event's groups of aligned claims, what the rules found in them, and its slots."""
EMBED_BATCH = 1024
"""Texts per call to the encoder: a progress step, large enough to keep the model's batches full."""


@dataclass(frozen=True)
class CheckOptions:
    model: str = DEFAULT_MODEL
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    default_zone: str | None = None
    align: AlignSettings = field(default_factory=AlignSettings)
    cache: bool = True
    """Keep embeddings, claims and findings on disk (see `factcheck.cache`): a rerun loads no model."""


def claims_of(article: Article) -> list[Claim]:
    """An article's claims with their facts, background marked."""
    claims = [replace(c, facts=extract_facts(c.text, c.start)) for c in segment(article)]
    return with_frames(mark_background(with_named_events(claims)))


def check(
    paths: list[Path],
    draft: Path | None = None,
    options: CheckOptions = CheckOptions(),
    encoder: Encoder | None = None,
    stages: Stages | None = None,
) -> CheckResult:
    stages = stages or Stages()
    with stages.stage("read"):
        articles, skipped = read_sources(paths)
    if draft is not None:
        articles = [a for a in articles if a.path.resolve() != draft.resolve()]
        mine = read_article(draft, role="draft")
        twin = next((a for a in articles if a.id == mine.id), None)
        if twin is not None:
            raise InputError(draft, f"has the same name as the source {twin.path}; rename one so citations can tell them apart")
        articles.append(mine)
    track = partial(stages.track, "extract")
    if options.cache:
        keys = [code_key(pickle.dumps((a.id, a.text))) for a in articles]
        per_article = remembered("claims", keys, lambda n: claims_of(articles[n]), track=track)
    else:
        per_article = [claims_of(a) for a in track(articles)]
    claims = [claim for article_claims in per_article for claim in article_claims]
    notes = reading_notes(articles, claims)
    if len(articles) < 2:
        notes.append("Only one article was given: there is no other report to compare it with.")
    if encoder is None:
        model = SentenceTransformerEncoder(options.model)
        encoder = CachedEncoder(model) if options.cache else model
    events = [tuple(a.id for a in articles)]
    vectors = np.zeros((0, 0), dtype=np.float32)
    context = RuleContext(
        articles={a.id: a for a in articles},
        default_zone=options.default_zone,
        paraphrase=options.align.same_text,
        claims=tuple(claims),
    )
    compared: list[Compared] = []
    if claims and (len(articles) >= 2 or any(c.part != "body" for c in claims)):
        texts = [c.text for c in claims]
        vectors = np.vstack([encoder.encode(list(b)) for b in stages.batches("embed", texts, EMBED_BATCH)])
        with stages.stage("cluster"):
            spoken = {c.article for c in claims}
            events = with_draft(cluster_events([a for a in articles if a.id in spoken], claims, vectors), articles)
        if len(articles) >= 2:
            notes.extend(lone_notes(events))
        compared = compare_events(claims, vectors, events, context, options, encoder, stages)
    groups = [group for event_groups, _, _ in compared for group in event_groups]
    found = order(merge([d for _, event_found, _ in compared for d in event_found]))
    same_text = options.align.same_text
    draft_article = next((a for a in articles if a.role == "draft"), None)
    wire = wire_copies(articles, claims, vectors, events) if len(vectors) else []
    disputed = {(s.claim.article, s.claim.start) for d in found for s in d.sides}
    return CheckResult(
        articles=tuple(articles),
        claims=tuple(claims),
        groups=tuple(groups),
        discrepancies=tuple(found),
        model=options.model,
        paraphrase=same_text,
        notes=tuple(notes),
        skipped=tuple(skipped),
        events=tuple(events),
        draft=tuple(draft_verdicts(draft_article.id, claims, groups, [e for _, _, e in compared], found, context, options.align))
        if draft_article
        else (),
        revisions=tuple(revisions(articles, events, claims, vectors, same_text)) if len(vectors) else (),
        agreements=tuple(agreements(groups, context.articles, wire, same_text, disputed)),
        wire_copies=tuple(wire),
    )


def compare_events(
    claims: list[Claim],
    vectors: np.ndarray,
    events: list[tuple[str, ...]],
    context: RuleContext,
    options: CheckOptions,
    encoder: Encoder,
    stages: Stages,
) -> list[Compared]:
    """Each event's claims aligned, its groups and slots checked by the rules, remembered per event.

    An event's findings depend only on its articles, the tool and the settings: a
    rerun after editing one article recomputes that article's events alone.
    """
    rules = select_rules(list(options.select), list(options.ignore))
    indices = by_event(claims, events)

    def compare(n: int) -> Compared:
        members = [claims[k] for k in indices[n]]
        groups = align_claims(members, vectors[indices[n]], options.align)
        event = event_of(members, encoder.encode)
        found = [d for rule in rules if rule.on == "groups" for group in groups for d in rule.check(group, context)]
        return groups, found + [d for rule in rules if rule.on == "slots" for d in rule.check(event, context)], event

    track = partial(stages.track, "compare")
    if not options.cache:
        return [compare(n) for n in track(list(range(len(events))))]
    settings = pickle.dumps((encoder.name, [r.code for r in rules], options.default_zone, options.align))
    keys = [code_key(settings, *(pickle.dumps(context.articles[a]) for a in event)) for event in events]
    return remembered("findings", keys, compare, track=track, claims=claims)


def with_draft(events: list[tuple[str, ...]], articles: list[Article]) -> list[tuple[str, ...]]:
    """Events of the sources, the draft compared with each (an editor's draft may span several);
    a draft given alone is its own event, its headings still checked against its text."""
    drafts = tuple(a.id for a in articles if a.role == "draft")
    sources = [tuple(i for i in event if i not in drafts) for event in events]
    return [event + drafts for event in sources if event] or ([drafts] if drafts else [])


def merge(found: list[Discrepancy]) -> list[Discrepancy]:
    """One finding per disputed point: findings of one sentence rule, topic, status and
    `between` joined when they share a claim (directly or through others), in order of first
    finding. A slot rule's findings are one per slot already and are never joined."""
    sets = DisjointSets(len(found))
    first: dict[tuple, int] = {}
    for n, d in enumerate(found):
        for side in d.sides if RULES[d.rule].on == "groups" else ():
            key = (d.rule, d.topic, d.status, d.between, side.claim.article, side.claim.start)
            if key in first:
                sets.union(first[key], n)
            else:
                first[key] = n
    merged: dict[int, Discrepancy] = {}
    for n, d in enumerate(found):
        root = sets.find(n)
        merged[root] = combine(merged[root], d) if root in merged else d
    return list(merged.values())


def combine(m: Discrepancy, d: Discrepancy) -> Discrepancy:
    seen = {(s.claim.article, s.claim.start) for s in m.sides}
    extra = tuple(s for s in d.sides if (s.claim.article, s.claim.start) not in seen)
    if not extra:
        return m
    return replace(m, sides=m.sides + extra)


def order(found: list[Discrepancy]) -> list[Discrepancy]:
    """Most severe first, then by kind and by where the first side stands."""
    return sorted(
        found,
        key=lambda d: (
            STATUS_ORDER.index(d.status),
            SEVERITIES.index(d.severity),
            KIND_ORDER.index(d.kind),
            d.rule,
            d.sides[0].claim.article,
            d.sides[0].claim.start,
        ),
    )
