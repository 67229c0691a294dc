"""Reports: golden files of the sample, and markdown that article text cannot break."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from factcheck.pipeline import check
from factcheck.report import render_json, render_markdown
from tests.conftest import ROOT, SAMPLE

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def sample_result(encoder):
    """The sample checked from the project's root, as `make report` runs it (paths in the JSON are relative)."""
    before = Path.cwd()
    os.chdir(ROOT)
    try:
        yield check([SAMPLE.relative_to(ROOT)], encoder=encoder)
    finally:
        os.chdir(before)


@pytest.mark.parametrize(("name", "render"), [("iraq-syria-strikes-2021.md", render_markdown), ("iraq-syria-strikes-2021.json", render_json)])
def test_sample_report_matches_its_golden_file(sample_result, name: str, render) -> None:
    """Regenerate on purpose with FACTCHECK_UPDATE_GOLDEN=1; otherwise any change is a failure."""
    text = render(sample_result)
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        (GOLDEN / name).write_text(text, encoding="utf-8")
    assert text == (GOLDEN / name).read_text("utf-8")


def test_committed_sample_report_is_the_current_one(sample_result) -> None:
    assert (ROOT / "reports" / "iraq-syria-strikes-2021.md").read_text("utf-8") == render_markdown(sample_result)


def test_json_report_has_the_documented_shape(sample_result) -> None:
    report = json.loads(render_json(sample_result))
    assert set(report) >= {"tool", "model", "articles", "discrepancies"}
    assert [d["id"] for d in report["discrepancies"]] == [f"D{n}" for n in range(1, len(report["discrepancies"]) + 1)]
    for d in report["discrepancies"]:
        assert d["status"] in {"conflict", "explained"} and d["severity"] in {"high", "medium", "low"}
        assert d["between"] in {"outlets", "versions", "article", "draft"}
        assert {"article", "outlet", "text", "start", "end", "paragraph", "value"} <= set(d["claims"][0])


HOSTILE = (
    "The | pipe | table and `backticks` were in the flood report, officials said on Monday.\n\n"
    "# A heading <script>alert('x')</script> claimed 40 people died on Monday, police said.\n\n"
    "<!-- hidden --> [click](javascript:alert(1)) says 90 people died on Monday, police said.\n"
)


def test_hostile_article_text_stays_inert_in_markdown(tmp_path: Path, bag_encoder) -> None:
    (tmp_path / "a.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HOSTILE.replace("90", "12"), encoding="utf-8")
    markdown = render_markdown(check([tmp_path], encoder=bag_encoder))
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    inline = [child for t in tokens if t.children for child in t.children]
    assert not [t for t in tokens + inline if t.type in {"html_block", "html_inline"}]
    assert not [t for t in inline if t.type == "link_open" and "javascript" in t.attrs.get("href", "")]
    assert not [t for t in inline if t.type == "code_inline" and "backticks" in t.content]
    rendered = ["".join(c.content for c in t.children if c.type == "text") for t in tokens if t.children]
    assert any("The | pipe | table and `backticks`" in text for text in rendered)
    headings = [t for t in tokens if t.type == "heading_open"]
    assert all(tokens[tokens.index(h) + 1].content.startswith(("factcheck", "What", "Summary", "Discrepancies", "Differences", "Claims", "D")) for h in headings)
    rows: list[int] = []
    for t in tokens:
        if t.type == "tr_open":
            rows.append(0)
        elif t.type in {"th_open", "td_open"}:
            rows[-1] += 1
        elif t.type == "table_close":
            assert len(set(rows)) == 1, "a row of a table lost or gained a column"
            rows = []
