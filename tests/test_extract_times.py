"""The time extractor against its corpus, plus span round-trips on arbitrary text."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.times import extract_times
from tests.conftest import assert_fields, assert_spans_round_trip

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "times.toml").read_text("utf-8"))


@pytest.mark.parametrize("case", CORPUS["positive"], ids=lambda c: c["text"][:50])
def test_times_corpus_sentence_yields_expected_refs(case):
    refs = extract_times(case["text"])
    assert [r.text for r in refs] == [e["text"] for e in case["refs"]]
    assert_fields(refs, case["refs"], {})


@pytest.mark.parametrize("text", CORPUS["negative"][0]["texts"])
def test_times_negative_sentence_yields_nothing(text):
    assert extract_times(text) == []


def test_times_spans_are_offsets_into_the_article():
    sentence = "The levee broke before dawn on Monday."
    (ref,) = extract_times(sentence, offset=120)
    assert (ref.start, ref.end) == (120 + sentence.index("before"), 120 + len(sentence) - 1)
    assert ref.rule == "time.day-part+weekday"


def test_times_approximation_word_alone_is_not_a_time():
    assert extract_times("About 40 homes were destroyed.") == []


def test_times_weekday_without_zone_has_no_zone():
    (ref,) = extract_times("The ferry sank on Sunday.")
    assert ref.zone is None and not ref.approximate


NEWSY = st.lists(
    st.sampled_from(
        list("0123456789 .,:-'’()apmAPM") + ["Sunday", " May ", "June", "late ", "at ", "GMT", "night", "in the "]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=120), NEWSY), offset=st.integers(min_value=0, max_value=10_000))
def test_times_never_crash_and_spans_round_trip(text, offset):
    assert_spans_round_trip(extract_times(text, offset), text, offset)
