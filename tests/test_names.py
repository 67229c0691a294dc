"""One person under several spellings and titles is one speaker; two people are two."""

from __future__ import annotations

import pytest

from factcheck.names import same_person


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
