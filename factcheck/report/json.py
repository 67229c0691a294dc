"""The JSON report: a stable shape other tools read (see DESIGN.md)."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck import __version__
from factcheck.report.labels import speakers
from factcheck.types import Article, CheckResult, Claim, Discrepancy, Revision, Side


def shown_path(path: Path) -> str:
    """The path relative to the working folder when it lies inside it, so reports do not vary by machine."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def article_entry(article: Article) -> dict:
    return {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "path": shown_path(article.path),
        "published": article.published.isoformat() if article.published else None,
        "role": article.role,
        "version": article.version,
    }


def side_entry(side: Side, articles: dict[str, Article]) -> dict:
    claim = side.claim
    entry = {
        "article": claim.article,
        "outlet": articles[claim.article].outlet,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "paragraph": claim.paragraph,
        "value": side.value,
        "attributed_to": speakers(claim),
    }
    if claim.part != "body":
        entry["part"] = claim.part
    if side.fact is not None:
        entry["value_start"] = side.fact.start
        entry["value_end"] = side.fact.end
    if side.position is not None:
        entry["position"] = side.position
        entry["normalized"] = {"low": getattr(side.fact, "low", None), "high": getattr(side.fact, "high", None)}
        published = articles[claim.article].published
        entry["reported_at"] = published.isoformat() if published else None
    return entry


def discrepancy_entry(number: int, d: Discrepancy, articles: dict[str, Article]) -> dict:
    return {
        "id": f"D{number}",
        "rule": d.rule,
        "kind": d.kind,
        "status": d.status,
        "severity": d.severity,
        "between": d.between,
        "topic": d.topic,
        "explanation": d.explanation,
        "claims": [side_entry(s, articles) for s in d.sides],
    }


def claim_ref(claim: Claim) -> dict:
    return {"article": claim.article, "text": claim.text, "start": claim.start, "end": claim.end, "paragraph": claim.paragraph}


def draft_entry(result: CheckResult) -> dict | None:
    draft = next((a for a in result.articles if a.role == "draft"), None)
    if draft is None:
        return None
    return {
        "article": draft.id,
        "claims": [
            {
                **claim_ref(v.claim),
                "verdict": v.verdict,
                "discrepancies": [f"D{n + 1}" for n in v.discrepancies],
                "supported_by": list(v.supported_by),
                "unsupported_values": list(v.unsupported),
            }
            for v in result.draft
        ],
    }


def revision_entry(revision: Revision) -> dict:
    return {
        "outlet": revision.outlet,
        "earlier": revision.earlier,
        "later": revision.later,
        "removed": [claim_ref(c) for c in revision.removed],
        "added": [claim_ref(c) for c in revision.added],
    }


def report_dict(result: CheckResult) -> dict:
    articles = {a.id: a for a in result.articles}
    report = {
        "tool": {"name": "factcheck", "version": __version__},
        "model": result.model,
        "articles": [article_entry(a) for a in result.articles],
        "discrepancies": [discrepancy_entry(n, d, articles) for n, d in enumerate(result.discrepancies, 1)],
        "events": [list(event) for event in result.events],
        "versions": [revision_entry(r) for r in result.revisions],
        "wire_copies": [list(pair) for pair in result.wire_copies],
        "notes": list(result.notes),
        "skipped": list(result.skipped),
    }
    draft = draft_entry(result)
    if draft is not None:
        report["draft"] = draft
    return report


def render_json(result: CheckResult) -> str:
    return json.dumps(report_dict(result), ensure_ascii=False, indent=2) + "\n"
