"""The quantity extractor against its corpus, its contract on spans, and interval conflicts."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.quantities import extract_quantities, intervals_conflict
from factcheck.types import Quantity
from tests.conftest import assert_spans_round_trip

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "quantities.toml").read_text("utf-8"))


def _bound(x: Any) -> float | None:
    return None if x == "open" else float(x)


def _expected(entry: dict[str, Any]) -> tuple:
    return (entry["text"], float(entry["value"]), _bound(entry["low"]), _bound(entry["high"]),
            entry.get("modifier"), entry.get("unit"), entry.get("latent", False))


def _observed(q: Quantity) -> tuple:
    return (q.text, q.value, q.low, q.high, q.modifier, q.unit, q.latent)


@pytest.mark.parametrize("case", CORPUS["positive"], ids=lambda c: c["text"][:50])
def test_quantities_corpus_yields_every_expected_quantity(case: dict[str, Any]) -> None:
    assert [_observed(q) for q in extract_quantities(case["text"])] == [_expected(e) for e in case["expect"]]


@pytest.mark.parametrize("case", CORPUS["negative"], ids=lambda c: c["text"][:50])
def test_quantities_negative_corpus_yields_nothing(case: dict[str, Any]) -> None:
    assert extract_quantities(case["text"]) == []


def test_quantities_corpus_is_large_enough() -> None:
    assert len(CORPUS["positive"]) >= 60
    assert len(CORPUS["negative"]) >= 15


def test_quantities_spans_are_offsets_into_the_article() -> None:
    article = "Intro sentence here. About 2,500 troops remain."
    offset = article.index("About")
    [q] = extract_quantities(article[offset:], offset)
    assert (q.start, q.end) == (offset, offset + len("About 2,500 troops"))
    assert article[q.start:q.end] == q.text


def test_quantities_rule_names_the_shape() -> None:
    rules = [q.rule for q in extract_quantities("About 300 people, $5, 30-40 cars, dozens, 12 km, a six-storey block")]
    assert rules == ["quantity.count", "quantity.money", "quantity.count", "quantity.vague", "quantity.measure",
                     "quantity.fused"]


def test_quantities_conversion_in_brackets_is_not_a_second_quantity() -> None:
    text = "Damage reached $25 million (€23 million) and 5 km (3 miles), or 12,500 rupees, or about $150."
    assert [q.unit for q in extract_quantities(text)] == ["USD", "km", "INR"]


def test_quantities_ordinals_are_never_counts() -> None:
    [rank] = extract_quantities("It is the country's third-largest city.")
    assert rank.unit == "ordinal" and rank.latent


def test_quantities_outlets_phrasing_normalizes_to_one_unit() -> None:
    units = {q.unit for s in ("About 2,500 U.S. troops", "More than 3,000 US troops", "2,000 American troops")
             for q in extract_quantities(s)}
    assert units == {"troop"}


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("about 40 people", "about 90 people", True),
        ("at least 12 people", "at least 30 people", False),
        ("about 2,500 troops", "more than 3,000 troops", True),
        ("nearly 100 people", "100 people", False),
        ("up to 40 boats", "more than 50 boats", True),
        ("dozens of people", "12 people", True),
        ("dozens of people", "300 people", False),
        ("between 12 and 15 people", "14 people", False),
        ("80 km", "50 miles", False),
        ("the second city", "2 cities", False),
        ("3 percent", "40 people", False),
        ("$5 million", "€9 million", False),
        ("the quake measured 5.7", "a 6.4-magnitude quake", True),
        ("a magnitude 6.4 quake", "the quake measured about 6.5", False),
        ("a magnitude 6.4 quake", "a magnitude 6.5 quake", True),
        ("a magnitude 6.4 quake", "the quake destroyed 6 homes", False),
    ],
)
def test_intervals_conflict_only_when_disjoint_and_comparable(a: str, b: str, conflict: bool) -> None:
    [qa], [qb] = extract_quantities(a), extract_quantities(b)
    assert intervals_conflict(qa, qb) is conflict
    assert intervals_conflict(qb, qa) is conflict


NEWSY = st.lists(
    st.sampled_from(["about", "more than", "2,500", "3.4", "million", "-", "to", "between", "and", "(", ")", "$",
                     "€", "Rs", "km", "one", "two", "dozen", "dozens", "of", "tens", "a", "half", "troops", "U.S.",
                     "F-16", "June", "27", "1 a.m.", "21:45", "0600", "GMT", "%", "year-old", "second", "-busiest",
                     "1999", "people", "storey", "No.", "—", "‑", "’s", ",", ".", " ", "quake", "measured",
                     "magnitude", "5.7", "on the Richter scale", "measuring"]),
    max_size=25,
).map(" ".join)


@given(text=st.one_of(st.text(max_size=200), NEWSY), offset=st.integers(min_value=0, max_value=10_000))
def test_quantities_never_crash_and_spans_round_trip(text: str, offset: int) -> None:
    quantities = extract_quantities(text, offset)
    assert_spans_round_trip(quantities, text, offset)
    for q in quantities:
        assert q.low is None or q.high is None or q.low <= q.high


@pytest.mark.parametrize(
    ("text", "written", "value", "modifier"),
    [
        ("el sismo dejó al menos 2.059 heridos en la región", "al menos 2.059 heridos", 2059.0, "at least"),
        ("le bilan passe à plus de 1 305 morts dans la soirée", "plus de 1 305 morts", 1305.0, "more than"),
        ("une secousse de magnitude 7,2 a frappé la région", "magnitude 7,2", 7.2, None),
        ("The firm signed a $1.375 billion deal on Monday.", "$1.375 billion", 1.375e9, None),
        ("On June 15 200 people fled the valley.", "200 people", 200.0, None),
    ],
)
def test_numbers_are_read_as_outlets_in_other_languages_write_them(
    text: str, written: str, value: float, modifier: str | None
) -> None:
    """Dots and spaces group thousands of a count, a comma marks decimals; a dot before a
    scale word stays a decimal point, and a day is not the first group of a count."""
    (q,) = [q for q in extract_quantities(text) if q.text == written]
    assert (q.value, q.modifier) == (value, modifier)
