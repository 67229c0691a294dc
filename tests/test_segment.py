"""Segmentation: sentences with exact spans, abbreviations kept inside, paragraphs counted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.segment import segment, sentence_spans
from tests.conftest import make_article


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text))]


def test_titles_before_names_do_not_end_a_sentence() -> None:
    text = "Navy Cmdr. Ana Ruiz said the ship was hit. Lt. Gen. Omar Said disagreed."
    assert sentences(text) == ["Navy Cmdr. Ana Ruiz said the ship was hit.", "Lt. Gen. Omar Said disagreed."]


def test_initialisms_and_clock_abbreviations_stay_inside() -> None:
    text = "The U.S. embassy said the blast came at 4 a.m. local time. Drones, or U.A.V.'s, were seen. Nobody was hurt."
    assert sentences(text) == [
        "The U.S. embassy said the blast came at 4 a.m. local time.",
        "Drones, or U.A.V.'s, were seen.",
        "Nobody was hurt.",
    ]


def test_claims_carry_spans_into_the_file_and_paragraph_numbers() -> None:
    text = "Storm Hits Coast\n\nThe storm made landfall on Friday. Winds reached 180 km/h.\n\nTwo people died, police said.\n"
    claims = segment(make_article(text))
    assert [c.text for c in claims] == ["The storm made landfall on Friday.", "Winds reached 180 km/h.", "Two people died, police said."]
    assert [c.paragraph for c in claims] == [2, 2, 3]
    assert all(text[c.start : c.end] == c.text for c in claims)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_any_text_segments_into_round_tripping_spans(text: str) -> None:
    for claim in segment(make_article(text)):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
