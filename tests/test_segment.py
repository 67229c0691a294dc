"""Segmentation: sentences with exact spans, abbreviations kept inside, paragraphs counted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_facts
from factcheck.ingest import layout
from factcheck.segment import MAX_SENTENCE_CHARS, cut_long, segment, sentence_spans
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


def test_a_run_longer_than_a_sentence_is_cut_at_white_space() -> None:
    text = " ".join(["rescuers"] * 1000)
    pieces = cut_long(text, 0, len(text))
    assert len(pieces) > 1 and all(0 < e - s <= MAX_SENTENCE_CHARS for s, e in pieces)
    assert all(text[s:e].strip() == text[s:e] for s, e in pieces)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(text[e:s] == " " for (_, e), (s, _) in zip(pieces, pieces[1:])), "nothing but a space is left out"


NEWS_WORDS = [
    "About", "2,500", "people", "were", "killed", "on", "Monday", "at", "3 a.m.", "in", "Lagos", "police", "said",
    "a", "drone", "strike", "no", "casualties", "more than", "40%", "km", "$3m", "Sept. 4", "Dr.", "hurt", "|", "`",
    "<b>", "#", "(AP)", "said.", "\u201cthree\u201d", "dozens", "injured", "7:45 pm", "UTC", "an", "earthquake",
]
SPACES = ["", " ", " ", " ", "\u00a0", "\u200b", "\u2060", "\r\n", "\n\n", "\t", "\u2028", "\ufeff", ". "]
HOSTILE = st.lists(st.tuples(st.sampled_from(NEWS_WORDS), st.sampled_from(SPACES)), max_size=60).map(
    lambda parts: "".join(word + space for word, space in parts)
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(HOSTILE, st.text(max_size=300)))
def test_claims_and_their_facts_round_trip_on_hostile_text(text: str) -> None:
    for claim in segment(make_article(text)):
        assert text[claim.start : claim.end] == claim.text
        for fact in extract_facts(claim.text, claim.start):
            assert claim.start <= fact.start <= fact.end <= claim.end
            assert text[fact.start : fact.end] == fact.text


def test_headings_become_claims_after_the_body_and_captions() -> None:
    text = (
        "Storm kills three on the coast\n\n"
        "A storm struck the coast on Monday, killing three fishermen, officials said.\n\n"
        "Waves wash over the harbour wall on Monday. (Photo: Lee Park / Coast Daily)\n\n"
        "Ports stay closed for a second day\n\n"
        "The harbour master said the ports would reopen on Wednesday.\n"
    )
    article = make_article(text, captions=layout(text).captions, headings=layout(text).headings)
    claims = segment(article)
    assert [c.part for c in claims] == ["body", "body", "caption", "heading", "heading"]
    assert [c.text for c in claims if c.part == "heading"] == ["Storm kills three on the coast", "Ports stay closed for a second day"]
    assert [c.paragraph for c in claims if c.part == "heading"] == [1, 4]
    assert [c.index for c in claims] == list(range(5))
