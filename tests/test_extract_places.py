"""The place extractor against its corpus, plus span round-trips on arbitrary text."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.places import extract_places, fold
from tests.conftest import assert_fields, assert_spans_round_trip

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "places.toml").read_text("utf-8"))
# TOML has no null: the corpus writes a place in no one country as country = "none".
SPECIAL = {"none": None}


@pytest.mark.parametrize("case", CORPUS["positive"], ids=lambda c: c["text"][:50])
def test_places_corpus_sentence_yields_expected_places(case):
    assert_fields(extract_places(case["text"]), case["places"], SPECIAL)


@pytest.mark.parametrize("text", CORPUS["negative"]["texts"])
def test_places_negative_sentence_yields_nothing(text):
    assert extract_places(text) == []


def test_places_compass_region_span_covers_the_qualifier():
    sentence = "Fighting resumed in northern Iraq."
    (place,) = extract_places(sentence, offset=7)
    assert (place.start, place.end) == (7 + sentence.index("northern"), 7 + sentence.index("."))


@pytest.mark.parametrize(
    ("written", "folded"),
    [("Çiğli", "Cigli"), ("Torbalı", "Torbali"), ("Łódź", "Lodz"), ("Xã Tân Phú", "Xa Tan Phu"), ("Bab al-Tabbaneh", "Bab al Tabbaneh")],
)
def test_fold_makes_spellings_with_and_without_diacritics_one_name(written, folded):
    assert fold(written) == folded


def test_places_below_a_city_agree_across_spellings():
    (a,) = extract_places("The blast hit the Çiğli district.")
    (b,) = extract_places("The blast hit Cigli District.")
    assert (a.name, a.kind) == (b.name, b.kind) == ("Cigli", "district")


NEWSY = st.lists(
    st.sampled_from(
        ["Iraq", "-", "Syria", " border", " northern ", "U.S.", "Kiev", " ", "Iraqi", " soil", "pro-", "backed",
         "Washington", " Post", "Gaza", " Strip", "’s", "New York", " district", "district of ", "Çiğli", " Village",
         "the village of ", " Organised Industrial Zone", "Izmir", " Court", "The ", "al-", "Sidi Bou"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=120), NEWSY), offset=st.integers(min_value=0, max_value=10_000))
def test_places_never_crash_and_spans_round_trip(text, offset):
    assert_spans_round_trip(extract_places(text, offset), text, offset)
