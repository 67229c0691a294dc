"""Phrase-list patterns: written forms of one phrase match, the longest phrase wins, case folds safely."""

from __future__ import annotations

import re

import pytest

from factcheck.extract.phrases import phrase_pattern


@pytest.mark.parametrize("written", ["air strike", "air-strike", "Air  Strike", "air – strike"])
def test_spaces_and_hyphens_are_one_separator(written: str) -> None:
    assert phrase_pattern(["air strike"]).fullmatch(written)


def test_the_longest_phrase_wins_and_words_stay_whole() -> None:
    pattern = phrase_pattern(["car", "car bomb", "bomb"])
    assert [m.group() for m in pattern.finditer("a car bomb and a bomb in a cart")] == ["car bomb", "bomb"]


def test_a_phrase_ending_in_a_full_stop_needs_no_boundary_after_it() -> None:
    assert phrase_pattern(["U.S."]).search("U.S.-led forces").group() == "U.S."


def test_a_letter_whose_lower_case_takes_two_characters_still_matches() -> None:
    assert phrase_pattern(["İzmir"]).search("in İzmir on Thursday")
    assert phrase_pattern(["İzmir"], flags=0).search("in İzmir on Thursday")
    assert not phrase_pattern(["İzmir"], flags=0).search("in izmir")


def test_case_is_kept_when_the_pattern_is_case_sensitive() -> None:
    pattern = phrase_pattern(["Reading"], flags=0)
    assert pattern.search("flooding in Reading") and not pattern.search("reading the report")
    assert phrase_pattern(["Reading"], flags=re.IGNORECASE).search("reading the report")
