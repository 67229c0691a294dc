"""Check one event's rebuilt texts and write their manifest.

    python benchmarks/rebuild_check.py EVENT --corpus /work/devset [--gold benchmarks/real_events]

The texts are third-party and never committed: a session rebuilds them from the event's
`sources.toml` (each file's URL and the `pages` query that finds it; the text is the
excerpt verbatim, a leading " date YYYY-MM-DD " moved to `published`; see
`real_events/BRIEF.md`). This writes the event's `manifest.toml` (sources.toml without
url and query), lists files still missing, and checks that every quote of `gold.toml`
occurs verbatim in its file: a quote not found means a text was not rebuilt exactly.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_events import toml_articles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("event")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--gold", type=Path, default=Path(__file__).parent / "real_events")
    args = parser.parse_args()
    sources = tomllib.loads((args.gold / args.event / "sources.toml").read_text("utf-8"))["article"]
    gold = tomllib.loads((args.gold / args.event / "gold.toml").read_text("utf-8"))
    folder = args.corpus / args.event
    folder.mkdir(parents=True, exist_ok=True)
    problems = [f"missing {a['file']} ({a['url']})" for a in sources if not (folder / a["file"]).exists()]
    entries = [{k: v for k, v in a.items() if k not in ("url", "query")} for a in sources]
    (folder / "manifest.toml").write_text(toml_articles(entries), encoding="utf-8")
    for item in [*gold["discrepancy"], *gold.get("trap", [])]:
        for side in item["sides"]:
            path = folder / f"{side['doc']}.txt"
            if path.exists() and side["quote"] not in path.read_text("utf-8"):
                problems.append(f"quote not found: {item['id']} {side['doc']} {side['quote']!r}")
    print("\n".join(problems) or f"{args.event} OK")


if __name__ == "__main__":
    main()
