"""Draft verdicts value by value: a wrong value is never supported, a true one never contradicted.

An invented tornado, told by two outlets, and a draft with one sentence per verdict class.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.pipeline import check
from factcheck.report import render_json, render_markdown

SOURCES = {
    "courier.md": (
        "outlet: Northern Courier\npublished: 2025-03-06T18:00:00+00:00\ntimezone: Europe/London",
        "A tornado tore through the town of Eastbrook on Thursday, destroying seven schools, officials said.\n\n"
        "At least 12 people were killed and 40 were injured, the regional governor said.\n\n"
        "The tornado touched down at 14:20 GMT, the weather office said.\n",
    ),
    "times.md": (
        "outlet: Valley Times\npublished: 2025-03-06T20:00:00+00:00\ntimezone: Europe/London",
        "Twelve people died when a tornado struck Eastbrook on Thursday afternoon.\n\n"
        "The storm hit seven schools and a hospital, the mayor said.\n\n"
        "It touched down at 2:20 p.m., according to the weather office.\n",
    ),
}
DRAFT = (
    "A tornado struck Eastbrook on Tuesday, the weather office said.\n\n"
    "Four schools were destroyed by the tornado.\n\n"
    "At least ten people were killed in the tornado.\n\n"
    "Forty people were injured, the regional governor said.\n\n"
    "The tornado was 800 metres wide when it touched down.\n\n"
    "The tornado touched down at 14:20 GMT.\n\n"
    "Seven schools were destroyed, officials said.\n\n"
    "The tornado hit Eastbrook on Thursday.\n"
)


def write(path: Path, front: str, text: str) -> None:
    path.write_text(f"---\n{front}\n---\n{text}", encoding="utf-8")


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory, encoder):
    folder = tmp_path_factory.mktemp("tornado")
    (folder / "sources").mkdir()
    for name, (front, text) in SOURCES.items():
        write(folder / "sources" / name, front, text)
    write(folder / "draft.md", "outlet: Editor's draft\ntimezone: Europe/London", DRAFT)
    return check([folder / "sources"], draft=folder / "draft.md", encoder=encoder)


def verdict(result, words: str):
    return next(v for v in result.draft if words in v.claim.text)


def test_a_count_the_sources_give_otherwise_is_contradicted_not_supported(reviewed) -> None:
    v = verdict(reviewed, "Four schools")
    assert v.verdict == "contradicted"
    assert any("seven schools" in s.claim.text for s in reviewed.discrepancies[v.discrepancies[0]].sides)


def test_a_count_the_sources_give_is_supported(reviewed) -> None:
    assert verdict(reviewed, "Seven schools").verdict == "supported"


def test_a_day_every_source_gives_otherwise_is_contradicted(reviewed) -> None:
    assert verdict(reviewed, "on Tuesday").verdict == "contradicted"


def test_the_day_the_sources_give_is_supported(reviewed) -> None:
    assert verdict(reviewed, "on Thursday").verdict == "supported"


def test_a_lower_bound_below_the_sources_figure_is_supported(reviewed) -> None:
    v = verdict(reviewed, "At least ten")
    assert (v.verdict, v.supported_by) == ("supported", ("courier", "times"))


def test_a_figure_in_words_is_supported_by_the_same_figure_in_digits(reviewed) -> None:
    assert verdict(reviewed, "Forty people").supported_by == ("courier",)


def test_a_time_in_gmt_is_supported_by_the_same_moment_in_local_time(reviewed) -> None:
    assert verdict(reviewed, "14:20 GMT").supported_by == ("courier", "times")


def test_a_measure_no_source_gives_is_unsupported_and_named(reviewed) -> None:
    v = verdict(reviewed, "800 metres")
    assert (v.verdict, v.unsupported) == ("unsupported", ("800 metres",))
    assert "no source gives “800 metres”" in render_markdown(reviewed)
    claim = next(c for c in json.loads(render_json(reviewed))["draft"]["claims"] if "800 metres" in c["text"])
    assert claim["unsupported_values"] == ["800 metres"]


@pytest.mark.parametrize(("dead", "expected"), [("Nine", "contradicted"), ("Twelve", "supported")])
def test_a_draft_repeating_a_figure_a_later_version_corrected_is_contradicted(
    tmp_path: Path, encoder, dead: str, expected: str
) -> None:
    story = "{dead} people were killed when a tornado struck Eastbrook on Thursday, officials said.\n"
    (tmp_path / "sources").mkdir()
    write(tmp_path / "sources" / "v1.md", "outlet: Valley Times\nversion: 1", story.format(dead="Nine"))
    write(tmp_path / "sources" / "v2.md", "outlet: Valley Times\nversion: 2", story.format(dead="Twelve"))
    write(tmp_path / "draft.md", "outlet: Editor's draft", f"{dead} people were killed in the tornado on Thursday.\n")
    result = check([tmp_path / "sources"], draft=tmp_path / "draft.md", encoder=encoder)
    (v,) = result.draft
    assert v.verdict == expected
    if expected == "contradicted":
        assert any(s.claim.article == "v2" for s in result.discrepancies[v.discrepancies[0]].sides)


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        ("The tornado damaged four schools in the north and one in the south.", "contradicted"),
        ("The tornado damaged four schools in the south and one in the north.", "supported"),
    ],
)
def test_a_distribution_is_checked_part_by_part(tmp_path: Path, encoder, draft: str, expected: str) -> None:
    (tmp_path / "sources").mkdir()
    front = "outlet: Valley Times\ntimezone: Europe/London"
    write(tmp_path / "sources" / "times.md", front, "One school in the north and four in the south were damaged by the tornado.\n")
    write(tmp_path / "draft.md", "outlet: Editor's draft", draft + "\n")
    result = check([tmp_path / "sources"], draft=tmp_path / "draft.md", encoder=encoder)
    (v,) = result.draft
    assert v.verdict == expected


@pytest.mark.parametrize(("clock", "expected"), [("9:15 a.m.", "supported"), ("9:50 a.m.", "unsupported")])
def test_the_time_of_a_sub_event_is_supported_only_by_the_same_time(tmp_path: Path, encoder, clock: str, expected: str) -> None:
    (tmp_path / "sources").mkdir()
    front = "outlet: Harbour News\ntimezone: Europe/London"
    write(tmp_path / "sources" / "news.md", front, "The ferry set off at 9:15 a.m. from Port Alder with 40 people aboard.\n")
    write(tmp_path / "draft.md", "outlet: Editor's draft\ntimezone: Europe/London", f"The ferry had left Port Alder at {clock}\n")
    result = check([tmp_path / "sources"], draft=tmp_path / "draft.md", encoder=encoder)
    (v,) = result.draft
    assert v.verdict == expected
