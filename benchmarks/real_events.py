"""Score factcheck on real coverage: a folder of events, each against its gold file.

    python benchmarks/real_events.py --corpus /work/devset [--gold benchmarks/real_events]
                                     [--events a,b] [--skip c,d] [--mixed] [--details] [--near] [--drafts]

`--corpus` holds one folder per event (the third-party texts, kept out of git and rebuilt
from each event's `sources.toml`); `--gold` one folder per event with its `gold.toml`.
Scoring is the project's rule (tests/test_sample_gold.py): a gold discrepancy is found
when a finding of its kind cites, for every side, a claim of that file containing the
side's quote; it scores 1 with the gold status, 0.5 with the other. `found_any2` counts
a finding of the kind citing at least two sides (a looser view of long timelines). A trap
is hit when a conflict that is no gold discrepancy cites all its sides. `citations` is
the share of cited claims whose span round-trips to the file's characters.

`--mixed` checks every event's files as one folder and counts findings whose claims come
from two events (they should be none) and events the clustering split.

`--near` prints, for each gold discrepancy not fully found, the finding of its kind that
cites the most sides, and for each side it misses the claim holding the quote with the
frames read from it (or that no claim holds it): where to look next.

`--drafts` checks each event's `draft.md` (an editor's draft written here, with planted
errors) against the event's texts and scores its verdicts against `draft_gold.toml`:
verdicts right, and wrong *supported* (the worst answer: it should be none).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import tomllib
from pathlib import Path

from tabulate import tabulate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def cites(finding: dict, sides: list[dict], at_least: int | None = None) -> bool:
    hit = sum(any(c["article"] == s["doc"] and s["quote"] in c["text"] for c in finding["claims"]) for s in sides)
    return hit >= (len(sides) if at_least is None else min(at_least, len(sides)))


def score(report: dict, gold: dict) -> dict:
    """One event's figures (see the module docstring)."""
    findings = report["discrepancies"]

    def is_gold(d: dict) -> bool:
        return any(d["kind"] == g["kind"] and cites(d, g["sides"]) for g in gold["discrepancy"])

    found, loose, rows = 0.0, 0, []
    for g in gold["discrepancy"]:
        matches = [d for d in findings if d["kind"] == g["kind"] and cites(d, g["sides"])]
        points = 1.0 if any(d["status"] == g["status"] for d in matches) else 0.5 if matches else 0.0
        found += points
        loose += any(d["kind"] == g["kind"] and cites(d, g["sides"], 2) for d in findings)
        rows.append((g["id"], g["kind"], g["status"], points))
    conflicts = [d for d in findings if d["status"] == "conflict"]
    traps = [t["id"] for t in gold.get("trap", []) if any(cites(d, t["sides"]) for d in conflicts if not is_gold(d))]
    cited = [c for d in findings for c in d["claims"]]
    return {
        "required": len(gold["discrepancy"]),
        "found": found,
        "found_any2": loose,
        "traps": len(gold.get("trap", [])),
        "traps_hit": len(traps),
        "conflicts": len(conflicts),
        "findings": len(findings),
        "cited": len(cited),
        "round_trip": sum(c["round_trip"] for c in cited),
        "rows": rows,
        "traps_hit_ids": traps,
    }


def round_trips(report: dict, texts: dict[str, str]) -> None:
    """Mark each cited claim with whether its span is the file's characters."""
    for d in report["discrepancies"]:
        for c in d["claims"]:
            c["round_trip"] = texts.get(c["article"], "")[c["start"] : c["end"]] == c["text"]


def run(folders: list[Path], encoder, draft: Path | None = None):
    """The check's result and its JSON report, each citation marked with its round trip."""
    from factcheck.pipeline import CheckOptions, check
    from factcheck.report import render_json

    result = check(folders, draft=draft, options=CheckOptions(cache=False), encoder=encoder)
    report = json.loads(render_json(result))
    round_trips(report, {a.id: a.text for a in result.articles})
    return result, report


def near(event: str, result, report: dict, gold: dict) -> None:
    """Each gold discrepancy not fully found: the closest finding and what its missing sides read as."""
    for g in gold["discrepancy"]:
        same_kind = [d for d in report["discrepancies"] if d["kind"] == g["kind"]]
        if any(d["status"] == g["status"] and cites(d, g["sides"]) for d in same_kind):
            continue
        best = max(same_kind, key=lambda d: sum(cites(d, [s]) for s in g["sides"]), default=None)
        hits = [s for s in g["sides"] if best and cites(best, [s])]
        label = f"{best['id']} {best['status']} {best['topic']!r}" if best and hits else "no finding"
        print(f"{event}\t{g['id']}\t{g['status']}\tclosest: {label}, {len(hits)}/{len(g['sides'])} sides")
        for side in (s for s in g["sides"] if s not in hits):
            claim = next((c for c in result.claims if c.article == side["doc"] and side["quote"] in c.text), None)
            frames = "no claim" if claim is None else "; ".join(
                f"{f.role}/{f.entity}={f.fact.text!r}{'' if f.polarity == 'stated' else ' ' + f.polarity}" for f in claim.frames
            ) or "no frames"
            print(f"\t  missing {side['doc']}: {side['quote']!r} -> {frames}")


def mixed(events: list[str], corpus: Path, encoder) -> dict:
    """All events' files in one folder: findings across events, events split apart."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        owner: dict[str, str] = {}
        manifest = []
        for event in events:
            meta = tomllib.loads((corpus / event / "manifest.toml").read_text("utf-8"))
            for entry in meta["article"]:
                name = f"{event}--{entry['file']}"
                (folder / name).write_text((corpus / event / entry["file"]).read_text("utf-8"), encoding="utf-8")
                owner[Path(name).stem] = event
                manifest.append({**entry, "file": name})
        (folder / "manifest.toml").write_text(toml_articles(manifest), encoding="utf-8")
        _, report = run([folder], encoder)
    across = [d for d in report["discrepancies"] if len({owner[c["article"]] for c in d["claims"]}) > 1]
    clusters = [{owner[a] for a in event} for event in report["events"]]
    split = {event: sum(event in c for c in clusters) for event in events}
    return {
        "findings": len(report["discrepancies"]),
        "across_events": len(across),
        "clusters": len(clusters),
        "clusters_mixing_events": sum(len(c) > 1 for c in clusters),
        "events_split": {e: n for e, n in split.items() if n > 1},
    }


def drafts(events: list[str], corpus: Path, gold: Path, encoder, details: bool) -> dict:
    """Each event's draft against its texts: verdicts right, wrong *supported*."""
    right = wrong_supported = total = 0
    for event in (e for e in events if (gold / e / "draft_gold.toml").exists()):
        expected = tomllib.loads((gold / event / "draft_gold.toml").read_text("utf-8"))["verdict"]
        _, report = run([corpus / event], encoder, draft=gold / event / "draft.md")
        claims = report["draft"]["claims"]
        for item in expected:
            got = next((c["verdict"] for c in claims if item["claim"] in c["text"]), "not checked")
            total += 1
            right += got == item["verdict"]
            wrong_supported += got == "supported" != item["verdict"]
            if details:
                print(event, item["claim"], item["verdict"], got, sep="\t")
    return {"verdicts": total, "right": right, "wrong_supported": wrong_supported}


def toml_articles(entries: list[dict]) -> str:
    lines = []
    for entry in entries:
        lines.append("[[article]]")
        lines += [f"{key} = {json.dumps(value) if isinstance(value, str) else value.isoformat()}" for key, value in entry.items()]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--gold", type=Path, default=Path(__file__).parent / "real_events")
    parser.add_argument("--events", default="", help="comma-separated event folders (default: every gold folder)")
    parser.add_argument("--skip", default="", help="comma-separated event folders to leave out")
    parser.add_argument("--mixed", action="store_true", help="also check all events as one folder")
    parser.add_argument("--details", action="store_true", help="print each gold item's score and the traps hit")
    parser.add_argument("--near", action="store_true", help="print what each gold item not found misses")
    parser.add_argument("--drafts", action="store_true", help="also score each event's draft verdicts")
    args = parser.parse_args()
    from factcheck.embed import DEFAULT_MODEL, SentenceTransformerEncoder

    events = [e for e in args.events.split(",") if e] or sorted(p.name for p in args.gold.iterdir() if (p / "gold.toml").exists())
    events = [e for e in events if e not in args.skip.split(",") and (args.corpus / e).is_dir()]
    encoder = SentenceTransformerEncoder(DEFAULT_MODEL)
    table, total = [], {}
    for event in events:
        gold = tomllib.loads((args.gold / event / "gold.toml").read_text("utf-8"))
        result, report = run([args.corpus / event], encoder)
        figures = score(report, gold)
        if args.near:
            near(event, result, report, gold)
        if args.details:
            for row in figures["rows"]:
                print(event, *row, sep="\t")
            print(event, "traps hit:", ", ".join(figures["traps_hit_ids"]) or "none", sep="\t")
        for key, value in figures.items():
            if isinstance(value, (int, float)):
                total[key] = total.get(key, 0) + value
        table.append([event, *(figures[k] for k in COLUMNS)])
    table.append(["total", *(total.get(k, 0) for k in COLUMNS)])
    print(tabulate(table, headers=["event", *COLUMNS]))
    summary = {
        "events": len(events),
        "recall": round(total["found"] / total["required"], 3),
        "recall_any2": round(total["found_any2"] / total["required"], 3),
        "traps_hit": round(total["traps_hit"] / total["traps"], 3),
        "conflicts_per_required": round(total["conflicts"] / total["required"], 2),
        "citations_round_trip": round(total["round_trip"] / total["cited"], 3) if total["cited"] else 1.0,
    }
    if args.mixed:
        summary["mixed"] = mixed(events, args.corpus, encoder)
    if args.drafts:
        summary["drafts"] = drafts(events, args.corpus, args.gold, encoder, args.details)
    print(json.dumps(summary))


COLUMNS = ("required", "found", "found_any2", "traps", "traps_hit", "conflicts", "findings")

if __name__ == "__main__":
    main()
