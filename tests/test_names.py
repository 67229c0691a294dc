"""One person under several spellings and titles is one speaker; two people are two."""

from __future__ import annotations

import pytest

from factcheck.names import same_person, same_thing
from factcheck.types import Thing


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mr. Okafor", "Chidi Okafor"),
        ("regional spokesman Lars Nilsson", "Nilsson"),
        ("Col. Ana Ruiz", "police colonel Ana Ruiz"),
        ("Mohammed al-Hassan", "Muhammad al-Hasan"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        ("the health ministry", "Health Ministry"),
        ("police", "the police"),
    ],
)
def test_one_person_under_several_spellings_and_titles(a: str, b: str) -> None:
    assert same_person(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ali Haddad", "Omar Haddad"),
        ("Mr. Okafor", "Mr. Adeyemi"),
        ("the fire service", "the health ministry"),
        ("witnesses", "the governor"),
    ],
)
def test_different_people_are_not_merged(a: str, b: str) -> None:
    assert not same_person(a, b)


@pytest.mark.parametrize(
    ("speaker", "known"),
    [("Gov. Santos", True), ("the health ministry", True), ("police", True), ("officials", False),
     ("an official", False), ("witnesses", False)],
)
def test_only_a_known_source_can_be_one_source_twice(speaker: str, known: bool) -> None:
    from factcheck.names import identifiable

    assert identifiable(speaker) is known


def thing(name: str | None, kind: str) -> Thing:
    from factcheck.names import thing_name

    return Thing(start=0, end=1, text="x", rule="test", kind=kind, name=thing_name(name, kind) if name else None)


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Eastern Mail", "the Eastern Mail Express", "train"),
        ("Sea Lark", "Sealark", "vessel"),
        ("Fourth Mechanised Brigade", "4th Brigade", "unit"),
        ("4th Mechanized Brigade", "4th Mechanised Brigade", "unit"),
        ("Harbor View Tower", "Harbour View Tower", "building"),
        ("Harbour View Tower", "Harbour View Towers", "building"),
        ("St Jude's Hospital", "St Judes Hospital", "building"),
        ("KX204", "KX204", "aircraft"),
        ("İstanbul Express", "Istanbul Express", "train"),
        ("Çamlıca Tower", "Camlica Tower", "building"),
        ("Delta Chemical", None, "facility"),
        (None, None, "vessel"),
    ],
)
def test_one_thing_under_several_names(a: str | None, b: str | None, kind: str) -> None:
    assert same_thing(thing(a, kind), thing(b, kind))


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Eastern Mail", "Coastal Express", "train"),
        ("Sea Lark", "River Queen", "vessel"),
        ("4th Mechanised Brigade", "7th Mechanised Brigade", "unit"),
        ("North Tower", "South Tower", "building"),
        ("KX204", "KX402", "aircraft"),
        ("12841", "12842", "train"),
        ("Delta Chemical", "Orion Fertiliser", "facility"),
    ],
)
def test_two_things_are_not_merged(a: str, b: str, kind: str) -> None:
    assert not same_thing(thing(a, kind), thing(b, kind))


def test_things_of_two_kinds_are_never_one() -> None:
    assert not same_thing(thing("Sea Lark", "vessel"), thing("Sea Lark", "building"))
    assert not same_thing(thing(None, "vessel"), thing(None, "train"))
