"""The attribution extractor against its corpus, plus span round-trips on arbitrary text."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.attribution import extract_attributions

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "attribution.toml").read_text("utf-8"))


@pytest.mark.parametrize("case", CORPUS["positive"], ids=lambda c: c["text"][:50])
def test_attribution_corpus_sentence_yields_expected_speakers(case):
    found = extract_attributions(case["text"])
    assert len(found) == len(case["found"]), [f.text for f in found]
    for fact, expected in zip(found, case["found"], strict=True):
        for key, value in expected.items():
            assert getattr(fact, key) == value, f"{key} of {fact.text!r}"


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
    for fact in extract_attributions(text, offset):
        assert offset <= fact.start < fact.end <= offset + len(text)
        assert text[fact.start - offset : fact.end - offset] == fact.text
        assert fact.speaker and fact.speaker in fact.text
