"""The markdown report an editor reads before publishing.

Article text is untrusted: every quote goes through `escape` so that no pipe,
backtick, tag or link in an article can break a table or become live markup.
"""

from __future__ import annotations

import re
from collections import Counter

from tabulate import tabulate

from factcheck import __version__
from factcheck.report.labels import side_label, speakers
from factcheck.rules import RULES
from factcheck.rules.common import SEVERITIES
from factcheck.checkworthy import is_check_worthy
from factcheck.types import Article, CheckResult, Claim, Discrepancy, Fact, Revision

INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
BLOCK_START = re.compile(r"^(\d*)([#+=.)-])")
BETWEEN = {
    "outlets": "between outlets",
    "versions": "between versions of one story",
    "article": "inside one article (a caption or heading against its body)",
    "draft": "between the draft and the sources",
}
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
    before, words, after = claim.text[:a], claim.text[a:b], claim.text[b:]
    gap_before = " " if before[-1:].isspace() else ""
    gap_after = " " if after[:1].isspace() else ""
    return f"{escape(before)}{gap_before}**{escape(words)}**{gap_after}{escape(after)}".strip()


def table(rows: list[list[str]], headers: list[str]) -> str:
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


def render_markdown(result: CheckResult) -> str:
    articles = {a.id: a for a in result.articles}
    numbered = list(enumerate(result.discrepancies, 1))
    parts = [
        "# factcheck report",
        f"factcheck {__version__}; embedding model `{escape(result.model)}`.",
        *[f"> {escape(note)}" for note in result.notes],
        *[f"> Skipped: {escape(item)}" for item in result.skipped],
        "## What was compared",
        compared(result),
        *events(result, articles),
        "## Summary",
        summary(result.discrepancies),
    ]
    if any(a.role == "draft" for a in result.articles):
        parts += ["## Your draft", draft_section(result, articles)]
    conflicts = [entry(n, d, articles) for n, d in numbered if d.status == "conflict" and d.between != "versions"]
    parts += ["## Discrepancies", *(conflicts or ["No conflicts were found."])]
    corrections = [entry(n, d, articles) for n, d in numbered if d.status == "conflict" and d.between == "versions"]
    if corrections or result.revisions:
        parts += ["## Corrections between versions", *corrections]
        parts += [revision_section(r, articles) for r in result.revisions]
    explained = [entry(n, d, articles) for n, d in numbered if d.status == "explained"]
    parts += ["## Differences that are explained", *(explained or ["None."])]
    parts += ["## What the sources agree on", agreement_section(result, articles)]
    parts += ["## Claims only one source makes", single_source(result, articles)]
    return "\n\n".join(parts) + "\n"


def events(result: CheckResult, articles: dict[str, Article]) -> list[str]:
    """A section per event when the folder held more than one: its files, and the findings
    that concern it, by number (each finding's claims lie in one event)."""
    if len(result.events) < 2:
        return []
    drafts = {a.id for a in result.articles if a.role == "draft"}
    event_of = {i: n for n, event in enumerate(result.events) for i in event if i not in drafts}
    found_in: dict[int, list[tuple[int, Discrepancy]]] = {}
    for k, d in enumerate(result.discrepancies, 1):
        n = next((event_of[s.claim.article] for s in d.sides if s.claim.article in event_of), None)
        found_in.setdefault(n, []).append((k, d))  # None: inside the draft, which spans every event
    parts = ["## Events", "The articles report several events; each is compared only within itself."]
    for n, event in enumerate(result.events):
        sources = [i for i in event if i not in drafts]
        parts.append(f"### Event {n + 1}: {escape(', '.join(articles[i].path.name for i in sources))}")
        found = found_in.get(n, [])
        if found:
            by_status = {
                status: ", ".join(f"D{k}" for k, d in found if d.status == status) for status in ("conflict", "explained")
            }
            parts.append("; ".join(f"{status}s: {numbers}" for status, numbers in by_status.items() if numbers) + ".")
        elif len(sources) == 1:
            parts.append("The only report of this event: no other report to compare it with.")
        else:
            parts.append("No discrepancies.")
    return parts


def draft_section(result: CheckResult, articles: dict[str, Article]) -> str:
    """The draft's claims, contradicted first, then unsupported, then supported."""
    rows = []
    for verdict in ("contradicted", "unsupported", "supported"):
        for v in (v for v in result.draft if v.verdict == verdict):
            if v.discrepancies:
                detail = ", ".join(f"D{n + 1}" for n in v.discrepancies)
            elif v.unsupported:
                detail = "no source gives " + ", ".join(f"“{escape(value)}”" for value in v.unsupported)
            else:
                detail = escape(", ".join(sorted({articles[i].outlet for i in v.supported_by})))
            rows.append([f"**{verdict}**" if verdict != "supported" else verdict, escape(v.claim.text), detail, citation(v.claim, articles)])
    return table(rows, ["Verdict", "Draft says", "Findings / supported by", "Citation"]) if rows else "No check-worthy claims."


def revision_section(revision: Revision, articles: dict[str, Article]) -> str:
    earlier, later = articles[revision.earlier], articles[revision.later]
    head = f"### What {escape(revision.outlet)} changed from {escape(earlier.path.name)} to {escape(later.path.name)}"
    rows = [["removed", escape(c.text), citation(c, articles)] for c in revision.removed]
    rows += [["added", escape(c.text), citation(c, articles)] for c in revision.added]
    body = table(rows, ["Change", "Claim", "Citation"]) if rows else "No check-worthy claim was added or removed."
    return f"{head}\n\nCross-outlet findings may cite either version; the later one is the outlet's current account.\n\n{body}"


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
        [
            escape(side_label(articles[s.claim.article], s.claim)),
            escape("; ".join(speakers(s.claim)) or "the outlet itself"),
            escape(s.value),
            quoted(s.claim, s.fact),
            citation(s.claim, articles),
        ]
        for s in d.sides
    ]
    return "\n\n".join(
        [
            f"### D{number}. {escape(d.topic)} ({d.kind}, {d.severity}, {d.status})",
            escape(d.explanation),
            table(rows, ["Outlet", "Attributed to", "Says", "Their words", "Citation"]),
            f"Rule `{d.rule}` ({rule.name}); {BETWEEN[d.between]}. `factcheck rules {d.rule}` explains it.",
        ]
    )


def agreement_section(result: CheckResult, articles: dict[str, Article]) -> str:
    """Statements several outlets make alike, with how many of them are independent."""
    rows = []
    for agreement in result.agreements:
        lead = agreement.claims[0]
        said = f"{escape(', '.join(agreement.outlets))} ({agreement.independent} independent)"
        rows.append([escape(lead.text), said, citation(lead, articles)])
    text = table(rows, ["Claim", "Said by", "First citation"]) if rows else "Nothing beyond the disputed points."
    copies = [f"{escape(articles[a].outlet)} and {escape(articles[b].outlet)}" for a, b in result.wire_copies]
    if copies:
        text += "\n\nThese carry one text nearly word for word (a wire copy) and count once: " + "; ".join(copies) + "."
    return text


def single_source(result: CheckResult, articles: dict[str, Article]) -> str:
    """Check-worthy claims (carrying a fact) that no other article's claim was aligned with."""
    grouped = {(c.article, c.start) for g in result.groups for c in g.claims}
    drafts = {a.id for a in result.articles if a.role == "draft"}
    rows = [
        [escape(articles[c.article].outlet), escape(c.text), citation(c, articles)]
        for c in result.claims
        if is_check_worthy(c) and not c.background and c.article not in drafts and (c.article, c.start) not in grouped
    ]
    return table(rows, ["Outlet", "Claim", "Citation"]) if rows else "None."


