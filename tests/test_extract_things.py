"""The thing extractor against its corpus, plus span round-trips on arbitrary text."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_facts
from factcheck.extract.things import extract_things
from factcheck.types import EventType, Place
from tests.conftest import assert_fields, assert_spans_round_trip

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "things.toml").read_text("utf-8"))


@pytest.mark.parametrize("case", CORPUS["positive"], ids=lambda c: c["text"][:50])
def test_things_corpus_sentence_yields_expected_things(case):
    assert_fields(extract_things(case["text"]), case["things"], {"-": None})


@pytest.mark.parametrize("text", CORPUS["negative"]["texts"])
def test_things_negative_sentence_yields_nothing(text):
    assert extract_things(text) == []


def test_things_name_span_covers_the_name_words_only():
    sentence = "The ferry Sea Lark sank."
    (ship,) = extract_things(sentence, offset=100)
    assert ship.name_span == (100 + sentence.index("Sea"), 100 + sentence.index(" sank"))


def test_words_of_a_name_are_neither_a_type_nor_a_place():
    facts = extract_facts("MV Ocean Tanker sank; passengers on the Berlin Express were hurt.")
    assert not [f for f in facts if isinstance(f, EventType) and f.category == "vehicle"]
    assert not [f for f in facts if isinstance(f, Place)]


def test_the_class_noun_after_a_name_stays_a_type():
    facts = extract_facts("The ferry Sea Lark sank.")
    assert [f.label for f in facts if isinstance(f, EventType)] == ["ferry", "sinking"]


NEWSY = st.lists(
    st.sampled_from(
        ["the ", "The ", "MV ", "Sea ", "Lark ", "ferry ", "Tower ", "Harbour ", "of ", "London ", "4th ", "Fourth ",
         "Brigade ", "Flight ", "AB", "123 ", "train ", "No. ", "Express ", "Mail ", "express ", "plant ", "Delta ",
         "Chemical ", "al-", "Noor ", "-", "'s ", "14-storey ", "tower ", "On ", "Monday ", "Road ", "building ", ". "]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=120), NEWSY), offset=st.integers(min_value=0, max_value=10_000))
def test_things_never_crash_and_spans_round_trip(text, offset):
    things = extract_things(text, offset)
    assert_spans_round_trip(things, text, offset)
    for thing in things:
        if thing.name_span:
            assert thing.start <= thing.name_span[0] < thing.name_span[1] <= thing.end
