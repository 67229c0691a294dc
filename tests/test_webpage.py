"""Saved web pages: chrome left out, metadata read, offsets into the extracted text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import InputError
from factcheck.ingest import read_article, read_articles
from factcheck.pipeline import CheckOptions, check, claims_of
from factcheck.webpage import extract_page

PAGES = Path(__file__).parent / "webpages"
HERALD = PAGES / "valley_herald.html"
"""A full news page: cookie banner, header, navigation, script, byline, meta tags, side list, footer."""
POST = PAGES / "coastline_post.htm"
"""A bare page with no site name, from another outlet, giving a different evacuation figure."""


@pytest.fixture(scope="module")
def herald():
    return read_article(HERALD)


@pytest.mark.parametrize(
    "chrome",
    [
        "cookies",
        "Accept all",
        "Subscribe",
        "Business",
        "window.analytics",
        "position: fixed",
        "Most read",
        "bakery",
        "All rights reserved",
        "Privacy policy",
        "By Ines Okafor",
    ],
)
def test_page_chrome_is_left_out_of_the_text(herald, chrome: str) -> None:
    assert chrome not in herald.text


def test_page_keeps_every_paragraph_of_the_article(herald) -> None:
    paragraphs = herald.text.strip().split("\n\n")
    assert paragraphs[0] == "Wildfire forces thousands to flee hill towns"
    assert paragraphs[1].startswith("A wildfire driven by strong winds")
    assert paragraphs[-1].endswith("the cause of the fire was under investigation.")
    assert len(paragraphs) == 6
    assert "<" not in herald.text


def test_page_metadata_becomes_the_articles_metadata(herald) -> None:
    assert herald.outlet == "The Valley Herald"
    assert herald.title == "Wildfire forces thousands to flee hill towns"
    assert herald.url == "https://www.valleyherald.example/news/2023/08/14/wildfire-hill-towns"
    assert herald.published is not None and herald.published.date().isoformat() == "2023-08-14"
    assert herald.id == "valley_herald"


def test_page_without_a_site_name_is_named_by_its_host() -> None:
    assert read_article(POST).outlet == "coastlinepost.example"


def test_manifest_outranks_what_the_page_declares(tmp_path: Path) -> None:
    shutil.copy(HERALD, tmp_path / "page.html")
    (tmp_path / "manifest.toml").write_text('[[article]]\nfile = "page.html"\noutlet = "Herald (print)"\n', "utf-8")
    article = read_article(tmp_path / "page.html")
    assert article.outlet == "Herald (print)"
    assert article.title == "Wildfire forces thousands to flee hill towns"


def test_claims_and_facts_cite_the_extracted_text(herald) -> None:
    claims = claims_of(herald)
    assert [c.part for c in claims] == ["body"] * 7 + ["heading"]
    assert {c.paragraph for c in claims} == {1, 2, 3, 4, 5, 6}
    for claim in claims:
        assert herald.text[claim.start : claim.end] == claim.text
        for fact in claim.facts:
            assert herald.text[fact.start : fact.end] == fact.text


def test_a_folder_reads_html_and_htm_pages() -> None:
    assert [a.id for a in read_articles([PAGES])] == ["coastline_post", "valley_herald"]


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Loading</title><script>var app = {};</script></head><body></body></html>",
        "<html><body><!-- nothing saved --></body></html>",
    ],
)
def test_a_page_with_no_article_text_is_an_input_error(tmp_path: Path, html: str) -> None:
    page = tmp_path / "empty.html"
    page.write_text(html, "utf-8")
    with pytest.raises(InputError, match="empty.html: no article text could be extracted from this page"):
        read_article(page)


def test_claims_text_prints_exactly_the_text_offsets_count_in(herald) -> None:
    result = CliRunner().invoke(app, ["claims", str(HERALD), "--text"])
    assert result.exit_code == 0
    assert result.stdout == herald.text


def test_pages_in_the_pipeline_are_compared_and_cited(encoder) -> None:
    result = check([PAGES], options=CheckOptions(cache=False), encoder=encoder)
    texts = {a.id: a.text for a in result.articles}
    figures = [d for d in result.discrepancies if d.kind == "numeric" and d.status == "conflict"]
    assert figures, "3,500 against 9,000 residents is not flagged"
    values = {side.value for side in figures[0].sides}
    assert any("3,500" in v for v in values) and any("9,000" in v for v in values)
    for discrepancy in result.discrepancies:
        for side in discrepancy.sides:
            assert texts[side.claim.article][side.claim.start : side.claim.end] == side.claim.text
            if side.fact is not None:
                assert texts[side.claim.article][side.fact.start : side.fact.end] == side.fact.text


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_extracting_any_paragraph_gives_text_or_a_clear_error(words: str) -> None:
    escaped = words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    try:
        text, meta = extract_page(Path("any.html"), f"<html><body><article><p>{escaped}</p></article></body></html>")
    except InputError as error:
        assert "no article text" in str(error)
    else:
        assert text.strip() and text.endswith("\n")
        assert set(meta) <= {"title", "outlet", "url", "published"}
