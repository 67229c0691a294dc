"""The JSON report: a stable shape other tools read (see DESIGN.md)."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck import __version__
from factcheck.types import Article, CheckResult, Discrepancy, Side


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


def side_entry(side: Side, outlets: dict[str, str]) -> dict:
    claim = side.claim
    entry = {
        "article": claim.article,
        "outlet": outlets[claim.article],
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "paragraph": claim.paragraph,
        "value": side.value,
    }
    if side.fact is not None:
        entry["value_start"] = side.fact.start
        entry["value_end"] = side.fact.end
    return entry


def discrepancy_entry(number: int, d: Discrepancy, outlets: dict[str, str]) -> dict:
    return {
        "id": f"D{number}",
        "rule": d.rule,
        "kind": d.kind,
        "status": d.status,
        "severity": d.severity,
        "between": d.between,
        "topic": d.topic,
        "explanation": d.explanation,
        "claims": [side_entry(s, outlets) for s in d.sides],
    }


def report_dict(result: CheckResult) -> dict:
    outlets = {a.id: a.outlet for a in result.articles}
    return {
        "tool": {"name": "factcheck", "version": __version__},
        "model": result.model,
        "articles": [article_entry(a) for a in result.articles],
        "discrepancies": [discrepancy_entry(n, d, outlets) for n, d in enumerate(result.discrepancies, 1)],
        "notes": list(result.notes),
        "skipped": list(result.skipped),
    }


def render_json(result: CheckResult) -> str:
    return json.dumps(report_dict(result), ensure_ascii=False, indent=2) + "\n"
