"""The editor's workflow: a draft checked against sources, versions of one story, wire copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.pipeline import check
from tests.conftest import SAMPLE

DRAFT = Path(__file__).parent / "drafts" / "iraq-syria-strikes-draft.md"
SECOND_DRAFT = Path(__file__).parent / "drafts" / "iraq-syria-strikes-draft-2.md"


@pytest.fixture(scope="module")
def reviewed(encoder):
    return check([SAMPLE], draft=DRAFT, encoder=encoder)


def verdict(result, words: str):
    return next(v for v in result.draft if words in v.claim.text)


def test_a_wrong_figure_in_the_draft_is_contradicted_with_the_sources_words(reviewed) -> None:
    v = verdict(reviewed, "5,000")
    assert v.verdict == "contradicted"
    finding = reviewed.discrepancies[v.discrepancies[0]]
    assert finding.kind == "numeric" and finding.between == "draft"
    assert any("2,500" in side.claim.text and side.claim.article != "iraq-syria-strikes-draft" for side in finding.sides)


def test_a_wrong_casualty_claim_in_the_draft_is_contradicted(reviewed) -> None:
    v = verdict(reviewed, "No one was killed")
    assert v.verdict == "contradicted"
    assert reviewed.discrepancies[v.discrepancies[0]].kind == "casualty"


def test_a_claim_no_source_makes_is_unsupported(reviewed) -> None:
    assert verdict(reviewed, "aircraft carrier").verdict == "unsupported"


def test_a_correct_claim_is_supported_by_the_outlets_that_say_it(reviewed) -> None:
    v = verdict(reviewed, "struck facilities")
    assert v.verdict == "supported"
    assert len(v.supported_by) >= 2


@pytest.fixture(scope="module")
def second_review(encoder):
    return check([SAMPLE], draft=SECOND_DRAFT, encoder=encoder)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # the sources: two sites in Syria and one in Iraq; the draft swaps the parts
        ("Two of the three sites hit were in Iraq", "contradicted"),
        # two outlets give four militiamen killed; "no immediate reports" only predates them
        ("four of its fighters were killed", "supported"),
        # "Sunday" in Washington is the "before dawn on Monday" of the region
        ("Sunday evening, Eastern time", "supported"),
        ("one child was killed", "supported"),
    ],
)
def test_a_second_draft_gets_each_verdict_an_editor_expects(second_review, words: str, expected: str) -> None:
    assert verdict(second_review, words).verdict == expected


def test_a_source_that_knew_of_no_casualties_yet_does_not_dispute_a_drafts_toll(second_review) -> None:
    against_draft = [
        d for d in second_review.discrepancies if d.rule == "C101" and any("fighters were killed" in s.claim.text for s in d.sides)
    ]
    assert against_draft and all(d.status == "explained" for d in against_draft)


def test_a_swapped_split_cites_each_part_the_sources_give(second_review) -> None:
    v = verdict(second_review, "Two of the three sites hit were in Iraq")
    topics = {second_review.discrepancies[n].topic for n in v.discrepancies}
    assert any("Syria" in t for t in topics) and any("Iraq" in t for t in topics)


def test_the_draft_is_never_taken_for_a_source(reviewed) -> None:
    assert [a.role for a in reviewed.articles].count("draft") == 1
    assert all(v.claim.article == "iraq-syria-strikes-draft" for v in reviewed.draft)


def write(folder: Path, name: str, text: str, **meta: str) -> None:
    front = "".join(f"{k}: {v}\n" for k, v in meta.items())
    (folder / name).write_text(f"---\n{front}---\n{text}", encoding="utf-8")


STORY = (
    "A fire broke out at a chemical plant on the edge of the port city on Tuesday, the fire service said.\n\n"
    "The plant was hit by {cause} shortly before the fire, officials said.\n\n"
    "{dead} workers were killed and dozens were taken to hospital.\n\n"
    "{extra}"
)


def test_what_a_later_version_changed_is_listed_as_corrections(tmp_path: Path, encoder) -> None:
    write(tmp_path, "v1.md", STORY.format(cause="a rocket", dead="Four", extra=""), outlet="Port Daily", version=1)
    write(
        tmp_path,
        "v2.md",
        STORY.format(cause="a drone", dead="Nine", extra="Residents within 2 km of the plant were evacuated overnight.\n"),
        outlet="Port Daily",
        version=2,
    )
    result = check([tmp_path], encoder=encoder)
    assert {d.kind for d in result.discrepancies} == {"casualty", "event_type"}
    assert all(d.between == "versions" for d in result.discrepancies)
    (revision,) = result.revisions
    assert (revision.earlier, revision.later) == ("v1", "v2")
    assert [c.text for c in revision.added] == ["Residents within 2 km of the plant were evacuated overnight."]


def test_wire_copies_count_once(tmp_path: Path, encoder) -> None:
    wire = (
        "Floodwaters cut off 40 villages in the northern province on Friday, the disaster agency said.\n\n"
        "Rescuers used boats to reach about 3,000 stranded residents, officials said.\n\n"
        "The river rose by more than two metres overnight.\n"
    )
    write(tmp_path, "a.md", wire, outlet="Daily One")
    write(tmp_path, "b.md", wire, outlet="Daily Two")
    result = check([tmp_path], encoder=encoder)
    assert result.wire_copies == (("a", "b"),)
    assert result.agreements and all(a.independent == 1 for a in result.agreements)


def test_a_caption_that_contradicts_its_own_story_is_found(tmp_path: Path, encoder) -> None:
    write(
        tmp_path,
        "quake.md",
        "An earthquake struck the mountain town on Wednesday, killing 40 people, officials said.\n\n"
        "Rescuers dug through collapsed homes through the night.\n\n"
        "Rescuers search the rubble after the earthquake on Tuesday that killed 40 people. (Photo: Ana Ruiz / Wire Agency)\n",
        outlet="Mountain Post",
        timezone="Asia/Kathmandu",
    )
    write(tmp_path, "other.md", "A strong earthquake hit the mountain town on Wednesday, officials said.\n", outlet="Other")
    result = check([tmp_path], encoder=encoder)
    inside = [d for d in result.discrepancies if d.between == "article"]
    assert inside and inside[0].kind == "temporal" and inside[0].status == "conflict"
    assert {s.claim.part for s in inside[0].sides} == {"body", "caption"}
    assert not [d for d in result.discrepancies if d.between == "outlets" and any(s.claim.part == "caption" for s in d.sides)]


def test_a_lone_articles_headline_is_still_checked_against_its_text(tmp_path: Path, encoder) -> None:
    write(
        tmp_path,
        "ferry.md",
        "Ferry capsizes in storm, no one hurt\n\n"
        "Six passengers were injured when a ferry capsized in a storm off the island on Friday, the coast guard said.\n",
        outlet="Island Times",
    )
    result = check([tmp_path], encoder=encoder)
    (finding,) = [d for d in result.discrepancies if d.between == "article"]
    assert finding.kind == "casualty" and {s.claim.part for s in finding.sides} == {"body", "heading"}
    assert len([note for note in result.notes if "no other report" in note]) == 1


def test_a_draft_given_alone_still_has_its_headline_checked(tmp_path: Path, encoder) -> None:
    sources, draft = tmp_path / "sources", tmp_path / "draft.md"
    sources.mkdir()
    write(draft.parent, draft.name, "Ferry capsizes in storm, no one hurt\n\nSix passengers were injured when a ferry capsized off the island on Friday.\n")
    result = check([], draft=draft, encoder=encoder)
    assert [(d.kind, d.between) for d in result.discrepancies] == [("casualty", "draft")]
    assert not [note for note in result.notes if "only report of its event" in note]


def test_a_draft_named_like_a_source_is_an_input_error(tmp_path: Path, encoder) -> None:
    from factcheck.errors import InputError

    write(tmp_path, "story.txt", "A landslide buried 12 homes on Tuesday, police said.\n")
    write(tmp_path, "other.txt", "A landslide buried 14 homes on Tuesday, police said.\n")
    write(tmp_path.parent, "story.md", "A landslide buried 20 homes on Tuesday.\n")
    with pytest.raises(InputError, match="same name as the source"):
        check([tmp_path], draft=tmp_path.parent / "story.md", encoder=encoder)
