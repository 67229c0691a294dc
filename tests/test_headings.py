"""Headlines and subheadings: found among page chrome by general cues, made claims, and
checked against their own article's body only (a headline that contradicts its story).

Headline style is allowed for: a rounded or earlier figure ("at least 10 dead", "dozens
hurt") that the body's count satisfies is not a conflict; a different count is.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.align import comparable_parts, paragraph_scopes
from factcheck.ingest import is_heading, layout, read_article
from factcheck.pipeline import check, claims_of
from factcheck.report import render_json, render_markdown
from factcheck.rules import RULES
from factcheck.rules.common import RuleContext
from factcheck.segment import segment
from factcheck.types import ClaimGroup, Discrepancy
from tests.conftest import BagOfWordsEncoder, make_article, rule_findings

LAYOUTS = [
    pytest.param(
        "Skip to content\nHome | World | Business | Sport | Climate\nWORLD\n\n"
        "Quake kills 12 in coastal province\n\nBy Jane Doe and Omar Said\n"
        "Updated June 3, 2024 at 4:10 p.m. EDT\n5 min read\n\n"
        "An earthquake struck the coastal province on Monday, killing 12 people, officials said.\n\n"
        "Survivors describe the moment the ground shook\n\n"
        "Residents said the shaking lasted nearly a minute.\n\n"
        "Share this article\nMost read stories\nRelated: How the region prepares for earthquakes\n",
        ["Quake kills 12 in coastal province", "Survivors describe the moment the ground shook"],
        id="news-site-with-menu-byline-and-share-bar",
    ),
    pytest.param(
        "# Bridge collapse kills 40\n\n"
        "A road bridge gave way during the evening rush hour on Tuesday, and 40 people died, police said.\n\n"
        "## Rescue teams work through the night\n\n"
        "Divers searched the river until dawn.\n",
        ["Bridge collapse kills 40", "Rescue teams work through the night"],
        id="markdown-headings",
    ),
    pytest.param(
        "LIVE\n\nFloods leave 57 dead across northern districts\n\n"
        "Tuesday, March 12, 2024\n\n"
        "Floodwaters have killed 57 people across the northern districts, the disaster agency said.\n\n"
        "Photo 1 of 12\n\nReuters / Jane Roe\n\n"
        "Three children among the dead\n\n"
        "Three of the victims were children swept away from a riverside school, officials said.\n\n"
        "Trending: Monsoon forecast\nAdvertisement\nCopyright 2024 The Daily Courier\n",
        ["Floods leave 57 dead across northern districts", "Three children among the dead"],
        id="live-page-with-gallery-credit-and-trending",
    ),
    pytest.param(
        "The Valley Courier\nMenu\n\n"
        "Dozens hurt as train derails near junction\n\n"
        "Listen to this article\n\n"
        "A passenger train left the tracks near the junction on Sunday, and 34 people were injured, the operator said.\n\n"
        "Watch: Drone footage shows the derailed carriages\n"
        "Sign up for our morning briefing\n",
        ["Dozens hurt as train derails near junction"],
        id="local-paper-with-masthead-and-video-link",
    ),
]


@pytest.mark.parametrize(("text", "headings"), LAYOUTS)
def test_headings_are_found_and_page_chrome_is_not(tmp_path: Path, text: str, headings: list[str]) -> None:
    path = tmp_path / "story.md"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    assert [article.text[s:e] for s, e in article.headings] == headings
    assert not set(article.headings) & set(article.body)


@pytest.mark.parametrize(
    "line",
    [
        "Home | World | Asia | Business",
        "WORLD",
        "BREAKING NEWS",
        "By Jane Doe and Omar Said",
        "Updated June 3, 2024 at 4:10 p.m. EDT",
        "Published 4 hours ago",
        "5 min read",
        "Photo 1 of 12",
        "Related: Storm season starts early",
        "Share this article",
        "More from Asia",
        "Credit: Staff photographer",
        "Follow us on social media",
        "Opinion: The dam should never have been built",
        "Reporting by Ana Ruiz; editing by Tom Lee",
        "Middle East",
        "Rescuers reached the village on Friday.",
    ],
)
def test_chrome_labels_and_sentences_are_not_headings(line: str) -> None:
    assert not is_heading(line)


@pytest.mark.parametrize(
    "line",
    ["Quake kills 12 in coastal province", "12 dead as ferry sinks off island", "No injuries reported", "## Death toll rises to 31"],
)
def test_claim_like_headlines_are_headings(line: str) -> None:
    assert is_heading(line)


def test_heading_claims_cite_the_file_without_the_markdown_marker(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\noutlet: Harbour Post\n---\n# Ferry sinks, 9 missing\n\nA ferry sank on Sunday, the coast guard said.\n", encoding="utf-8")
    article = read_article(path)
    heading = [c for c in claims_of(article) if c.part == "heading"]
    assert [c.text for c in heading] == ["Ferry sinks, 9 missing"]
    assert article.text[heading[0].start : heading[0].end] == heading[0].text
    assert article.title == "Ferry sinks, 9 missing"


def test_a_markdown_heading_is_a_heading_even_when_it_reads_as_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("## Divers searched the river until dawn, police said.\n\nThe search resumed at noon on Monday.\n", encoding="utf-8")
    article = read_article(path)
    assert [article.text[s:e] for s, e in article.headings] == ["Divers searched the river until dawn, police said."]
    assert [article.text[s:e] for s, e in article.body] == ["The search resumed at noon on Monday."]


def test_a_heading_is_compared_with_the_lead_it_heads_in_its_own_article_only() -> None:
    text = (
        "Stampede at stadium leaves 18 dead\n\n"
        "Eighteen people died in a crush at the stadium gates on Saturday, police said.\n\n"
        "Two of the injured died later in hospital, bringing the toll to 20.\n\n"
        "Gates were locked, fans say\n\n"
        "Several fans said the gates had been locked before kick-off.\n\n"
        "Fans queue at the gates on Saturday. (Photo: Lee Park / Daily Wire)\n"
    )
    article = make_article(text, captions=layout(text).captions, headings=layout(text).headings)
    claims = segment(article) + segment(make_article("Eighteen people died in the crush, officials said.\n", id="b"))
    assert [c.part for c in claims] == ["body", "body", "body", "caption", "heading", "heading", "body"]
    articles = np.array([0, 0, 0, 0, 0, 0, 1])
    body = np.array([c.part == "body" for c in claims])
    allowed = comparable_parts(articles, body, paragraph_scopes(claims), np.arange(len(claims)))
    assert allowed[4, 0] and not allowed[4, 1], "the headline answers for its lead, not a later update"
    assert allowed[5, 2] and not allowed[5, 0], "a subheading for the paragraph after it"
    assert allowed[3, 0] and allowed[3, 1] and allowed[3, 2], "a caption for its whole body"
    assert not allowed[4, 3] and not allowed[4, 5], "a heading is not compared with a caption or a heading"
    assert not allowed[4, 6] and allowed[0, 6], "nor with another article, whose body is"


def heading_findings(tmp_path: Path, text: str, encoder) -> list[Discrepancy]:
    """Every rule on one article, each heading linked with each body sentence: only the rules are under test."""
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    claims = claims_of(article)
    links = tuple(
        (i, j, 0.9)
        for i in range(len(claims))
        for j in range(i + 1, len(claims))
        if (claims[i].part == "heading") != (claims[j].part == "heading")
    )
    context = RuleContext(articles={article.id: article}, claims=tuple(claims))
    group = ClaimGroup(claims=tuple(claims), links=links)
    return [d for rule in RULES.values() for d in rule_findings(rule, group, context, encoder)]


CONTRADICTING = [
    pytest.param(
        "Quake kills 40 in mountain towns\n\nAn earthquake struck the mountain towns on Friday, killing 14 people, officials said.\n",
        "casualty",
        id="headline-toll-against-body-toll",
    ),
    pytest.param(
        "Ferry lists in storm off the cape\n\nA ferry listed in heavy seas off the cape on Sunday, the coast guard said.\n\n"
        "No injuries reported\n\nTwo passengers were wounded when the vessel heeled over, a hospital official said.\n",
        "casualty",
        id="subheading-no-injuries-against-two-wounded",
    ),
    pytest.param(
        "Two killed, 14 hurt as bus overturns\n\nA bus overturned on the highway on Saturday, killing 14 people and injuring two, police said.\n",
        "casualty",
        id="headline-counts-swapped",
    ),
    pytest.param(
        "One dead as bus overturns on highway\n\nA bus overturned on the highway on Saturday, killing three people, police said.\n",
        "casualty",
        id="headline-one-dead-against-three",
    ),
]


@pytest.mark.parametrize(("text", "kind"), CONTRADICTING)
def test_a_heading_that_contradicts_its_body_is_flagged_inside_the_article(tmp_path: Path, text: str, kind: str, encoder) -> None:
    found = [d for d in heading_findings(tmp_path, text, encoder) if d.status == "conflict"]
    assert found and {d.kind for d in found} == {kind}
    assert {d.between for d in found} == {"article"}
    assert all({s.claim.part for s in d.sides} == {"body", "heading"} for d in found)


SUMMARIZING = [
    pytest.param("At least 10 dead in factory fire\n\nA fire swept through a garment factory on Monday, killing 12 workers, police said.\n", id="lower-bound"),
    pytest.param("Dozens hurt as train derails\n\nA passenger train left the tracks on Sunday, and 34 people were injured, the operator said.\n", id="dozens"),
    pytest.param("Flood death toll climbs to 57\n\nA total of 57 people have died in the floods, the disaster agency said.\n", id="same-toll"),
    pytest.param("Landslide kills 9 in hill village\n\nNine villagers were killed when the hillside gave way on Thursday, officials said.\n", id="present-for-past"),
    pytest.param("Scores hurt as stands collapse\n\nAt least 60 people were injured when the stands gave way, officials said.\n", id="scores"),
    pytest.param("One dead, four hurt as bus overturns\n\nA bus overturned on Saturday, killing one person and injuring four, police said.\n", id="one-dead"),
    pytest.param("12 dead as ferry sinks off island\n\nA ferry capsized off the island on Saturday, and 12 people died, the coast guard said.\n", id="dead-as"),
]


ABOVE_THE_BODYS_LOWER_BOUND = [
    pytest.param(
        "Bridge collapse kills 40\n\nA road bridge collapsed over the river on Tuesday, and at least 14 people were killed, "
        "officials said.\n",
        "C102",
        id="headline-toll-above-the-bodys-at-least-figure",
    ),
    pytest.param(
        "At least 30 dead as floods sweep valley\n\nFloodwaters swept through the valley overnight, and at least 19 people died, "
        "the disaster agency said.\n",
        "C102",
        id="heading-lower-bound-above-body-lower-bound",
    ),
    pytest.param(
        "Wildfire destroys 300 homes\n\nThe wildfire has destroyed at least 120 homes in the hills, the fire service said.\n",
        "N101",
        id="count-of-homes",
    ),
    pytest.param(
        "Stampede at shrine leaves 25 pilgrims hurt\n\nA crush at the shrine gates on Friday injured more than 11 pilgrims, police said.\n",
        "C102",
        id="more-than-is-read-as-its-figure-too",
    ),
]


@pytest.mark.parametrize(("text", "rule"), ABOVE_THE_BODYS_LOWER_BOUND)
def test_a_heading_claiming_more_than_its_bodys_stated_lower_bound_is_flagged(tmp_path: Path, text: str, rule: str, encoder) -> None:
    found = [d for d in heading_findings(tmp_path, text, encoder) if d.status == "conflict"]
    assert [(d.rule, d.between) for d in found] == [(rule, "article")]


WITHIN_THE_BODYS_LOWER_BOUND = [
    pytest.param("At least 10 dead in factory fire\n\nA fire at the factory on Monday killed at least 12 workers, police said.\n", id="rounded-down"),
    pytest.param("Quake kills 14 in mountain towns\n\nAn earthquake on Friday killed at least 14 people, officials said.\n", id="same-figure"),
    pytest.param("Dozens hurt as train derails\n\nAt least 34 people were injured when the train left the tracks, the operator said.\n", id="dozens-over-at-least"),
    pytest.param("Flood kills 40 in delta\n\nDozens of people were killed when the river burst its banks, officials said.\n", id="vague-body-stays-open"),
    pytest.param("Fire destroys 100 homes\n\nThe fire destroyed more than 100 homes on the ridge, the fire service said.\n", id="more-than-the-same-figure"),
]


@pytest.mark.parametrize("text", SUMMARIZING + WITHIN_THE_BODYS_LOWER_BOUND)
def test_a_heading_that_rounds_summarizes_or_stays_within_its_body_is_not_flagged(tmp_path: Path, text: str, encoder) -> None:
    assert not [d for d in heading_findings(tmp_path, text, encoder) if d.status == "conflict"]


def test_an_at_least_figure_stays_open_between_outlets(encoder) -> None:
    a = make_article("A road bridge collapsed on Tuesday, and at least 14 people were killed, officials said.\n", id="a", outlet="A")
    b = make_article("A road bridge collapsed on Tuesday, and 40 people were killed, officials said.\n", id="b", outlet="B")
    claims = claims_of(a) + claims_of(b)
    context = RuleContext(articles={a.id: a, b.id: b}, claims=tuple(claims))
    group = ClaimGroup(claims=tuple(claims), links=((0, 1, 0.9),))
    assert not rule_findings(RULES["C102"], group, context, encoder) and not rule_findings(RULES["N101"], group, context, encoder)


def test_a_contradicting_headline_is_reported_end_to_end_and_labelled(tmp_path: Path) -> None:
    (tmp_path / "courier.md").write_text(
        "---\noutlet: Valley Courier\n---\n# Mine blast kills 40 workers\n\n"
        "An explosion tore through a coal mine on Friday, and 14 workers were killed, the mine operator said.\n\n"
        "Rescuers were still searching the lower shafts on Saturday.\n",
        encoding="utf-8",
    )
    (tmp_path / "wire.md").write_text(
        "---\noutlet: Wire\n---\nMine explosion kills 14\n\n"
        "An explosion in a coal mine on Friday killed 14 workers, the operator said.\n",
        encoding="utf-8",
    )
    result = check([tmp_path], encoder=BagOfWordsEncoder())
    inside = [d for d in result.discrepancies if d.between == "article"]
    assert inside and inside[0].kind == "casualty" and inside[0].status == "conflict"
    assert {(s.claim.article, s.claim.part) for s in inside[0].sides} == {("courier", "heading"), ("courier", "body")}
    assert not [d for d in result.discrepancies if d.between != "article" and any(s.claim.part == "heading" for s in d.sides)]
    assert "Valley Courier, heading" in render_markdown(result)
    assert "caption or heading against its body" in render_markdown(result)
    assert '"part": "heading"' in render_json(result)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(["#", "##", "Quake", "kills", "12", "dead", "|", "WORLD", "By", "Home", "said.", "the", "of"]), max_size=12).map(" ".join),
        max_size=10,
    ).map(lambda lines: "\n\n".join(lines))
)
def test_heading_spans_round_trip_and_never_overlap_the_body(text: str) -> None:
    headings, body = layout(text).headings, layout(text).body
    for start, end in headings:
        piece = text[start:end]
        assert piece and piece == piece.strip()
        assert not any(s < end and start < e for s, e in body)


def test_a_finding_inside_one_article_names_the_headline_and_the_text_not_the_outlet_twice(tmp_path: Path, encoder) -> None:
    text = "Quake kills 40 in mountain towns\n\nAn earthquake struck the mountain towns on Friday, killing 14 people, officials said.\n"
    (found,) = [d for d in heading_findings(tmp_path, text, encoder) if d.status == "conflict"]
    assert "“kills 40” (its headline)" in found.explanation and "“killing 14 people” (its text)" in found.explanation


def test_a_later_heading_is_a_subheading_and_a_caption_a_caption_when_sides_are_named() -> None:
    text = (
        "Stampede at stadium leaves 18 dead\n\n"
        "Eighteen people died in a crush at the stadium gates on Saturday, police said.\n\n"
        "Gates were locked, fans say\n\n"
        "Several fans said the gates had been locked before kick-off.\n\n"
        "Fans queue at the gates on Saturday. (Photo: Lee Park / Daily Wire)\n"
    )
    article = make_article(text, outlet="Valley Courier", captions=layout(text).captions, headings=layout(text).headings)
    other = make_article("Eighteen people died in the crush, officials said.\n", id="b", outlet="Wire")
    claims = {c.text: c for c in segment(article) + segment(other)}
    context = RuleContext(articles={article.id: article, other.id: other})
    lead = claims["Eighteen people died in a crush at the stadium gates on Saturday, police said."]
    later = claims["Several fans said the gates had been locked before kick-off."]
    headline, subheading = claims["Stampede at stadium leaves 18 dead"], claims["Gates were locked, fans say"]
    caption = next(c for c in claims.values() if c.part == "caption")
    assert context.name_sides(headline, lead) == ("Its headline", "its text")
    assert context.name_sides(later, subheading) == ("Its text", "a subheading")
    assert context.name_sides(caption, lead) == ("A caption", "its text")
    assert context.name_sides(lead, claims["Eighteen people died in the crush, officials said."]) == ("Valley Courier", "Wire")
