"""Event clustering: reports of one event together, of different events apart, lone reports noted."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from conftest import make_article

from factcheck.cluster import ClusterSettings, cluster_events, distinctive, lone_notes
from factcheck.types import Claim, Place, Quantity


def claim(article: str, index: int, places: tuple[Place, ...] = ()) -> Claim:
    return Claim(article=article, start=index, end=index + 1, text="x", paragraph=1, index=index, facts=places)


def place(name: str, country: str, kind: str = "city", rule: str = "place.gazetteer") -> Place:
    return Place(start=0, end=1, text=name, rule=rule, name=name, country=country, kind=kind)


def unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_articles_close_in_meaning_form_one_event_and_others_their_own() -> None:
    articles = [make_article("x", id=i) for i in ("a", "b", "c", "d", "e")]
    claims = [claim(i, 0) for i in ("a", "b", "c", "d", "e")]
    vectors = np.stack([unit(1, 0.1, 0), unit(1, 0, 0.1), unit(0, 1, 0), unit(0.1, 1, 0), unit(0, 0, 1)])
    assert cluster_events(articles, claims, vectors) == [("a", "b"), ("c", "d"), ("e",)]


def test_a_lone_report_joins_the_one_event_it_is_fairly_alike() -> None:
    """Alike below the threshold two reports join at, but a lone report is compared with nothing."""
    articles = [make_article("x", id=i) for i in ("a", "b", "c")]
    claims = [claim(i, 0) for i in ("a", "b", "c")]
    vectors = np.stack([unit(1, 0, 0), unit(1, 0.05, 0), unit(0.45, 0, 0.89)])
    assert cluster_events(articles, claims, vectors) == [("a", "b", "c")]


def test_a_lone_report_as_alike_to_two_events_joins_neither() -> None:
    articles = [make_article("x", id=i) for i in ("a", "b", "c", "d", "e")]
    claims = [claim(i, 0) for i in ("a", "b", "c", "d", "e")]
    vectors = np.stack([unit(1, 0, 0), unit(1, 0.05, 0), unit(0, 1, 0), unit(0.05, 1, 0), unit(0.45, 0.45, 0.77)])
    assert cluster_events(articles, claims, vectors) == [("a", "b"), ("c", "d"), ("e",)]


def test_similar_stories_in_different_countries_are_different_events() -> None:
    articles = [make_article("x", id=i) for i in ("a", "b")]
    claims = [claim("a", 0, (place("Lagos", "Nigeria"),)), claim("b", 0, (place("Nairobi", "Kenya"),))]
    vectors = np.stack([unit(1, 0.2, 0), unit(1, 0, 0.2)])
    assert cluster_events(articles, claims, vectors, ClusterSettings(same_event=0.78)) == [("a",), ("b",)]


def test_a_geonames_city_of_a_guessed_country_never_parts_reports() -> None:
    """A suburb shares its name with a town abroad ("Marshalltown"): only a certain country parts."""
    articles = [make_article("x", id=i) for i in ("a", "b")]
    vectors = np.stack([unit(1, 0.2, 0), unit(1, 0, 0.2)])
    settings = ClusterSettings(same_event=0.78)
    suburb = [
        claim("a", 0, (place("Marshalltown", "United States", rule="place.geonames"),)),
        claim("b", 0, (place("Johannesburg", "South Africa"),)),
    ]
    abroad = [claim("a", 0, (place("Lagos", "Nigeria"),)), claim("b", 0, (place("Johannesburg", "South Africa"),))]
    assert cluster_events(articles, suburb, vectors, settings) == [("a", "b")]
    assert cluster_events(articles, abroad, vectors, settings) == [("a",), ("b",)]


def test_a_shared_city_joins_reports_phrased_further_apart() -> None:
    articles = [make_article("x", id=i) for i in ("a", "b")]
    vectors = np.stack([unit(1, 0.45, 0), unit(1, -0.45, 0)])
    apart = [claim("a", 0), claim("b", 0)]
    together = [claim("a", 0, (place("Lima", "Peru"),)), claim("b", 0, (place("Lima", "Peru"),))]
    settings = ClusterSettings(same_event=0.78)
    assert cluster_events(articles, apart, vectors, settings) == [("a",), ("b",)]
    assert cluster_events(articles, together, vectors, settings) == [("a", "b")]


def test_average_linkage_does_not_chain_distinct_events() -> None:
    # a–b and b–c are each close enough, a–c is not: b alone cannot bridge two events.
    articles = [make_article("x", id=i) for i in "abcd"]
    claims = [claim(i, 0) for i in "abcd"]
    angle = np.radians([0, 36, 72, 73])
    vectors = np.stack([unit(np.cos(t), np.sin(t)) for t in angle])
    events = cluster_events(articles, claims, vectors, ClusterSettings(same_event=0.8))
    assert ("a", "b", "c", "d") not in events
    assert sorted(a for event in events for a in event) == ["a", "b", "c", "d"]


def test_clustering_is_deterministic_and_keeps_article_order() -> None:
    rng = np.random.default_rng(1)
    ids = [f"n{k:02d}" for k in range(30)]
    articles = [make_article("x", id=i) for i in ids]
    claims = [claim(i, 0) for i in ids]
    centres = rng.normal(size=(5, 24))
    vectors = centres[np.arange(30) % 5] + 0.2 * rng.normal(size=(30, 24))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    first = cluster_events(articles, claims, vectors)
    assert first == cluster_events(articles, claims, vectors)
    assert [list(e) for e in first] == [sorted(e) for e in first]
    assert len(first) == 5


def test_a_lone_report_says_it_has_nothing_to_compare_with() -> None:
    assert lone_notes([("a", "b"), ("c",)]) == [
        "c is the only report of its event: no other report to compare it with."
    ]


FLOOD = [
    "Flash floods swept through the centre of Nairobi on Tuesday after a night of heavy rain. "
    "At least 14 people drowned and dozens of homes were washed away, the Kenya Red Cross said. "
    "Rescue teams used boats to reach families stranded on rooftops.",
    "Heavy overnight rain caused severe flooding in Nairobi on Tuesday, killing 16 people. "
    "The Kenya Red Cross said hundreds of families had lost their homes in the floods. "
    "Boats were used to rescue residents trapped on roofs.",
]
FERRY = [
    "A ferry carrying about 200 passengers capsized near Manila on Saturday evening. "
    "The coast guard said 31 people had been rescued and the search for the missing continued. "
    "Strong winds were blamed for the sinking.",
    "An overcrowded ferry sank off Manila late on Saturday with some 200 people on board. "
    "Coast guard vessels pulled 31 survivors from the sea. "
    "Officials said high winds had battered the boat before it went down.",
]
FIRE = [
    "A wildfire near Athens forced the evacuation of several villages on Thursday as firefighters "
    "battled flames fanned by strong winds. Water-dropping aircraft were deployed over the hills."
]


def test_a_mixed_folder_is_checked_event_by_event(tmp_path: Path, encoder) -> None:
    from factcheck.pipeline import check

    for name, text in [
        ("flood1", FLOOD[0]),
        ("ferry1", FERRY[0]),
        ("flood2", FLOOD[1]),
        ("fire1", FIRE[0]),
        ("ferry2", FERRY[1]),
    ]:
        (tmp_path / f"{name}.txt").write_text(text + "\n")
    result = check([tmp_path], encoder=encoder)
    assert sorted(result.events) == [("ferry1", "ferry2"), ("fire1",), ("flood1", "flood2")]
    assert any("fire1" in note and "no other report to compare it with" in note for note in result.notes)
    for group in result.groups:
        assert len({c.article.rstrip("12") for c in group.claims}) == 1


def test_the_report_has_a_section_per_event_naming_its_findings(tmp_path: Path, encoder) -> None:
    from factcheck.pipeline import check
    from factcheck.report import render_markdown

    texts = {
        "mine1": "Seven miners were killed when a coal mine collapsed near Quetta on Tuesday, officials said.",
        "mine2": "No miners were killed when a coal mine collapsed near Quetta on Tuesday, officials said.",
        "fire1": FIRE[0],
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text + "\n")
    result = check([tmp_path], encoder=encoder)
    sections = dict(re.findall(r"### Event \d+: (.+)\n\n(.+)", render_markdown(result)))
    assert sections["fire1.txt"] == "The only report of this event: no other report to compare it with."
    numbers = [int(n) for n in re.findall(r"D(\d+)", sections["mine1.txt, mine2.txt"])]
    assert numbers == list(range(1, len(result.discrepancies) + 1)) and numbers


def test_an_undated_article_is_dated_by_its_text_and_events_months_apart_are_split() -> None:
    """One region struck twice, eighteen months apart: the later reports carry no publication
    time, only the dates their text gives; they must not join the earlier event."""
    from datetime import UTC, datetime

    from factcheck.types import TimeRef

    early = [make_article("x", id=i, published=datetime(2024, 3, 2, tzinfo=UTC)) for i in ("a", "b")]
    late = [make_article("x", id=i) for i in ("c", "d")]
    dated = TimeRef(start=0, end=1, text="12 September 2025", rule="time", precision="day", year=2025, month=9, day=12)
    claims = [claim("a", 0), claim("b", 0), replace_facts(claim("c", 0), dated), replace_facts(claim("d", 0), dated)]
    vectors = np.stack([unit(1, 0.02, 0), unit(1, 0, 0.02), unit(1, 0.03, 0), unit(1, 0, 0.03)])
    assert cluster_events([*early, *late], claims, vectors) == [("a", "b"), ("c", "d")]
    undated = [claim("c", 0), claim("d", 0)]
    assert cluster_events([*early, *late], [claims[0], claims[1], *undated], vectors) == [("a", "b", "c", "d")]


def replace_facts(c: Claim, *facts) -> Claim:
    from dataclasses import replace

    return replace(c, facts=facts)


def figure(value: float) -> Quantity:
    return Quantity(
        start=0, end=1, text=str(value), rule="quantity.count", value=value, low=value, high=value, unit="person"
    )


@pytest.mark.parametrize(
    ("value", "says_which_event"),
    [
        (632.0, True),
        (2059.0, True),
        (11300.0, True),
        (6.8, True),
        (300.0, False),
        (1500.0, False),
        (12.0, False),
        (170.0, False),
    ],
)
def test_a_figure_with_three_significant_digits_or_a_fraction_is_distinctive(
    value: float, says_which_event: bool
) -> None:
    assert distinctive(figure(value)) is says_which_event


SPANISH = "El sismo de la madrugada dejó decenas de muertos en la región, según las autoridades del país."
ENGLISH = "The quake before dawn killed dozens of people in the region, the country's authorities said."


def test_a_report_in_another_language_joins_by_the_figures_and_places_it_shares() -> None:
    """The model reads English only: its score of a Spanish text says nothing, so what the two
    reports name decides."""
    articles = [make_article(ENGLISH, id="en"), make_article(SPANISH, id="es")]
    vectors = np.stack([unit(1, 0, 0), unit(0, 1, 0)])
    bare = [claim("en", 0), claim("es", 0)]
    shared = [claim(a, 0, (place("Lima", "Peru"), figure(2059.0))) for a in ("en", "es")]
    assert cluster_events(articles, bare, vectors) == [("en",), ("es",)]
    assert cluster_events(articles, shared, vectors) == [("en", "es")]


def test_a_report_in_another_language_is_not_parted_by_the_countries_it_seems_not_to_name() -> None:
    """Countries are read by their English names: a Spanish report that says "Marruecos" and
    mentions Paris still joins the English reports of a quake in Morocco by what they share."""
    articles = [make_article(ENGLISH, id="en"), make_article(SPANISH, id="es")]
    vectors = np.stack([unit(1, 0, 0), unit(0, 1, 0)])
    claims = [
        claim("en", 0, (place("Morocco", "Morocco", "country"), figure(2059.0), figure(6.8))),
        claim("es", 0, (place("Paris", "France"), figure(2059.0), figure(6.8))),
    ]
    assert cluster_events(articles, claims, vectors) == [("en", "es")]


def test_two_reports_in_another_language_are_not_one_event_for_their_words_alone() -> None:
    articles = [make_article(SPANISH, id="a"), make_article(SPANISH.replace("sismo", "huracán"), id="b")]
    vectors = np.stack([unit(1, 0.01, 0), unit(1, 0, 0.01)])
    assert cluster_events(articles, [claim("a", 0), claim("b", 0)], vectors) == [("a",), ("b",)]
