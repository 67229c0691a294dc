"""The markdown report an editor reads before publishing.

Article text is untrusted: every quote goes through `escape` so that no pipe,
backtick, tag or link in an article can break a table or become live markup.
"""

from __future__ import annotations

import re
from collections import Counter

from tabulate import tabulate

from factcheck import __version__
from factcheck.rules import RULES
from factcheck.rules.common import SEVERITIES
from factcheck.types import Article, CheckResult, Claim, Discrepancy, Fact

INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
BLOCK_START = re.compile(r"^(\d*)([#+=.)-])")
KINDS = ("numeric", "temporal", "event_type", "casualty", "location", "attribution", "other")


def escape(text: str) -> str:
    """Text as inert markdown: one line, HTML characters as entities, markdown punctuation backslashed.

    Inline markup (emphasis, code, links, table pipes) is escaped everywhere; block
    markup (headings, quotes, lists) only where it could start a block.
    """
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = INLINE_SPECIAL.sub(r"\\\1", text)
    return BLOCK_START.sub(r"\1\\\2", text)


def citation(claim: Claim, articles: dict[str, Article]) -> str:
    return f"{escape(articles[claim.article].path.name)} ¶{claim.paragraph}, chars {claim.start}–{claim.end}"


def quoted(claim: Claim, fact: Fact | None) -> str:
    """The sentence, with the disputed words in bold when they are known."""
    if fact is None or not claim.start <= fact.start < fact.end <= claim.end:
        return escape(claim.text)
    a, b = fact.start - claim.start, fact.end - claim.start
    return f"{escape(claim.text[:a])}**{escape(claim.text[a:b])}**{escape(claim.text[b:])}"


def table(rows: list[list[str]], headers: list[str]) -> str:
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


def render_markdown(result: CheckResult) -> str:
    articles = {a.id: a for a in result.articles}
    parts = [
        "# factcheck report",
        f"factcheck {__version__}; embedding model `{escape(result.model)}`.",
        *[f"> {escape(note)}" for note in result.notes],
        *[f"> Skipped: {escape(item)}" for item in result.skipped],
        "## What was compared",
        compared(result),
        "## Summary",
        summary(result.discrepancies),
    ]
    numbered = list(enumerate(result.discrepancies, 1))
    for heading, status, empty in (
        ("## Discrepancies", "conflict", "No conflicts were found between the sources."),
        ("## Differences that are explained", "explained", "None."),
    ):
        parts.append(heading)
        entries = [entry(n, d, articles) for n, d in numbered if d.status == status]
        parts.extend(entries or [empty])
    parts += ["## What the sources agree on", agreements(result, articles)]
    parts += ["## Claims only one source makes", single_source(result, articles)]
    return "\n\n".join(parts) + "\n"


def compared(result: CheckResult) -> str:
    counts = Counter(c.article for c in result.claims)
    rows = [
        [
            escape(a.path.name),
            escape(a.outlet),
            escape(a.title or ""),
            str(a.version or ""),
            a.role,
            a.published.isoformat() if a.published else "unknown",
            str(counts[a.id]),
        ]
        for a in result.articles
    ]
    return table(rows, ["File", "Outlet", "Title", "Version", "Role", "Published", "Claims"])


def summary(found: tuple[Discrepancy, ...]) -> str:
    conflicts = [d for d in found if d.status == "conflict"]
    counts = Counter((d.kind, d.severity) for d in conflicts)
    rows = [
        [kind, *(str(counts[(kind, s)]) for s in SEVERITIES), str(sum(counts[(kind, s)] for s in SEVERITIES))]
        for kind in KINDS
        if any(counts[(kind, s)] for s in SEVERITIES)
    ]
    explained = len(found) - len(conflicts)
    head = f"{len(conflicts)} conflict(s) and {explained} explained difference(s)."
    return head if not rows else head + "\n\n" + table(rows, ["Kind", *SEVERITIES, "Total"])


def entry(number: int, d: Discrepancy, articles: dict[str, Article]) -> str:
    rule = RULES[d.rule]
    rows = [
        [escape(articles[s.claim.article].outlet), escape(s.value), quoted(s.claim, s.fact), citation(s.claim, articles)]
        for s in d.sides
    ]
    return "\n\n".join(
        [
            f"### D{number}. {escape(d.topic)} ({d.kind}, {d.severity}, {d.status})",
            escape(d.explanation),
            table(rows, ["Outlet", "Says", "Their words", "Citation"]),
            f"Rule `{d.rule}` ({rule.name}); between {d.between}. `factcheck rules {d.rule}` explains it.",
        ]
    )


def disputed(result: CheckResult) -> set[tuple[str, int]]:
    return {(s.claim.article, s.claim.start) for d in result.discrepancies for s in d.sides}


def agreements(result: CheckResult, articles: dict[str, Article]) -> str:
    """Groups several outlets state in near-identical terms, with facts and no dispute."""
    taken = disputed(result)
    rows = []
    for group in result.groups:
        if not any(score >= result.paraphrase for *_, score in group.links):
            continue
        outlets = sorted({articles[c.article].outlet for c in group.claims})
        lead = group.claims[0]
        if len(outlets) < 2 or not lead.facts or any((c.article, c.start) in taken for c in group.claims):
            continue
        rows.append([escape(lead.text), escape(", ".join(outlets)), citation(lead, articles)])
    return table(rows, ["Claim", "Said by", "First citation"]) if rows else "Nothing beyond the disputed points."


def single_source(result: CheckResult, articles: dict[str, Article]) -> str:
    """Check-worthy claims (carrying a fact) that no other article's claim was aligned with."""
    grouped = {(c.article, c.start) for g in result.groups for c in g.claims}
    rows = [
        [escape(articles[c.article].outlet), escape(c.text), citation(c, articles)]
        for c in result.claims
        if c.facts and not c.background and (c.article, c.start) not in grouped
    ]
    return table(rows, ["Outlet", "Claim", "Citation"]) if rows else "None."


