"""The event/weapon type extractor against its corpus, plus span round-trips on arbitrary text."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.events import extract_event_types
from tests.conftest import assert_spans_round_trip

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "events.toml").read_text("utf-8"))


@pytest.mark.parametrize("case", CORPUS["positive"], ids=lambda c: c["text"][:50])
def test_events_corpus_sentence_yields_expected_types(case):
    assert [f"{f.category}:{f.label}" for f in extract_event_types(case["text"])] == case["types"]


@pytest.mark.parametrize("case", CORPUS["ancestry"], ids=lambda c: c["label"])
def test_events_label_carries_its_ancestors(case):
    text = case["label"].replace("_", " ")
    found = [f for f in extract_event_types(text) if f.label == case["label"] and f.category == case["category"]]
    assert found and found[0].ancestors == tuple(case["ancestors"])


@pytest.mark.parametrize("text", CORPUS["negative"]["texts"])
def test_events_negative_sentence_yields_nothing(text):
    assert extract_event_types(text) == []


def test_events_longest_phrase_wins_over_its_head():
    sentence = "They launched ballistic missile attacks."
    (weapon, _) = extract_event_types(sentence, offset=40)
    assert (weapon.label, weapon.text) == ("ballistic_missile", "ballistic missile")
    assert weapon.start == 40 + sentence.index("ballistic")


def test_events_a_cause_phrase_swallows_a_vehicle_but_keeps_its_event():
    assert [f"{f.category}:{f.label}" for f in extract_event_types("The pressure vessel burst.")] == ["cause:pressure_vessel"]
    sentence = "A gas explosion shook the street."
    cause, event = extract_event_types(sentence, offset=7)
    assert (cause.label, event.label) == ("gas", "explosion")
    assert cause.start == event.start == 7 + sentence.index("gas")


def test_events_a_hedge_reaches_only_its_own_clause():
    hedged = "Officials were examining whether a boiler blew up."
    stated = "A boiler blew up, and it was not clear whether anyone was inside."
    assert not [f for f in extract_event_types(hedged) if f.category == "cause"]
    assert [f.label for f in extract_event_types(stated) if f.category == "cause"] == ["boiler"]


NEWSY = st.lists(
    st.sampled_from(
        ["drone", "-", " ", "missile", "ballistic", "attack", "s", "fire", "cease", "air", "strike", "heart",
         "flash", "flood", "U.A.V.", "’s", "explosive", "laden", "grenade", "rocket", "propelled", "car", "bomb",
         "ferry", "passenger", "launch", "tanker", "truck", "helicopter", "aircraft", "carrier", "train", "to", "bus",
         "stop", "crash", "ing", "gas", "cylinder", "leak", "short", "circuit", "pressure", "vessel", "whether",
         "cause", "may", ",", "and", "munitions", "depot", "explosion", "not", "known"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=120), NEWSY), offset=st.integers(min_value=0, max_value=10_000))
def test_events_never_crash_and_spans_round_trip(text, offset):
    assert_spans_round_trip(extract_event_types(text, offset), text, offset)
