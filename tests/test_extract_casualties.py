"""The casualty extractor against its corpus, plus span round-trips on arbitrary text."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.casualties import extract_casualties
from tests.conftest import assert_fields, assert_spans_round_trip

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "casualties.toml").read_text("utf-8"))
# TOML has no null: the corpus writes an open side as "open" and a missing count as "unknown".
SPECIAL = {"open": None, "unknown": None}


@pytest.mark.parametrize("case", CORPUS["positive"], ids=lambda c: c["text"][:50])
def test_casualties_corpus_sentence_yields_expected_facts(case):
    assert_fields(extract_casualties(case["text"]), case["facts"], SPECIAL)


@pytest.mark.parametrize("text", CORPUS["negative"]["texts"])
def test_casualties_negative_sentence_yields_nothing(text):
    assert extract_casualties(text) == []


def test_casualties_spans_are_offsets_into_the_article():
    sentence = "Officials said 3 miners were killed."
    (fact,) = extract_casualties(sentence, offset=500)
    assert (fact.start, fact.end) == (500 + sentence.index("3"), 500 + sentence.index("."))
    assert fact.text == "3 miners were killed"


def test_casualties_none_is_zero_and_absent_report_has_no_count():
    none, absent = extract_casualties("No one died; no injuries were reported.")
    assert (none.polarity, none.low, none.high) == ("none", 0, 0)
    assert (absent.polarity, absent.low, absent.high) == ("absent_report", None, None)


NEWSY = st.lists(
    st.sampled_from(
        ["killed", " no ", "dead", " 12 ", "injured", "were", "reports of", "casualties", ",", " but ", "one",
         "civilians", "if any", "hurt", "scores of", "—", "Americans", "victims", "no one"]
    ),
    max_size=25,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=120), NEWSY), offset=st.integers(min_value=0, max_value=10_000))
def test_casualties_never_crash_and_spans_round_trip(text, offset):
    assert_spans_round_trip(extract_casualties(text, offset), text, offset)


@pytest.mark.parametrize(
    ("text", "outcome", "low", "high"),
    [
        ("El huracán dejó un saldo de 45 muertos en la costa.", "killed", 45.0, 45.0),
        ("Le séisme a fait 632 morts dans la nuit.", "killed", 632.0, 632.0),
        ("Le séisme a provoqué la mort de 296 personnes.", "killed", 296.0, 296.0),
        ("Das Beben forderte mindestens 120 Tote.", "killed", 120.0, None),
        ("Además, el temblor dejó al menos 2.059 heridos.", "injured", 2059.0, None),
    ],
)
def test_tolls_written_in_other_languages_are_read(text: str, outcome: str, low: float, high: float | None) -> None:
    """A toll in a Spanish, French or German report joins the event's timeline like an English one."""
    assert [(c.outcome, c.low, c.high) for c in extract_casualties(text)] == [(outcome, low, high)]
