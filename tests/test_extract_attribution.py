"""The attribution extractor against its corpus, plus span round-trips on arbitrary text."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.attribution import extract_attributions
from tests.conftest import assert_fields, assert_spans_round_trip

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "attribution.toml").read_text("utf-8"))


@pytest.mark.parametrize("case", CORPUS["positive"], ids=lambda c: c["text"][:50])
def test_attribution_corpus_sentence_yields_expected_speakers(case):
    assert_fields(extract_attributions(case["text"]), case["found"], {})


@pytest.mark.parametrize("text", CORPUS["negative"]["texts"])
def test_attribution_negative_sentence_yields_nothing(text):
    assert extract_attributions(text) == []


def test_attribution_span_covers_speaker_and_cue():
    sentence = "The bridge held, engineers said in a statement on Friday."
    (fact,) = extract_attributions(sentence, offset=300)
    assert fact.text == "engineers said in a statement"
    assert fact.start == 300 + sentence.index("engineers")


NEWSY = st.lists(
    st.sampled_from(
        ["said", " ", ",", "“", "”", "according to", "the", "Pentagon", "spokesman", "John", "’s", "statement",
         "read", "officials", "claimed", "without providing evidence", "he", ".", "told reporters", "a", "by"]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=120), NEWSY), offset=st.integers(min_value=0, max_value=10_000))
def test_attribution_never_crash_and_spans_round_trip(text, offset):
    facts = extract_attributions(text, offset)
    assert_spans_round_trip(facts, text, offset)
    for fact in facts:
        assert fact.speaker and fact.speaker in fact.text
